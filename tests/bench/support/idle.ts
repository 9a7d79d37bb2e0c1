// Many idle sockets on one app: connected, subscribed to their own `user:<id>` topic, nothing sent.
import { io, type Socket } from 'socket.io-client';

export async function openIdleSockets(url: string, cookies: string[], count: number, topicOf: (c: number) => string): Promise<Socket[]> {
	const sockets: Socket[] = [];
	const batch = 200; // a burst of thousands of handshakes at once only measures the accept queue
	for (let start = 0; start < count; start += batch) {
		const group = Array.from({ length: Math.min(batch, count - start) }, (_, k) => {
			const c = start + k;
			const socket = io(url, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: cookies[c % cookies.length]! } });
			sockets.push(socket);
			return new Promise<void>((resolve, reject) => {
				socket.once('connect', () => {
					socket
						.timeout(30_000)
						.emitWithAck('subscribe', { topic: topicOf(c) })
						.then(() => resolve(), reject);
				});
				socket.once('connect_error', reject);
			});
		});
		await Promise.all(group);
	}
	return sockets;
}
