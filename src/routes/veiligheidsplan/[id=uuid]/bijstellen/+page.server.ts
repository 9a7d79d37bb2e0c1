import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	try {
		return await locals.services.safetyPlan.loadRevisePage(requireUser(locals, url), params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const result = await locals.services.safetyPlan.reviseFromForm(requireUser(locals, url), params.id, await request.formData(), locals.ctx.ip);
		if ('done' in result) redirect(303, `/veiligheidsplan/${params.id}?bijgesteld=${result.saved.version}`);
		return result;
	}
};
