// A dedicated PostgreSQL connection that LISTENs and reconnects when it is lost: with growing,
// jittered pauses (a restarting server is not hammered), a ping that notices a silently dead
// connection, and its state for the readiness probe and the metrics.
import pg from 'pg';
import { listenerConnected } from '../metrics/metrics.ts';

export interface Listener {
	/** True while the connection is open and LISTENing on every channel. */
	connected(): boolean;
	close(): Promise<void>;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
const PING_MS = 10_000;
const QUERY_TIMEOUT_MS = 5_000;

export function listen(options: {
	connectionString: string;
	channels: string[];
	onNotification: (channel: string, payload: string) => void;
	/** Called after a reconnect, so the caller can fetch what it may have missed. */
	onReconnect: () => void;
	onError: (err: unknown) => void;
	/** Called when the connection becomes ready (LISTENing on every channel) or stops being so. */
	onReady?: (ready: boolean) => void;
}): Promise<Listener> {
	let current: pg.Client | undefined;
	let ready = false;
	let closed = false;
	let retry: NodeJS.Timeout | undefined;
	let failures = 0;
	let firstConnect = true;

	const setReady = (value: boolean) => {
		const changed = ready !== value;
		ready = value;
		listenerConnected.set(value ? 1 : 0);
		if (changed) options.onReady?.(value);
	};

	const connect = async (): Promise<void> => {
		// Named, so an operator (and a test) can tell it apart in pg_stat_activity.
		const next = new pg.Client({ connectionString: options.connectionString, application_name: 'paraat-listen', query_timeout: QUERY_TIMEOUT_MS, keepAlive: true });
		current = next;
		// Only a connection that was up is "lost"; a failing connect is handled by its caller.
		const lost = (err?: unknown) => {
			if (next !== current || !ready) return;
			if (err) options.onError(err);
			setReady(false);
			current = undefined;
			next.end().catch(() => {});
			scheduleReconnect();
		};
		next.on('notification', (msg) => options.onNotification(msg.channel, msg.payload ?? ''));
		next.on('error', lost);
		next.on('end', () => lost(new Error('LISTEN-verbinding gesloten')));
		try {
			await next.connect();
			for (const channel of options.channels) await next.query(`LISTEN ${channel}`);
		} catch (err) {
			if (next === current) current = undefined;
			next.end().catch(() => {});
			throw err;
		}
		if (closed) {
			await next.end().catch(() => {});
			return;
		}
		setReady(true);
		failures = 0;
		if (!firstConnect) options.onReconnect();
		firstConnect = false;
	};

	const scheduleReconnect = () => {
		if (closed || retry) return;
		const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures) * (0.75 + Math.random() * 0.5);
		failures++;
		retry = setTimeout(() => {
			retry = undefined;
			connect().catch((err) => {
				options.onError(err);
				scheduleReconnect();
			});
		}, delay);
	};

	// A server that vanished without closing the socket (network gone) sends no 'end'.
	const ping = setInterval(() => {
		const client = current;
		if (!client || !ready) return;
		client.query('select 1').catch((err: unknown) => {
			if (client !== current) return;
			options.onError(err);
			setReady(false);
			current = undefined;
			client.end().catch(() => {});
			scheduleReconnect();
		});
	}, PING_MS);
	ping.unref();

	return connect().then(
		() => ({
			connected: () => ready && !closed,
			async close() {
				closed = true;
				clearInterval(ping);
				if (retry) clearTimeout(retry);
				setReady(false);
				const client = current;
				current = undefined;
				await client?.end().catch(() => {});
			}
		}),
		(err: unknown) => {
			clearInterval(ping);
			throw err;
		}
	);
}
