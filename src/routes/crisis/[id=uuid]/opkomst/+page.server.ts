import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { newAlertInput } from '$lib/contracts/alert-input';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		// Position first: anything after it is replayed by the subscription.
		const seq = await locals.services.realtime.currentSeq(`incident:${params.id}`);
		const board = await locals.services.alerting.alertsOf(user, params.id);
		const onCall = board.canSend ? await locals.services.alerting.onCallNow(user) : [];
		return { ...board, onCall, seq, incidentId: params.id };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	alarmeren: async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'incident.read');
		const form = await request.formData();
		const functions = form.getAll('functions').map(String);
		const message = String(form.get('message') ?? '');
		if (functions.length === 0) {
			return fail(400, { form: 'alarmeren', message: 'Kies minstens één functie om te alarmeren.', fields: { functions: 'Kies minstens één functie.' } as Record<string, string>, values: { message } });
		}
		return runFormAction('alarmeren', { functions, message } as unknown as Record<string, string>, newAlertInput, (input) =>
			locals.services.alerting.sendAlert(user, params.id, input, locals.ctx)
		);
	}
};
