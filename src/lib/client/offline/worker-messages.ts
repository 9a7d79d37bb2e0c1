// What Paraat's pages tell the service worker (src/service-worker/page-messages.ts).

export type WorkerMessage = { type: 'paraat:owner'; userId: string | null } | { type: 'paraat:remember'; href: string };

/** Sends a message to the worker that controls this page, if any (none in tests without one, or on first load). */
export function tellWorker(message: WorkerMessage): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.controller?.postMessage(message);
}
