import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';

export const load: LayoutServerLoad = async ({ locals, url, params, depends }) => {
	// The logbook page invalidates this after "markeer als gelezen" (the unread count in the tab).
	depends('paraat:incident-shell');
	const user = requirePermission(locals, url, 'incident.read');
	try {
		return await locals.services.logbook.loadIncidentShell(user, params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
