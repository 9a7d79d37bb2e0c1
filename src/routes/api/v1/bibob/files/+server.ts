import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { openFileInput } from '$lib/server/bibob/bibob-input';
import { openFile } from '$lib/server/bibob/bibob-service';
import { overview } from '$lib/server/bibob/bibob-read-service';

/** The overview of the caller's own municipalities; empty for anyone who is not a Bibob officer there. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ municipalities: await overview(getDb(), locals.user) });
	});

export const POST: RequestHandler = ({ locals, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, openFileInput);
		return json(await openFile(getDb(), locals.user, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
