import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { isForeignStateChange } from '$lib/server/http/origin';
import { applySecurityHeaders } from '$lib/server/http/security-headers';
import { apiError } from '$lib/server/http/api';
import { logger } from '$lib/server/log';
import { config } from '$lib/server/config';
import { seedDemoExercise } from '$lib/server/demo/demo-exercise';
import { seedDemoEvents } from '$lib/server/demo/demo-events';
import { seedDemoAdvice } from '$lib/server/demo/demo-advice';

export const init: ServerInit = async () => {
	// Internal hand-over from the bootstrap (runtime/bootstrap.ts), read from the environment at this
	// moment rather than from the cached configuration: the bootstrap sets it after the start began.
	if (process.env.PARAAT_DEMO_ACTIVE !== '1') return;
	try {
		await seedDemoExercise(getDb());
	} catch (err) {
		// A demo that could not be set up must not keep the app from serving.
		logger.error({ err: err instanceof Error ? err.message : String(err) }, 'demo-oefening niet klaargezet');
	}
	try {
		await seedDemoEvents(getDb());
		// Advice requests on the demo's advies_gevraagd and decided B/C applications.
		await seedDemoAdvice(getDb());
	} catch (err) {
		logger.error({ err: err instanceof Error ? err.message : String(err) }, 'demo-evenementen niet klaargezet');
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
	event.locals.user = null;
	event.locals.session = null;

	let response: Response;
	if (event.url.pathname.startsWith('/api/') && isForeignStateChange(event.request, event.url)) {
		response = apiError(403, 'foreign_origin', 'Verzoeken van een andere website worden geweigerd.');
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			const { session, user } = await validateSessionToken(getDb(), token);
			if (session) {
				setSessionCookie(event.cookies, event.url, token, session.expiresAt);
				event.locals.session = session;
				event.locals.user = user;
			} else {
				deleteSessionCookie(event.cookies, event.url);
			}
		}
		response = await resolve(event);
	}

	applySecurityHeaders(response.headers, !dev && config().NODE_ENV === 'production');
	response.headers.set('X-Request-Id', event.locals.requestId);
	logger.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname, // never the query string: it may hold tokens
			status: response.status,
			ms: Math.round(performance.now() - started),
			user: event.locals.user?.id
		},
		'verzoek'
	);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Deze pagina bestaat niet.', requestId: event.locals.requestId };
	logger.error(
		{ requestId: event.locals.requestId, path: event.url.pathname, err: error instanceof Error ? error.message : String(error) },
		'onverwachte fout'
	);
	return { message: 'Er ging iets mis. Probeer het opnieuw of meld het met dit kenmerk.', requestId: event.locals.requestId };
};
