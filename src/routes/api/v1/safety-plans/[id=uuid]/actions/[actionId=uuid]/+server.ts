import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { actionStatusInput } from '$lib/contracts/safety-plan';
import { changeActionStatus } from '$lib/server/safety-plan/safety-plan-service';

export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, actionStatusInput);
		return json(await changeActionStatus(getDb(), locals.user, params.id, params.actionId, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
