import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { extraAnswerInput } from '$lib/server/bibob/bibob-input';
import { answerExtraQuestion } from '$lib/server/bibob/bibob-service';

/** The applicant answered extra questions: the suspension of the decision term ends that day. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, extraAnswerInput);
		return json(await answerExtraQuestion(getDb(), locals.user, params.id, params.questionId, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
