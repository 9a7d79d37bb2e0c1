import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { adviserReadRule } from '$lib/server/advice/advice-access';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { applicationChangeInput } from '$lib/server/events/application-input';
import { getApplicationAsReader, updateApplication } from '$lib/server/events/application-service';

/** The application with its documents, status history, required documents and vooraankondiging. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await getApplicationAsReader(getDb(), locals.user, params.id, adviserReadRule));
	});

/** Changes fields while the application is open; 409 with `current` on a stale version. */
export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, applicationChangeInput);
		return json(await updateApplication(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
