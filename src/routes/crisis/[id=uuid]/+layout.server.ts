import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { loadIncidentShell } from '$lib/server/logbook/incident-shell';

export const load: LayoutServerLoad = async ({ locals, url, params, depends }) => {
	// The logbook page invalidates this after "markeer als gelezen" (the unread count in the tab).
	depends('paraat:incident-shell');
	const user = requirePermission(locals, url, 'incident.read');
	try {
		return await loadIncidentShell(getDb(), user, params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
