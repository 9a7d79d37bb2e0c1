// A dedicated PostgreSQL connection that LISTENs and reconnects when it is lost.
import pg from 'pg';

export interface Listener {
	close(): Promise<void>;
}

export function listen(options: {
	connectionString: string;
	channels: string[];
	onNotification: (channel: string, payload: string) => void;
	/** Called after a reconnect, so the caller can fetch what it may have missed. */
	onReconnect: () => void;
	onError: (err: unknown) => void;
}): Promise<Listener> {
	let client: pg.Client | undefined;
	let closed = false;
	let retry: NodeJS.Timeout | undefined;
	let firstConnect = true;

	const connect = async (): Promise<void> => {
		const next = new pg.Client({ connectionString: options.connectionString });
		next.on('notification', (msg) => options.onNotification(msg.channel, msg.payload ?? ''));
		next.on('error', (err) => {
			options.onError(err);
			scheduleReconnect();
		});
		next.on('end', () => scheduleReconnect());
		await next.connect();
		for (const channel of options.channels) await next.query(`LISTEN ${channel}`);
		client = next;
		if (!firstConnect) options.onReconnect();
		firstConnect = false;
	};

	const scheduleReconnect = () => {
		if (closed || retry) return;
		client = undefined;
		retry = setTimeout(() => {
			retry = undefined;
			connect().catch((err) => {
				options.onError(err);
				scheduleReconnect();
			});
		}, 1000);
	};

	return connect().then(() => ({
		async close() {
			closed = true;
			if (retry) clearTimeout(retry);
			await client?.end().catch(() => {});
		}
	}));
}
