import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { ServiceError } from '$lib/server/errors';
import { importFromForm, loadImportPage } from '$lib/server/safety-plan/safety-plan-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	try {
		return await loadImportPage(getDb(), requireUser(locals, url), params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	controleren: async ({ locals, url, params, request, getClientAddress }) =>
		importFromForm(getDb(), requireUser(locals, url), params.id, await request.formData(), false, clientAddress(getClientAddress)),
	importeren: async ({ locals, url, params, request, getClientAddress }) =>
		importFromForm(getDb(), requireUser(locals, url), params.id, await request.formData(), true, clientAddress(getClientAddress))
};
