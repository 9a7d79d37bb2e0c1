import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { endAssignment } from '$lib/server/bluswater/bluswater-service';

/** Ends the assignment (the unit drives back, retour); answers with the request. */
export const DELETE: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await endAssignment(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
