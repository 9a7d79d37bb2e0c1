// Back-pressure for the fan-out: a socket that does not read (a stalled laptop, a frozen tab, a
// network that swallows packets) would make this process hold every event for it, in the kernel
// first and then in engine.io's write buffer, without end. A socket whose backlog passes a limit is
// cut off instead: its client reconnects and subscribes with `since`, and the event log gives it what
// it missed (the realtime contract), so nothing is lost and nobody else waits for it.
import type { Socket } from 'socket.io';

export interface BacklogLimits {
	/** Packets engine.io holds for the socket because its transport is still busy writing. */
	maxPackets: number;
	/** Bytes the TCP socket holds that the kernel has not taken yet. */
	maxBytes: number;
}

export const DEFAULT_BACKLOG_LIMITS: BacklogLimits = { maxPackets: 2_000, maxBytes: 4 * 1024 * 1024 };

interface EngineInternals {
	writeBuffer?: { data?: string | ArrayBufferLike | ArrayBufferView }[];
	transport?: { name?: string; socket?: { _socket?: { writableLength?: number }; terminate?: () => void } };
}

/**
 * What the socket holds that the client has not taken, as far as this process can see: the bytes
 * the TCP socket still buffers plus the packets engine.io keeps back (and their size). A reading
 * client's backlog is empty nearly always, so the sum costs nothing for it.
 */
export function backlogOf(socket: Socket): { packets: number; bytes: number } {
	const conn = socket.conn as unknown as EngineInternals;
	const queued = conn.writeBuffer ?? [];
	let bytes = conn.transport?.socket?._socket?.writableLength ?? 0;
	for (const packet of queued) {
		const data = packet.data;
		bytes += typeof data === 'string' ? data.length : (data?.byteLength ?? 0);
	}
	return { packets: queued.length, bytes };
}

export function isOverLimit(backlog: { packets: number; bytes: number }, limits: BacklogLimits): boolean {
	return backlog.packets > limits.maxPackets || backlog.bytes > limits.maxBytes;
}

/**
 * Cuts the socket off at once: the websocket is destroyed without a closing handshake (a client
 * that does not read would never answer one), and engine.io drops what it buffered.
 */
export function cutOff(socket: Socket): void {
	const conn = socket.conn as unknown as EngineInternals & { close(discard?: boolean): void };
	conn.transport?.socket?.terminate?.();
	conn.close(true);
}
