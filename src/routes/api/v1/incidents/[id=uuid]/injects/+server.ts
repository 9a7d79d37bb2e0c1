import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newInjectInput } from '$lib/server/injects/inject-input';
import { createInject, injectsOf } from '$lib/server/injects/inject-service';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ injects: await injectsOf(getDb(), locals.user, params.id) });
	});

/** Scripts an inject at the exercise's start plus `dueMinutes`; it lands in the logbook at that time. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newInjectInput);
		return json(await createInject(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
