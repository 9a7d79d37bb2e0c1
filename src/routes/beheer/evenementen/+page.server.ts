import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { zodFieldErrors } from '$lib/server/http/api';
import { formFailure } from '$lib/server/events/application-forms';
import { eventSettingsInput, risicoscanModelInput } from '$lib/server/events/event-settings-input';
import { settingsMunicipalities } from '$lib/server/events/event-settings-service';
import { settingsFromForm, modelFromForm } from '$lib/server/events/event-settings-forms';
import { KENNEMERLAND } from '$lib/domain/region';
import { adviceSettingsInput } from '$lib/server/advice/advice-input';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'event.settings');
	const codes = settingsMunicipalities(user);
	const municipality = codes.includes(url.searchParams.get('gemeente') ?? '') ? url.searchParams.get('gemeente')! : codes[0]!;
	return {
		municipalities: KENNEMERLAND.filter((m) => codes.includes(m.code)).map((m) => ({ code: m.code, name: m.name })),
		...(await locals.services.events.loadEventSettings(user, municipality)),
		adviceTerms: await locals.services.advice.adviceSettingsFor(user, municipality)
	};
};

async function run(form: string, schema: z.ZodType, body: unknown, save: (input: never) => Promise<unknown>) {
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const fields = Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.field, f.message]));
		return formFailure(form, 400, `Controleer de invoer: ${Object.values(fields).join(' ')}`, fields, {});
	}
	try {
		await save(parsed.data as never);
		return { form, done: true as const };
	} catch (err) {
		if (err instanceof ServiceError) return formFailure(form, err.status, err.message, {}, {});
		throw err;
	}
}

export const actions: Actions = {
	instellingen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'event.settings');
		const form = await request.formData();
		const municipality = String(form.get('municipality') ?? '');
		return run('instellingen', eventSettingsInput, settingsFromForm(form), (input) =>
			locals.services.events.updateEventSettings(user, municipality, input, locals.ctx)
		);
	},
	adviestermijnen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'event.settings');
		const form = await request.formData();
		const municipality = String(form.get('municipality') ?? '');
		const whole = (name: string) => (String(form.get(name) ?? '').trim() === '' ? undefined : Number(form.get(name)));
		const body = { version: whole('version'), termDaysB: whole('termDaysB'), termDaysC: whole('termDaysC') };
		return run('adviestermijnen', adviceSettingsInput, body, (input) => locals.services.advice.changeAdviceSettings(user, municipality, input, locals.ctx));
	},
	model: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'event.settings');
		const form = await request.formData();
		const municipality = String(form.get('municipality') ?? '');
		return run('model', risicoscanModelInput, modelFromForm(form), (input) => locals.services.events.saveRisicoscanModel(user, municipality, input, locals.ctx));
	}
};
