// What Paraat's pages tell the service worker (src/service-worker/page-messages.ts).

export type WorkerMessage = { type: 'paraat:owner'; userId: string | null } | { type: 'paraat:remember'; href: string };

/** Sends a message to the worker that controls this page, if any (none in tests without one, or on first load). */
export function tellWorker(message: WorkerMessage): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.controller?.postMessage(message);
}

/** A message the worker received, if it is one of Paraat's (anything else is ignored). */
export function readWorkerMessage(data: unknown): WorkerMessage | null {
	if (typeof data !== 'object' || data === null) return null;
	const message = data as Record<string, unknown>;
	if (message.type === 'paraat:owner' && (message.userId === null || typeof message.userId === 'string')) return { type: 'paraat:owner', userId: message.userId };
	if (message.type === 'paraat:remember' && typeof message.href === 'string') return { type: 'paraat:remember', href: message.href };
	return null;
}
