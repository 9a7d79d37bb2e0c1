import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { timelineOf } from '$lib/server/logbook/timeline-service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		const { rows } = await timelineOf(getDb(), user, params.id);
		return { rows };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
