import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { publishSitrap, sitrapsOf } from '$lib/server/logbook/picture-service';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ sitraps: await sitrapsOf(getDb(), locals.user, params.id) });
	});

/** Publishes the current picture as the next numbered SITRAP. */
export const POST: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await publishSitrap(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
