import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		const seq = await locals.services.realtime.currentSeq(`injects:${params.id}`);
		const injects = await locals.services.injects.injectsOf(user, params.id);
		const { incident } = await parent();
		return { injects, seq, canCreate: incident.status !== 'gesloten' };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
