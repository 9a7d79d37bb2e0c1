import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { readFile } from '$lib/server/bibob/bibob-read-service';

/** One file; the read is logged (channel api). 404 for anyone who may not read it. */
export const GET: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const file = await readFile(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress), channel: 'api' });
		return json(file, { headers: { 'cache-control': 'private, no-store' } });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
