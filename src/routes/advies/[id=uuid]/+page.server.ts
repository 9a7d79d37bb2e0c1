import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { answerAdviceAction } from '$lib/server/advice/advice-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	try {
		return await locals.services.advice.loadAdviceRequest(user, params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	uitbrengen: answerAdviceAction
};
