import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { canPublishSitrap, writableSections } from '$lib/server/logbook/picture-service';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		const seq = await locals.services.realtime.currentSeq(`incident:${params.id}`);
		const picture = await locals.services.logbook.pictureOf(user, params.id);
		const { incident } = await parent();
		return { picture, seq, writable: writableSections(user, incident), canPublish: canPublishSitrap(user, incident) };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
