import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { assignmentInput } from '$lib/server/bluswater/bluswater-input';
import { assignUnit } from '$lib/server/bluswater/bluswater-service';

/** `{ unitId }` → 201 with the request and its assignments; a unit already at work is 409. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, assignmentInput);
		return json(await assignUnit(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
