import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { adviceFormActions, loadAdvicePanel } from '$lib/server/advice/advice-page';

// The officer's advice on one application. A stand-in host for AdvicePanel until the
// application's own page (/evenementen/[id]) mounts it.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'event.read');
	try {
		return { panel: await loadAdvicePanel(getDb(), user, params.applicationId) };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = { ...adviceFormActions };
