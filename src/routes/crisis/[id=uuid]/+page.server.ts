import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { gripChangeInput, statusChangeInput } from '$lib/server/incidents/incident-input';
import { archiveExercise, changeGrip, changeStatus } from '$lib/server/incidents/incident-service';
import { loadIncidentPage } from '$lib/server/incidents/incident-page';
import { activateBevolkingszorg } from '$lib/server/tasks/task-service';
import { z } from 'zod';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		return await loadIncidentPage(getDb(), user, params.id);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	grip: async ({ locals, url, params, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'incident.read');
		const values = formValues(await request.formData(), ['grip', 'reason', 'version']);
		return runFormAction('grip', values, gripChangeInput, (input) =>
			changeGrip(getDb(), user, params.id, input, { ip: clientAddress(getClientAddress) })
		);
	},
	bevolkingszorg: async ({ locals, url, params, getClientAddress }) => {
		const user = requirePermission(locals, url, 'incident.read');
		return runFormAction('bevolkingszorg', {}, z.object({}), () =>
			activateBevolkingszorg(getDb(), user, params.id, { ip: clientAddress(getClientAddress) })
		);
	},
	archiveren: async ({ locals, url, params, getClientAddress }) => {
		const user = requirePermission(locals, url, 'incident.read');
		return runFormAction('archiveren', {}, z.object({}), () => archiveExercise(getDb(), user, params.id, { ip: clientAddress(getClientAddress) }));
	},
	status: async ({ locals, url, params, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'incident.read');
		const values = formValues(await request.formData(), ['status', 'version']);
		return runFormAction('status', values, statusChangeInput, (input) =>
			changeStatus(getDb(), user, params.id, input, { ip: clientAddress(getClientAddress) })
		);
	}
};
