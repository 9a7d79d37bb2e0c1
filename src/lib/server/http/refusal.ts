// How a request refused before its route ran is answered: the problem format under /api/, an
// action result for an enhanced form (the page then shows its Dutch error page), and otherwise
// a small Dutch HTML page.
import { json, type RequestEvent } from '@sveltejs/kit';
import { apiError } from './api';
import { plainErrorResponse } from './plain-error-page';
import type { Refusal } from './request-guard';

export function isApiPath(url: URL): boolean {
	return url.pathname.startsWith('/api/');
}

export function refusalResponse(event: RequestEvent, refusal: Refusal): Response {
	if (isApiPath(event.url)) {
		const fields = refusal.field ? [{ field: refusal.field, message: refusal.message, code: refusal.code }] : undefined;
		return apiError(refusal.status, refusal.code, refusal.message, {}, fields);
	}
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'error', status: refusal.status, error: { message: refusal.message, requestId: event.locals.requestId } }, { status: refusal.status });
	}
	return plainErrorResponse(refusal.status, refusal.message);
}
