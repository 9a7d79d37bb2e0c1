import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { requestAdviceInput } from '$lib/server/advice/advice-input';

/** Every advice request on the application; live on `advice:<id>`. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ requests: await locals.services.advice.adviceOfApplication(locals.user, params.id) });
	});

/** Asks advice by the application's class; body optional: `{ disciplines?: [...] }` (vrijwillig). 201 with the new requests. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const empty = (await request.clone().text()).trim() === '';
		const input = empty ? {} : await readJson(request, requestAdviceInput);
		const requests = await locals.services.advice.requestAdvice(locals.user, params.id, input, locals.ctx);
		return json({ requests }, { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
