import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { editUnitForm, newUnitForm } from '$lib/server/bluswater/bluswater-forms';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'fleet.edit');
	return { units: await locals.services.bluswater.unitsFor(user) };
};

export const actions: Actions = {
	toevoegen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'fleet.edit');
		const values = formValues(await request.formData(), ['code', 'kind', 'station', 'capacityLitres', 'pumpRateLpm', 'crew', 'homelat', 'homelon']);
		return runFormAction('toevoegen', values, newUnitForm, (input) => locals.services.bluswater.createUnit(user, input, locals.ctx));
	},
	wijzigen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'fleet.edit');
		const values = formValues(await request.formData(), ['unitId', 'version', 'code', 'station', 'capacityLitres', 'pumpRateLpm', 'crew', 'inService']);
		return runFormAction(`eenheid-${values.unitId}`, values, editUnitForm, ({ unitId, ...input }) =>
			locals.services.bluswater.editUnit(user, unitId, input, locals.ctx)
		);
	}
};
