// Pages are always asked of the network first (with navigation preload, so the worker adds no
// wait): online, nobody sees an old page. The answer for a board (task board, logbook, bluswater,
// see $lib/client/offline/board-paths) is kept as that user's offline copy; without a network the
// last copy is shown, or a Dutch page that lists the boards that are readable offline. API calls,
// page data (__data.json) and the socket are never touched by the worker.
import { enable as enableNavigationPreload } from 'workbox-navigation-preload';
import { registerRoute } from 'workbox-routing';
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import { boardCopyKey, isBoardPath } from '$lib/client/offline/board-paths';
import { boardsCacheName, currentOwner, ownerOf, setOwner } from './owner';
import { offlinePage } from './offline-page';
import type { ServiceWorkerFeature } from './scope';

/** Learns whose page this is and keeps a board's answer as that user's offline copy. */
export async function keepBoardCopy(url: URL, response: Response): Promise<void> {
	const owner = ownerOf(response);
	if (owner === undefined) return; // a redirect or an answer that does not say: nothing learnt
	await setOwner(owner);
	if (owner === null || response.status !== 200 || !isBoardPath(url.pathname)) return;
	if (!(response.headers.get('content-type') ?? '').includes('text/html')) return;
	await (await caches.open(boardsCacheName(owner))).put(boardCopyKey(url), response);
}

async function offlineAnswer(url: URL): Promise<Response> {
	const owner = await currentOwner();
	if (owner === null) return offlinePage([]);
	const cache = await caches.open(boardsCacheName(owner));
	const copy = await cache.match(boardCopyKey(url));
	if (copy) return copy;
	const copies = await Promise.all(
		(await cache.keys()).map(async (request) => ({ path: new URL(request.url).pathname, savedAt: (await cache.match(request))?.headers.get('date') ?? null }))
	);
	return offlinePage(copies.map((c) => ({ path: c.path, savedAt: c.savedAt ? new Date(c.savedAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }) : null })));
}

async function networkFirst({ event, request, url }: RouteHandlerCallbackOptions): Promise<Response> {
	const fetchEvent = event as FetchEvent;
	try {
		const response = ((await fetchEvent.preloadResponse) as Response | undefined) ?? (await fetch(request));
		fetchEvent.waitUntil(keepBoardCopy(url, response.clone()));
		return response;
	} catch {
		return offlineAnswer(url);
	}
}

export const boardPages: ServiceWorkerFeature = {
	name: 'board-pages',
	register(scope) {
		enableNavigationPreload();
		registerRoute(({ request, url }) => request.mode === 'navigate' && url.origin === scope.location.origin, networkFirst);
	}
};
