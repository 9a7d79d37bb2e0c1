// Paraat's service worker (docs/offline.md): built by SvelteKit from this folder, its precache list
// injected by @vite-pwa/sveltekit. It only keeps the app's files and the offline copies of the
// boards; API calls and the socket always go to the network.
//
// Every feature is a small module with `register(scope)`. To add one, write
// `src/service-worker/<feature>.ts` exporting a ServiceWorkerFeature and add it to FEATURES. Order matters only for fetch routes (Workbox tries them in order).
import { boardPages } from './board-pages';
import { lifecycle } from './lifecycle';
import { pageMessages } from './page-messages';
import { precache } from './precache';
import { pushMessages } from './push-messages';
import { sw, type ServiceWorkerFeature } from './scope';

const FEATURES: readonly ServiceWorkerFeature[] = [lifecycle, precache, boardPages, pageMessages, pushMessages];

for (const feature of FEATURES) feature.register(sw);
