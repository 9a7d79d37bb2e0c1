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
		const values = formValues(await request.formData(), ['period', 'slot', 'toUserId', 'reason']);
		// The period's choice carries the version the page showed: "<id>|<version>".
		const [periodId = '', version = ''] = values.period!.split('|');
		return runFormAction('ruilen', { ...values, version }, dutySwapInput, (input) => locals.services.alerting.swapDuty(user, periodId, input, locals.ctx));
	},
	verwijderen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'oncall.manage');
		const values = formValues(await request.formData(), ['period']);
		const [periodId = ''] = values.period!.split('|');
		return runFormAction('ruilen', values, z.object({ period: z.string().min(1, { error: 'Kies een dienst.' }) }), () => locals.services.alerting.removeDutyPeriod(user, periodId, locals.ctx));
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
