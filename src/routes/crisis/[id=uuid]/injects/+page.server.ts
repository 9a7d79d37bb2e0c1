import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { currentSeq } from '$lib/server/realtime/event-log';
import { injectsOf } from '$lib/server/injects/inject-service';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requirePermission(locals, url, 'incident.read');
	const db = getDb();
	try {
		const seq = await currentSeq(db, `injects:${params.id}`);
		const injects = await injectsOf(db, user, params.id);
		const { incident } = await parent();
		return { injects, seq, canCreate: incident.status !== 'gesloten' };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
