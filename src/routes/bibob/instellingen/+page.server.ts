import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { settingsInput } from '$lib/server/bibob/bibob-input';
import { bibobMunicipalities } from '$lib/server/bibob/bibob-access';
import { municipalityName } from '$lib/domain/region';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'bibob.settings');
	return {
		municipalities: await Promise.all(bibobMunicipalities(user).map(async (m) => ({ code: m, name: municipalityName(m), settings: await locals.services.bibob.bibobSettings(user, m) })))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bibob.settings');
		const form = await request.formData();
		const municipality = String(form.get('municipality') ?? '');
		const values = formValues(form, ['version', 'retentionYears', 'zienswijzeWeeks', 'answerWeeks', 'warningDays']);
		return runFormAction(`instellingen-${municipality}`, values, settingsInput, (input) => locals.services.bibob.saveSettings(user, municipality, input, locals.ctx));
	}
};
