import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newIncidentInput } from '$lib/server/incidents/incident-input';
import { createIncident, incidentsFor } from '$lib/server/incidents/incident-service';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ incidents: await incidentsFor(getDb(), locals.user, url.searchParams.get('gesloten') === '1') });
	});

export const POST: RequestHandler = ({ locals, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newIncidentInput);
		return json(await createIncident(getDb(), locals.user, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
