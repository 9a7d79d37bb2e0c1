import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { currentSeq } from '$lib/server/realtime/event-log';
import { canPublishSitrap, pictureOf, writableSections } from '$lib/server/logbook/picture-service';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requirePermission(locals, url, 'incident.read');
	const db = getDb();
	try {
		const seq = await currentSeq(db, `incident:${params.id}`);
		const picture = await pictureOf(db, user, params.id);
		const { incident } = await parent();
		return { picture, seq, writable: writableSections(user, incident), canPublish: canPublishSitrap(user, incident) };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
