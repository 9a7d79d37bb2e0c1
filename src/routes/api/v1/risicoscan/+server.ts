import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { risicoscanInputSchema } from '$lib/domain/risicoscan';

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const body = await readJson(request, risicoscanInputSchema);
		return json(await locals.services.events.computeRisicoscan(locals.user, body));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
