import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { editUnitForm, newUnitForm } from '$lib/server/bluswater/bluswater-forms';
import { unitsFor } from '$lib/server/bluswater/bluswater-service';
import { createUnit, editUnit } from '$lib/server/bluswater/fleet-service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'fleet.edit');
	return { units: await unitsFor(getDb(), user) };
};

export const actions: Actions = {
	toevoegen: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'fleet.edit');
		const values = formValues(await request.formData(), ['code', 'kind', 'station', 'capacityLitres', 'pumpRateLpm', 'crew', 'homelat', 'homelon']);
		return runFormAction('toevoegen', values, newUnitForm, (input) => createUnit(getDb(), user, input, { ip: clientAddress(getClientAddress) }));
	},
	wijzigen: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'fleet.edit');
		const values = formValues(await request.formData(), ['unitId', 'version', 'code', 'station', 'capacityLitres', 'pumpRateLpm', 'crew', 'inService']);
		return runFormAction(`eenheid-${values.unitId}`, values, editUnitForm, ({ unitId, ...input }) =>
			editUnit(getDb(), user, unitId, input, { ip: clientAddress(getClientAddress) })
		);
	}
};
