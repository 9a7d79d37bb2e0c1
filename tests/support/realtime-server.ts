// An in-process app "node" for integration tests: a plain HTTP server on a free port with the
// real socket.io layer attached, and a helper to connect socket.io clients with a session cookie.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectIo, type Socket, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { attachRealtime, type RealtimeServer } from '../../src/lib/server/realtime/server.ts';
import { registerCapabilities } from '../../src/lib/server/runtime/capabilities.ts';
import type { BacklogLimits } from '../../src/lib/server/realtime/slow-consumers.ts';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import type { ClientToServerEvents, PresenceEntry, ServerToClientEvents } from '../../src/lib/realtime/protocol.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestRealtimeNode {
	url: string;
	realtime: RealtimeServer;
	close(): Promise<void>;
}

export async function startRealtimeServer(
	target: { db: Database; url: string },
	options: { heartbeatMs?: number; backlogLimits?: BacklogLimits } = {}
): Promise<TestRealtimeNode> {
	const server = http.createServer((_req, res) => {
		res.statusCode = 404;
		res.end();
	});
	const errors: string[] = [];
	// As the production entry does: the realtime core knows the topics only once they are registered.
	registerCapabilities();
	const realtime = await attachRealtime(server, {
		db: target.db,
		connectionString: target.url,
		heartbeatMs: options.heartbeatMs,
		backlogLimits: options.backlogLimits,
		log: (level, msg, extra) => {
			if (level === 'error') errors.push(`${msg} ${JSON.stringify(extra ?? {})}`);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		realtime,
		async close() {
			// realtime.close() disconnects the sockets and closes the HTTP server through socket.io.
			server.closeAllConnections();
			await realtime.close();
			if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
			if (errors.length > 0) console.warn(`realtime node logged errors:\n${errors.join('\n')}`);
		}
	};
}

export function sessionCookie(token: string): string {
	return `${SESSION_COOKIE}=${token}`;
}

/** A socket.io client that sends the session cookie; not yet connected unless autoConnect. */
export function createClient(url: string, token: string | null, options: Partial<ManagerOptions & SocketOptions> = {}): ClientSocket {
	return connectIo(url, {
		path: '/socket.io',
		transports: ['websocket'],
		forceNew: true,
		reconnectionDelay: 50,
		reconnectionDelayMax: 250,
		extraHeaders: token ? { cookie: sessionCookie(token) } : {},
		...options
	}) as ClientSocket;
}

/** Connects and resolves once the handshake succeeded; rejects with the connect_error. */
export function connectClient(url: string, token: string | null, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<ClientSocket> {
	const socket = createClient(url, token, { reconnection: false, ...options });
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.close();
			reject(new Error('connect timed out'));
		}, 10_000);
		socket.once('connect', () => {
			clearTimeout(timer);
			resolve(socket);
		});
		socket.once('connect_error', (err) => {
			clearTimeout(timer);
			socket.close();
			reject(err);
		});
	});
}

/** Who is online, as the `presence` acknowledgement says. */
export function presenceOf(socket: ClientSocket): Promise<PresenceEntry[]> {
	return socket.timeout(5_000).emitWithAck('presence') as Promise<PresenceEntry[]>;
}
