import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		return await locals.services.safetyPlan.loadRegionPage(requireUser(locals, url), new Date().getFullYear());
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
