import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { pictureOf } from '$lib/server/logbook/picture-service';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await pictureOf(getDb(), locals.user, params.id));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
