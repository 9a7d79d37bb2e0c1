import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { openFileInput } from '$lib/server/bibob/bibob-input';

/** The overview of the caller's own municipalities; empty for anyone who is not a Bibob officer there. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ municipalities: await locals.services.bibob.overview(locals.user) });
	});

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, openFileInput);
		return json(await locals.services.bibob.openFile(locals.user, input, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
