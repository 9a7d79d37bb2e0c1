import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { gripChangeInput, statusChangeInput } from '$lib/server/incidents/incident-input';
import { z } from 'zod';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		return await locals.services.incidents.loadIncidentPage(user, params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	grip: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'incident.read');
		const values = formValues(await request.formData(), ['grip', 'reason', 'version']);
		return runFormAction('grip', values, gripChangeInput, (input) =>
			locals.services.alerting.changeGripAndAlert(user, params.id, input, locals.ctx)
		);
	},
	bevolkingszorg: async ({ locals, url, params }) => {
		const user = requirePermission(locals, url, 'incident.read');
		return runFormAction('bevolkingszorg', {}, z.object({}), () =>
			locals.services.tasks.activateBevolkingszorg(user, params.id, locals.ctx)
		);
	},
	archiveren: async ({ locals, url, params }) => {
		const user = requirePermission(locals, url, 'incident.read');
		return runFormAction('archiveren', {}, z.object({}), () => locals.services.incidents.archiveExercise(user, params.id, locals.ctx));
	},
	status: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'incident.read');
		const values = formValues(await request.formData(), ['status', 'version']);
		return runFormAction('status', values, statusChangeInput, (input) =>
			locals.services.incidents.changeStatus(user, params.id, input, locals.ctx)
		);
	}
};
