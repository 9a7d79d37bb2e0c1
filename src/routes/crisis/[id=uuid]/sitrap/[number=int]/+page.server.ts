import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { sitrapOf } from '$lib/server/logbook/picture-service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		return { sitrap: await sitrapOf(getDb(), user, params.id, params.number) };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
