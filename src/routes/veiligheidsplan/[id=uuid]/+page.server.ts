import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { loadPlanPage } from '$lib/server/safety-plan/safety-plan-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	try {
		return await loadPlanPage(getDb(), requireUser(locals, url), params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
