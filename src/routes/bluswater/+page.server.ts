import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { assignForm, demandForm, endRequestForm, releaseForm, requestForm, statusForm } from '$lib/server/bluswater/bluswater-forms';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'bluswater.read');
	try {
		return await locals.services.bluswater.loadBluswaterBoard(user);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	verzoek: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['incidentId', 'place', 'demandLpm', 'lat', 'lon']);
		return runFormAction('verzoek', values, requestForm, ({ incidentId, ...input }) =>
			locals.services.bluswater.createWaterRequest(user, incidentId, input, locals.ctx)
		);
	},
	behoefte: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['requestId', 'version', 'demandLpm']);
		return runFormAction(`verzoek-${values.requestId}`, values, demandForm, ({ requestId, ...input }) =>
			locals.services.bluswater.changeWaterRequest(user, requestId, input, locals.ctx)
		);
	},
	beeindigen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['requestId', 'version']);
		return runFormAction(`verzoek-${values.requestId}`, values, endRequestForm, ({ requestId, ...input }) =>
			locals.services.bluswater.changeWaterRequest(user, requestId, input, locals.ctx)
		);
	},
	inzetten: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['requestId', 'unitId']);
		return runFormAction(`verzoek-${values.requestId}`, values, assignForm, ({ requestId, unitId }) =>
			locals.services.bluswater.assignUnit(user, requestId, { unitId }, locals.ctx)
		);
	},
	vrijgeven: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['assignmentId', 'requestId']);
		return runFormAction(`verzoek-${values.requestId}`, values, releaseForm, ({ assignmentId }) =>
			locals.services.bluswater.endAssignment(user, assignmentId, locals.ctx)
		);
	},
	status: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['unitId', 'version', 'status', 'litresLeft']);
		return runFormAction(`eenheid-${values.unitId}`, values, statusForm, ({ unitId, ...input }) =>
			locals.services.bluswater.changeUnitStatus(user, unitId, input, locals.ctx)
		);
	}
};
