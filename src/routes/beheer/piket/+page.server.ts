import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { dutySwapInput, gripAlertInput, newCrisisFunctionInput, newDutyPeriodInput } from '$lib/server/alerting/oncall-input';
import { z } from 'zod';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'oncall.manage');
	return {
		roster: await locals.services.alerting.rosterOverview(user),
		onCall: await locals.services.alerting.onCallNow(user)
	};
};

export const actions: Actions = {
	dienst: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'oncall.manage');
		const values = formValues(await request.formData(), ['functionCode', 'userId', 'backupUserId', 'startDate', 'startTime', 'endDate', 'endTime']);
		return runFormAction('dienst', values, newDutyPeriodInput, (input) => locals.services.alerting.addDutyPeriod(user, input, locals.ctx));
	},
	ruilen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'oncall.manage');
		const values = formValues(await request.formData(), ['periodId', 'slot', 'toUserId', 'reason', 'version']);
		return runFormAction(`ruilen-${values.periodId}`, values, dutySwapInput, (input) => locals.services.alerting.swapDuty(user, values.periodId!, input, locals.ctx));
	},
	verwijderen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'oncall.manage');
		const values = formValues(await request.formData(), ['periodId']);
		return runFormAction(`ruilen-${values.periodId}`, values, z.object({ periodId: z.string() }), (input) => locals.services.alerting.removeDutyPeriod(user, input.periodId, locals.ctx));
	},
	functie: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'oncall.manage');
		const values = formValues(await request.formData(), ['code', 'name', 'description']);
		return runFormAction('functie', values, newCrisisFunctionInput, (input) => locals.services.alerting.addCrisisFunction(user, input, locals.ctx));
	},
	grip: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'oncall.manage');
		const form = await request.formData();
		const values = { level: String(form.get('level') ?? ''), functions: form.getAll('functions').map(String) };
		return runFormAction(`grip-${values.level}`, values as unknown as Record<string, string>, gripAlertInput, (input) => locals.services.alerting.setGripAlertFunctions(user, input, locals.ctx));
	}
};
