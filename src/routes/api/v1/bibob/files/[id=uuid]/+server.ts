import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** One file; the read is logged (channel api). 404 for anyone who may not read it. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const file = await locals.services.bibob.readFile(locals.user, params.id, { ip: locals.ctx.ip, channel: 'api' });
		return json(file, { headers: { 'cache-control': 'private, no-store' } });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
