import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** Crisisteam or beheerder withdraws a notice: it leaves every banner, live; 409 when already withdrawn. */
export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.notices.withdrawNotice(locals.user, params.id, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
