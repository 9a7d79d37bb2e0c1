// A new worker takes over at once, so a fix to the offline copies reaches open tabs without
// waiting for every tab of Paraat to close. Pages keep the code they loaded until they navigate.
import { clientsClaim } from 'workbox-core';
import type { ServiceWorkerFeature } from './scope';

export const lifecycle: ServiceWorkerFeature = {
	name: 'lifecycle',
	register(scope) {
		scope.addEventListener('install', () => void scope.skipWaiting());
		clientsClaim();
	}
};
