// A client that stops reading: it subscribes like any other, then pauses its TCP socket, so the
// server's writes to it pile up (first in the kernel's buffers, then in the server's own). Whether
// the server dropped it is seen from the client: its socket is closed by the other side.
import { io, type Socket } from 'socket.io-client';
import type { Socket as NetSocket } from 'node:net';

export interface StalledClient {
	/**
	 * Reads again and says whether the server had closed the connection meanwhile (a paused socket
	 * notices its end only when it reads): true when it closes within a few seconds.
	 */
	wasDropped(): Promise<boolean>;
	close(): void;
}

export async function stalledClient(url: string, cookie: string, topic: string): Promise<StalledClient> {
	const socket: Socket = io(url, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	const ack = await socket.timeout(20_000).emitWithAck('subscribe', { topic });
	if (!ack.ok) throw new Error(ack.error);
	// engine.io-client's websocket transport holds a `ws` WebSocket whose _socket is the TCP socket.
	const tcp = (socket.io.engine.transport as unknown as { ws: { _socket: NetSocket } }).ws._socket;
	let closed = false;
	tcp.once('close', () => (closed = true));
	tcp.pause();
	return {
		wasDropped: async () => {
			tcp.resume();
			const deadline = Date.now() + 5_000;
			while (!closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
			return closed;
		},
		close: () => {
			tcp.destroy();
			socket.disconnect();
		}
	};
}
