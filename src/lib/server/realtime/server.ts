// socket.io on the app's own HTTP server: cookie-authenticated handshake, authorised
// subscribe with replay, NOTIFY fan-out, presence, and disconnect on logout.
// Framework-free, so the production entry and the Vite dev plugin share it.
import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Server, type Socket } from 'socket.io';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { SESSION_COOKIE, SESSION_REVOKED_CHANNEL, validateSessionToken } from '../auth/session.ts';
import { AUTH_CHANGED_CHANNEL, forgetSessions, forgetUser, sessionCacheListener } from '../auth/session-cache.ts';
import { readCookie } from './cookies.ts';
import { currentSeq } from './event-log.ts';
import { TopicFanout } from './fanout.ts';
import { receiveLocalEvents } from './local-events.ts';
import { SharedReplay } from './replay.ts';
import { listen } from './listener.ts';
import {
	deleteConnection,
	deleteNodeConnections,
	deleteStaleConnections,
	insertConnection,
	listOnline,
	listViewers,
	setViewing,
	touchNodeConnections
} from './presence-queries.ts';
import { liveSessionIds } from '../auth/session-queries.ts';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck, ViewAck } from '../../contracts/realtime.ts';
import { EVENTS_CHANNEL, PRESENCE_CHANNEL } from './channels.ts';
import { authoriseTopic } from './topics.ts';
import { notifyChannel } from '../db/notify.ts';
import { eventsDelivered, slowSocketsDropped, socketsConnected } from '../metrics/metrics.ts';
import { backlogOf, cutOff, DEFAULT_BACKLOG_LIMITS, isOverLimit, type BacklogLimits } from './slow-consumers.ts';

interface SocketData {
	user: SessionUser;
	sessionId: string;
	token: string;
}

type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeServer {
	io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
	nodeId: string;
	/** Whether the LISTEN connection is up (the readiness probe asks). */
	listening(): boolean;
	/** Closes the transports (clients reconnect elsewhere, they are not logged out) and the listener. */
	close(): Promise<void>;
}

export interface RealtimeOptions {
	db: Kysely<DB>;
	connectionString: string;
	log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
	/** Allowed Origin for the handshake; defaults to the request's own host. */
	origin?: string;
	heartbeatMs?: number;
	/** When a socket that does not read is cut off (see slow-consumers.ts). */
	backlogLimits?: BacklogLimits;
}

const HEARTBEAT_MS = 30_000;
const PRESENCE_THROTTLE_MS = 500;

function sameOrigin(originHeader: string | undefined, host: string | undefined, allowed?: string): boolean {
	if (!originHeader) return true; // not a browser: the session cookie is the check
	if (allowed) return originHeader === allowed;
	try {
		return new URL(originHeader).host === host;
	} catch {
		return false;
	}
}

function isNonNegativeInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export async function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): Promise<RealtimeServer> {
	const { db } = options;
	const log = options.log ?? (() => {});
	const nodeId = randomUUID();
	let closing = false;
	const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
		path: '/socket.io',
		serveClient: false,
		// Websocket only: a connection lives on the one process that accepted it, so several workers
		// (runtime/workers.ts) and several nodes need no sticky sessions. Browsers connect this way.
		transports: ['websocket'],
		maxHttpBufferSize: 64 * 1024,
		allowRequest: (req, callback) => {
			const ok = sameOrigin(req.headers.origin, req.headers.host, options.origin);
			callback(ok ? null : 'Verbinding vanaf een andere herkomst geweigerd', ok);
		}
	});

	const replay = new SharedReplay(db);
	const fanout = new TopicFanout({
		db,
		hasListeners: (topic) => (io.sockets.adapter.rooms.get(topic)?.size ?? 0) > 0,
		emit: (topic, event) => {
			dropSlowConsumers(topic);
			io.to(topic).emit('event', event);
			eventsDelivered.inc({ via: 'live' }, io.sockets.adapter.rooms.get(topic)?.size ?? 0);
		},
		onError: (err) => log('error', 'realtime fan-out failed', { err: String(err) })
	});

	// Before each emit: a member of the room whose backlog passed the limit is cut off rather than
	// given one more event to hold (it catches up with `since` when it reconnects).
	const limits = options.backlogLimits ?? DEFAULT_BACKLOG_LIMITS;
	const dropSlowConsumers = (topic: string) => {
		const members = io.sockets.adapter.rooms.get(topic);
		if (!members) return;
		for (const id of members) {
			const socket = io.sockets.sockets.get(id);
			if (!socket) continue;
			const backlog = backlogOf(socket);
			if (!isOverLimit(backlog, limits)) continue;
			log('warn', 'socket leest niet en loopt te ver achter: verbinding verbroken', { user: socket.data.user?.id, ...backlog });
			slowSocketsDropped.inc();
			cutOff(socket);
		}
	};

	let presenceTimer: NodeJS.Timeout | undefined;
	const broadcastPresence = () => {
		if (presenceTimer) return;
		presenceTimer = setTimeout(() => {
			presenceTimer = undefined;
			listOnline(db)
				.then((entries) => io.emit('presence', entries))
				.catch((err) => log('error', 'presence failed', { err: String(err) }));
			refreshViewers();
		}, PRESENCE_THROTTLE_MS);
	};
	// Who looks at which incident: sent to the incident rooms this node serves, after every
	// presence change anywhere (the rows are shared, so every node sees every change).
	const refreshViewers = () => {
		const rooms = [...io.sockets.adapter.rooms]
			.filter(([name, members]) => name.startsWith('incident:') && members.size > 0)
			.map(([name]) => name.slice('incident:'.length));
		if (rooms.length === 0 || closing) return;
		track(
			listViewers(db, rooms)
				.then((byIncident) => {
					for (const update of byIncident.values()) io.to(`incident:${update.incident}`).emit('viewers', update);
				})
				.catch((err) => log('error', 'viewers failed', { err: String(err) }))
		);
	};
	const announcePresence = () =>
		notifyChannel(db, PRESENCE_CHANNEL).catch((err) => log('error', 'presence notify failed', { err: String(err) }));
	// Presence writes still running, so close() can wait for them before the database goes.
	const pending = new Set<Promise<unknown>>();
	const track = (work: Promise<unknown>) => {
		pending.add(work);
		void work.finally(() => pending.delete(work));
	};

	const disconnectSessions = (sessionIds: Set<string>) => {
		for (const socket of io.sockets.sockets.values()) {
			if (sessionIds.has(socket.data.sessionId)) socket.disconnect(true);
		}
	};

	const listener = await listen({
		connectionString: options.connectionString,
		channels: [EVENTS_CHANNEL, PRESENCE_CHANNEL, SESSION_REVOKED_CHANNEL, AUTH_CHANGED_CHANNEL],
		onNotification: (channel, payload) => {
			if (channel === EVENTS_CHANNEL) {
				const colon = payload.indexOf(':');
				const seq = Number(payload.slice(0, colon));
				fanout.notify(payload.slice(colon + 1), seq);
			} else if (channel === PRESENCE_CHANNEL) {
				broadcastPresence();
			} else if (channel === SESSION_REVOKED_CHANNEL) {
				const ids = payload.split(',');
				forgetSessions(ids);
				disconnectSessions(new Set(ids));
			} else if (channel === AUTH_CHANGED_CHANNEL) {
				forgetUser(payload);
			}
		},
		// Sessions are cached only while this connection hears every invalidation.
		onReady: sessionCacheListener,
		onReconnect: () => {
			log('warn', 'LISTEN connection restored; catching up');
			fanout.catchUp((topic) => currentSeq(db, topic));
			broadcastPresence();
		},
		onError: (err) => log('error', 'LISTEN connection error', { err: String(err) })
	});

	// What this process commits reaches its own sockets without the NOTIFY round trip and the fetch.
	const stopLocalEvents = receiveLocalEvents((events) => {
		if (closing) return;
		for (const event of events) fanout.offer(event);
	});

	io.use(async (socket, next) => {
		try {
			const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
			const result = token ? await validateSessionToken(db, token) : null;
			if (!token || !result?.session) return next(new Error('Niet ingelogd: log opnieuw in.'));
			socket.data.user = result.user;
			socket.data.sessionId = result.session.id;
			socket.data.token = token;
			next();
		} catch (err) {
			log('error', 'socket handshake failed', { err: String(err) });
			next(new Error('Verbinden mislukt, probeer het opnieuw.'));
		}
	});

	io.on('connection', (socket: RealtimeSocket) => {
		const user = socket.data.user;
		socketsConnected.inc();
		const inserted = insertConnection(db, { socketId: socket.id, nodeId, userId: user.id })
			.then(announcePresence)
			.catch((err) => log('error', 'presence insert failed', { err: String(err) }));
		track(inserted);

		socket.on('subscribe', async (request, ack) => {
			if (typeof ack !== 'function') return;
			const reply = (result: SubscribeAck) => ack(result);
			try {
				const topic = (request as { topic?: unknown } | undefined)?.topic;
				const since = (request as { since?: unknown } | undefined)?.since;
				if (since !== undefined && since !== null && !isNonNegativeInteger(since)) {
					return reply({ ok: false, code: 'invalid_since', error: '`since` moet een geheel getal van 0 of meer zijn.' });
				}
				// The session may have ended since the handshake; grants may have changed.
				const current = await validateSessionToken(db, socket.data.token);
				if (!current.session) {
					reply({ ok: false, code: 'unauthenticated', error: 'Je sessie is verlopen: log opnieuw in.' });
					socket.disconnect(true);
					return;
				}
				socket.data.user = current.user;
				const decision = await authoriseTopic(db, current.user, topic);
				if (!decision.ok) {
					// A grant may have been revoked since an earlier subscribe: stop the news too.
					if (typeof topic === 'string') await socket.leave(topic);
					return reply(decision);
				}
				const name = topic as string;
				await socket.join(name);
				const seq = await currentSeq(db, name);
				fanout.observe(name, seq);
				// A client ahead of the server (database restored) replays from the start.
				const from = typeof since === 'number' ? (since > seq ? 0 : since) : seq;
				const missed = await replay.missed(name, from, seq);
				eventsDelivered.inc({ via: 'inhaal' }, missed.length);
				reply({ ok: true, seq, missed });
			} catch (err) {
				log('error', 'subscribe failed', { err: String(err) });
				reply({ ok: false, code: 'server_error', error: 'Abonneren mislukt door een storing; probeer het opnieuw.' });
			}
		});

		socket.on('unsubscribe', async (request, ack) => {
			const topic = (request as { topic?: unknown } | undefined)?.topic;
			if (typeof topic === 'string') await socket.leave(topic);
			if (typeof ack === 'function') ack({ ok: typeof topic === 'string' });
		});

		socket.on('presence', (ack) => {
			if (typeof ack !== 'function') return;
			listOnline(db)
				.then(ack)
				.catch((err) => {
					log('error', 'presence list failed', { err: String(err) });
					ack([]);
				});
		});

		// One view change at a time per socket, in the order they were sent.
		let viewing: Promise<unknown> = inserted;
		socket.on('view', (request, ack) => {
			if (typeof ack !== 'function') return;
			const reply = (result: ViewAck) => ack(result);
			const work = viewing.then(async () => {
				try {
					const incident = (request as { incident?: unknown } | undefined)?.incident ?? null;
					if (incident !== null) {
						const current = await validateSessionToken(db, socket.data.token);
						if (!current.session) return reply({ ok: false, code: 'unauthenticated', error: 'Je sessie is verlopen: log opnieuw in.' });
						socket.data.user = current.user;
						const decision = await authoriseTopic(db, current.user, `incident:${String(incident)}`);
						if (!decision.ok) return reply(decision);
					}
					const id = incident as string | null;
					if (!socket.connected) return; // gone meanwhile: leave no row behind
					await setViewing(db, { socketId: socket.id, nodeId, userId: socket.data.user.id }, id);
					await announcePresence();
					reply({ ok: true, viewers: id ? ((await listViewers(db, [id])).get(id) ?? null) : null });
				} catch (err) {
					log('error', 'view failed', { err: String(err) });
					reply({ ok: false, code: 'server_error', error: 'Doorgeven wat je bekijkt mislukte door een storing.' });
				}
			});
			viewing = work;
			track(work);
		});

		socket.on('disconnect', () => {
			socketsConnected.dec();
			if (closing) return; // close() removes this node's rows in one statement
			// After the insert: a socket that closes at once must not leave its row behind.
			track(
				inserted
					.then(() => deleteConnection(db, socket.id))
					.then(announcePresence)
					.catch((err) => log('error', 'presence delete failed', { err: String(err) }))
			);
		});
	});

	// Sockets whose session has ended (expired, or its user blocked) are closed here at the latest.
	const closeEndedSessions = async () => {
		const sessionIds = [...new Set([...io.sockets.sockets.values()].map((s) => s.data.sessionId).filter(Boolean))];
		const live = new Set(await liveSessionIds(db, sessionIds));
		disconnectSessions(new Set(sessionIds.filter((id) => !live.has(id))));
	};

	const heartbeat = setInterval(() => {
		// Refresh only sockets that are open now; any other row of this node is a leftover.
		touchNodeConnections(db, nodeId, [...io.sockets.sockets.keys()])
			.then(closeEndedSessions)
			.then(() => deleteStaleConnections(db))
			.then((removed) => (removed > 0 ? announcePresence() : undefined))
			.catch((err) => log('error', 'presence heartbeat failed', { err: String(err) }));
	}, options.heartbeatMs ?? HEARTBEAT_MS);
	heartbeat.unref();

	return {
		io,
		nodeId,
		listening: () => listener.connected(),
		async close() {
			closing = true;
			stopLocalEvents();
			clearInterval(heartbeat);
			if (presenceTimer) clearTimeout(presenceTimer);
			// Not disconnectSockets(): a server-side disconnect tells socket.io clients not to come back.
			// io.close() closes the engine's transports, and the clients reconnect (to another node).
			await new Promise<void>((resolve) => io.close(() => resolve()));
			await listener.close();
			await Promise.allSettled([...pending]);
			await deleteNodeConnections(db, nodeId).catch(() => {});
			await announcePresence();
		}
	};
}
