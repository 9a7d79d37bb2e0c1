import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newIncidentInput } from '$lib/server/incidents/incident-input';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ incidents: await locals.services.incidents.incidentsFor(locals.user, url.searchParams.get('gesloten') === '1') });
	});

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newIncidentInput);
		return json(await locals.services.incidents.createIncident(locals.user, input, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
