import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { risicoscanInputSchema } from '$lib/domain/risicoscan';
import { computeRisicoscan } from '$lib/server/events/risicoscan-service';

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const body = await readJson(request, risicoscanInputSchema);
		return json(await computeRisicoscan(getDb(), locals.user, body));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
