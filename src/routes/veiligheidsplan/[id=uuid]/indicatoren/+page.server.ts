import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	try {
		return await locals.services.safetyPlan.loadIndicatorsPage(requireUser(locals, url), params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	indicator: async ({ locals, url, params, request }) =>
		locals.services.safetyPlan.addIndicatorFromForm(requireUser(locals, url), params.id, await request.formData(), locals.ctx.ip),
	measurement: async ({ locals, url, params, request }) =>
		locals.services.safetyPlan.measurementFromForm(requireUser(locals, url), params.id, await request.formData(), locals.ctx.ip)
};
