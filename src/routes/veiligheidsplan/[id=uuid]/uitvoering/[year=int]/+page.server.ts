import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { ServiceError } from '$lib/server/errors';
import { changeActionFromForm, loadProgrammePage } from '$lib/server/safety-plan/safety-plan-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	try {
		return await loadProgrammePage(getDb(), requireUser(locals, url), params.id, Number(params.year));
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	status: async ({ locals, url, params, request, getClientAddress }) =>
		changeActionFromForm(getDb(), requireUser(locals, url), params.id, await request.formData(), clientAddress(getClientAddress))
};
