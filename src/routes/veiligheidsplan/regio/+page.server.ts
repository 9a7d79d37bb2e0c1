import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { loadRegionPage } from '$lib/server/safety-plan/safety-plan-page';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		return await loadRegionPage(getDb(), requireUser(locals, url), new Date().getFullYear());
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
