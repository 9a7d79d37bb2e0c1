import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { unitStatusChangeInput } from '$lib/server/bluswater/bluswater-input';
import { changeUnitStatus } from '$lib/server/bluswater/bluswater-service';

/** `{ version, status, litresLeft?, position? }`; a stale version is 409 with the unit under `current`. */
export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, unitStatusChangeInput);
		return json(await changeUnitStatus(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
