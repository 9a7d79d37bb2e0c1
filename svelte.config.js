import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ out: 'build' }),
		// Content-Security-Policy: SvelteKit adds hashes/nonces for its own inline scripts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https://service.pdok.nl'],
				'font-src': ['self'],
				'connect-src': ['self', 'ws:', 'wss:', 'https://service.pdok.nl'],
				'worker-src': ['self', 'blob:'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		// Form posts from other origins are refused by the request hook with SvelteKit's own rule
		// (src/lib/server/http/origin.ts, isCrossSiteFormPost), so the refusal is Dutch and under
		// /api/ a problem answer; the framework's English check is therefore switched off here.
		// JSON API requests are checked in the hook as well (isForeignStateChange).
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
