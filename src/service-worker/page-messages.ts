// Messages from Paraat's own pages (src/lib/client/offline/worker-messages.ts):
// - `owner`: who is signed in now (null after logging out), so copies of others are dropped;
// - `remember`: a board was opened by a client-side navigation, which the worker does not see as a
//   page load: fetch that page once so its offline copy exists too.
import { isBoardPath } from '$lib/client/offline/board-paths';
import { readWorkerMessage } from '$lib/client/offline/worker-messages';
import { keepBoardCopy } from './board-pages';
import { setOwner } from './owner';
import type { ServiceWorkerFeature } from './scope';

async function remember(scope: ServiceWorkerGlobalScope, href: string): Promise<void> {
	const url = new URL(href, scope.location.origin);
	if (url.origin !== scope.location.origin || !isBoardPath(url.pathname)) return;
	try {
		const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
		await keepBoardCopy(url, response);
	} catch {
		// Offline again already: the copy from before stays.
	}
}

export const pageMessages: ServiceWorkerFeature = {
	name: 'page-messages',
	register(scope) {
		scope.addEventListener('message', (event) => {
			if (event.origin && event.origin !== scope.location.origin) return;
			const message = readWorkerMessage(event.data);
			if (message?.type === 'paraat:owner') event.waitUntil(setOwner(message.userId));
			else if (message?.type === 'paraat:remember') event.waitUntil(remember(scope, message.href));
		});
	}
};
