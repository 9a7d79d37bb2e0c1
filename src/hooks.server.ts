import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { isForeignStateChange } from '$lib/server/http/origin';
import { applySecurityHeaders } from '$lib/server/http/security-headers';
import { markOfflineOwner } from '$lib/server/http/offline-owner';
import { apiError, apiErrorFor, clientAddress } from '$lib/server/http/api';
import { refuseCrossSiteForm, refuseFormBody, refuseQuery } from '$lib/server/http/request-guard';
import { isApiPath, refusalResponse } from '$lib/server/http/refusal';
import { finishApiAnswer } from '$lib/server/http/api-answer';
import { defaultDetail } from '$lib/server/http/problem';
import { logger } from '$lib/server/log';
import { createRequestServices } from '$lib/server/app/request-services';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { databaseUnavailableResponse } from '$lib/server/http/database-unavailable';
import { observeRequest } from '$lib/server/runtime/metrics';
import { config } from '$lib/server/config';
import { seedDemoExercise } from '$lib/server/demo/demo-exercise';
import { seedDemoEvents } from '$lib/server/demo/demo-events';
import { seedDemoAdvice } from '$lib/server/demo/demo-advice';
import { seedDemoBibob } from '$lib/server/demo/demo-bibob';
import { seedDemoSafetyPlans } from '$lib/server/demo/demo-safety-plan';
import { seedDemoNeighbourhoods } from '$lib/server/demo/demo-neighbourhoods';
import { seedDemoRoster } from '$lib/server/demo/demo-roster';
import { registerCapabilities } from '$lib/server/runtime/capabilities';

// Before any request: the OpenAPI document (and any topic check) needs the capabilities.
registerCapabilities();

export const init: ServerInit = async () => {
	// Internal hand-over from the bootstrap (runtime/bootstrap.ts), read from the environment at this
	// moment rather than from the cached configuration: the bootstrap sets it after the start began.
	if (process.env.PARAAT_DEMO_ACTIVE !== '1') return;
	try {
		// Someone on duty for every crisis function, from yesterday to a week ahead.
		await seedDemoRoster(getDb());
	} catch (err) {
		logger.error({ err: err instanceof Error ? err.message : String(err) }, 'demo-piketrooster niet klaargezet');
	}
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
	try {
		// Bibob files at several stages; one is decided on a demo event application, so after the events.
		await seedDemoBibob(getDb());
	} catch (err) {
		logger.error({ err: err instanceof Error ? err.message : String(err) }, 'demo-Bibob-dossiers niet klaargezet');
	}
	try {
		await seedDemoSafetyPlans(getDb());
	} catch (err) {
		logger.error({ err: err instanceof Error ? err.message : String(err) }, 'demo-veiligheidsplannen niet klaargezet');
	}
	try {
		// Simplified demo wijken and buurten with demo figures per wijk; after the plans (their indicators).
		await seedDemoNeighbourhoods(getDb());
	} catch (err) {
		logger.error({ err: err instanceof Error ? err.message : String(err) }, 'demo-wijken niet klaargezet');
	}
};

/** Built once: the services look the database up on each call, so nothing here touches it. */
const services = createRequestServices(getDb);

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
	// Assigned as a whole, so TypeScript does not narrow `user` to null for the log line below.
	Object.assign(event.locals, { user: null, session: null });
	event.locals.services = services;
	event.locals.ctx = Object.freeze({ ip: clientAddress(() => event.getClientAddress()) });

	let response: Response;
	try {
		response = await answer(event, resolve);
	} catch (err) {
		// Under /api/ even a failure outside any route (the session lookup, say) is a problem answer.
		if (!isApiPath(event.url)) throw err;
		response = apiErrorFor(err);
	}
	if (isApiPath(event.url)) response = finishApiAnswer(response);

	applySecurityHeaders(response.headers, !dev && config().NODE_ENV === 'production');
	response.headers.set('X-Request-Id', event.locals.requestId);
	markOfflineOwner(response.headers, event.url, event.locals.user?.id ?? null);
	observeRequest(event.route.id, event.request.method, response.status, (performance.now() - started) / 1000);
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

/** Input no route can use is refused here, once for every route and form action. */
async function answer(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	const refusal = refuseCrossSiteForm(event.request, event.url) ?? refuseQuery(event.url) ?? (await refuseFormBody(event.request));
	if (refusal) return refusalResponse(event, refusal);
	return authenticatedResponse(event, resolve);
}

async function authenticatedResponse(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	if (event.url.pathname.startsWith('/api/') && isForeignStateChange(event.request, event.url)) {
		return apiError(403, 'foreign_origin', 'Verzoeken van een andere website worden geweigerd.');
	}
	try {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			const { session, user } = await services.auth.validateSessionToken(token);
			if (session) {
				setSessionCookie(event.cookies, event.url, token, session.expiresAt);
				event.locals.session = session;
				event.locals.user = user;
			} else {
				deleteSessionCookie(event.cookies, event.url);
			}
		}
	} catch (err) {
		if (!isDatabaseUnavailable(err)) throw err;
		event.locals.databaseUnavailable = true;
	}
	let response = event.locals.databaseUnavailable ? databaseUnavailableResponse(event) : await resolve(event);
	// handleError saw the database go away during load or an action: 503, not 500.
	if (event.locals.databaseUnavailable && response.status >= 500) response = databaseUnavailableResponse(event);
	return response;
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Deze pagina bestaat niet.', requestId: event.locals.requestId };
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true; // the handle hook answers 503
		logger.warn({ requestId: event.locals.requestId, path: event.url.pathname }, 'database niet bereikbaar');
		return { message: DATABASE_UNAVAILABLE_MESSAGE, requestId: event.locals.requestId };
	}
	// The framework's own refusals (a malformed address, an unknown method, a body over the limit).
	if (status >= 400 && status < 500) return { message: defaultDetail(status), requestId: event.locals.requestId };
	logger.error(
		{ requestId: event.locals.requestId, path: event.url.pathname, err: error instanceof Error ? error.message : String(error) },
		'onverwachte fout'
	);
	return { message: 'Er ging iets mis. Probeer het opnieuw of meld het met dit kenmerk.', requestId: event.locals.requestId };
};
