// The built app (scripts, styles, icons, the web app manifest) in the cache, so a board page
// opened from its offline copy can start its scripts without a network. The list with a hash per
// file is injected at build time by @vite-pwa/sveltekit (self.__WB_MANIFEST); a new build
// downloads only what changed and drops the old files.
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import type { ServiceWorkerFeature } from './scope';

declare global {
	interface ServiceWorkerGlobalScope {
		__WB_MANIFEST: (string | { url: string; revision: string | null })[];
	}
}

export const precache: ServiceWorkerFeature = {
	name: 'precache',
	register() {
		cleanupOutdatedCaches();
		// Written out as `self.__WB_MANIFEST`: the build looks for exactly that text to replace.
		precacheAndRoute((self as unknown as ServiceWorkerGlobalScope).__WB_MANIFEST);
	}
};
