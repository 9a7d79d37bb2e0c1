import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { markNoticeRead } from '$lib/server/notices/notice-service';

/** The signed-in user has read this notice: it leaves their banner (in every tab). */
export const POST: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await markNoticeRead(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
