import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newAlertInput } from '$lib/contracts/alert-input';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { alerts } = await locals.services.alerting.alertsOf(locals.user, params.id);
		return json({ alerts });
	});

/** Alerts whoever is on duty for `functions`: 201 `{ id, recipients: [{ userId, function, status }], unstaffed }`. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newAlertInput);
		const { id, recipients, unstaffed } = await locals.services.alerting.sendAlert(locals.user, params.id, input, locals.ctx);
		return json({ id, recipients, unstaffed }, { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
