// The installable web app: the web app manifest (Dutch names, the house style's colour, the icons
// in static/icons, made once from static/icons/paraat.svg) and the precache list that
// @vite-pwa/sveltekit injects into the service worker SvelteKit builds from src/service-worker/.
// SvelteKit registers the worker itself; the plugin adds no script (the CSP allows none inline).
import { SvelteKitPWA } from '@vite-pwa/sveltekit';

export const THEME_COLOUR = '#154273';

export function paraatPwa() {
	return SvelteKitPWA({
		strategies: 'injectManifest',
		srcDir: 'src',
		filename: 'service-worker.js',
		injectRegister: false,
		registerType: 'autoUpdate',
		manifestFilename: 'manifest.webmanifest',
		manifest: {
			id: '/',
			name: 'Paraat — Veiligheidsregio Kennemerland',
			short_name: 'Paraat',
			description: 'Werkomgeving voor evenementenveiligheid en crisisbeheersing van de negen gemeenten in Kennemerland.',
			lang: 'nl',
			dir: 'ltr',
			start_url: '/',
			scope: '/',
			display: 'standalone',
			theme_color: THEME_COLOUR,
			background_color: '#ffffff',
			icons: [
				{ src: '/icons/paraat-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
				{ src: '/icons/paraat-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
				{ src: '/icons/paraat-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
				{ src: '/icons/paraat.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
			]
		},
		injectManifest: {
			// Fonts too: a board from its offline copy must look the same. Large map styles are left to the network.
			globPatterns: ['client/**/*.{js,css,ico,png,svg,webmanifest,woff,woff2,ttf}'],
			maximumFileSizeToCacheInBytes: 4 * 1024 * 1024
		},
		devOptions: { enabled: false }
	});
}
