// Headers every response carries. The Content-Security-Policy comes from svelte.config.js.
export function applySecurityHeaders(headers: Headers, production: boolean): void {
	headers.set('X-Frame-Options', 'DENY');
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self)');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (production) headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
}
