import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { extraAnswerInput } from '$lib/server/bibob/bibob-input';

/** The applicant answered extra questions: the suspension of the decision term ends that day. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, extraAnswerInput);
		return json(await locals.services.bibob.answerExtraQuestion(locals.user, params.id, params.questionId, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
