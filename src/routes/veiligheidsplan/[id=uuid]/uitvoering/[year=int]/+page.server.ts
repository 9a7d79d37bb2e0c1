import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	try {
		return await locals.services.safetyPlan.loadProgrammePage(requireUser(locals, url), params.id, Number(params.year));
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	status: async ({ locals, url, params, request }) =>
		locals.services.safetyPlan.changeActionFromForm(requireUser(locals, url), params.id, await request.formData(), locals.ctx.ip),
	add: async ({ locals, url, params, request }) =>
		locals.services.safetyPlan.addActionFromForm(requireUser(locals, url), params.id, await request.formData(), locals.ctx.ip)
};
