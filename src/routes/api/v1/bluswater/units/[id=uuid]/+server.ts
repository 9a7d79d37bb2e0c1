import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { unitEditInput } from '$lib/server/bluswater/bluswater-input';
import { unitDetail } from '$lib/server/bluswater/bluswater-service';
import { editUnit } from '$lib/server/bluswater/fleet-service';

/** The unit with its latest status changes (`history`, newest first). */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await unitDetail(getDb(), locals.user, params.id));
	});

/** A beheerder edits the unit's data or takes it in or out of service; 409 carries `current`. */
export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, unitEditInput);
		return json(await editUnit(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
