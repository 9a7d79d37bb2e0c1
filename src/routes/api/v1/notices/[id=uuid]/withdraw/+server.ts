import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { withdrawNotice } from '$lib/server/notices/notice-service';

/** Crisisteam or beheerder withdraws a notice: it leaves every banner, live; 409 when already withdrawn. */
export const POST: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await withdrawNotice(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
