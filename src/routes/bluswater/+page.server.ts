import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { loadBluswaterBoard } from '$lib/server/bluswater/bluswater-page';
import { assignForm, demandForm, endRequestForm, releaseForm, requestForm, statusForm } from '$lib/server/bluswater/bluswater-forms';
import { assignUnit, changeUnitStatus, changeWaterRequest, createWaterRequest, endAssignment } from '$lib/server/bluswater/bluswater-service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'bluswater.read');
	try {
		return await loadBluswaterBoard(getDb(), user);
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	verzoek: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['incidentId', 'place', 'demandLpm', 'lat', 'lon']);
		return runFormAction('verzoek', values, requestForm, ({ incidentId, ...input }) =>
			createWaterRequest(getDb(), user, incidentId, input, { ip: clientAddress(getClientAddress) })
		);
	},
	behoefte: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['requestId', 'version', 'demandLpm']);
		return runFormAction(`verzoek-${values.requestId}`, values, demandForm, ({ requestId, ...input }) =>
			changeWaterRequest(getDb(), user, requestId, input, { ip: clientAddress(getClientAddress) })
		);
	},
	beeindigen: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['requestId', 'version']);
		return runFormAction(`verzoek-${values.requestId}`, values, endRequestForm, ({ requestId, ...input }) =>
			changeWaterRequest(getDb(), user, requestId, input, { ip: clientAddress(getClientAddress) })
		);
	},
	inzetten: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['requestId', 'unitId']);
		return runFormAction(`verzoek-${values.requestId}`, values, assignForm, ({ requestId, unitId }) =>
			assignUnit(getDb(), user, requestId, { unitId }, { ip: clientAddress(getClientAddress) })
		);
	},
	vrijgeven: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['assignmentId', 'requestId']);
		return runFormAction(`verzoek-${values.requestId}`, values, releaseForm, ({ assignmentId }) =>
			endAssignment(getDb(), user, assignmentId, { ip: clientAddress(getClientAddress) })
		);
	},
	status: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bluswater.read');
		const values = formValues(await request.formData(), ['unitId', 'version', 'status', 'litresLeft']);
		return runFormAction(`eenheid-${values.unitId}`, values, statusForm, ({ unitId, ...input }) =>
			changeUnitStatus(getDb(), user, unitId, input, { ip: clientAddress(getClientAddress) })
		);
	}
};
