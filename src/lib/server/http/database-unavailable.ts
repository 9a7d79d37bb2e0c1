// What a request gets while PostgreSQL is away: 503 in the form its caller reads (the API's
// error format, JSON for SvelteKit's client-side navigation, a small Dutch page otherwise), with
// Retry-After. Paraat recovers by itself; the page reloads itself every 30 seconds.
import { json, type RequestEvent } from '@sveltejs/kit';
import { apiError } from './api';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../db/unavailable';

const RETRY_AFTER_SECONDS = 30;

const page = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Database niet bereikbaar — Paraat</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.75rem}.alert{border-left:.5rem solid #d52b1e;background:#fdf1f0;padding:1rem}</style>
</head>
<body>
<main>
<h1>Database niet bereikbaar</h1>
<div class="alert" role="alert"><p>${DATABASE_UNAVAILABLE_MESSAGE}</p></div>
<p>Deze pagina probeert het elke ${RETRY_AFTER_SECONDS} seconden zelf opnieuw. <a href="">Nu opnieuw proberen</a></p>
</main>
</body>
</html>
`;

export function databaseUnavailableResponse(event: Pick<RequestEvent, 'url' | 'isDataRequest' | 'request'>): Response {
	let response: Response;
	if (event.url.pathname.startsWith('/api/')) {
		response = apiError(503, 'database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
	} else if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// A form enhanced with use:enhance reads an ActionResult; the page shows it as an error.
		response = json({ type: 'error', error: { message: DATABASE_UNAVAILABLE_MESSAGE } }, { status: 503 });
	} else if (event.isDataRequest) {
		// SvelteKit's client shows +error.svelte with this status and message.
		response = json({ message: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503 });
	} else {
		response = new Response(page, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
	}
	response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	response.headers.set('cache-control', 'no-store');
	return response;
}
