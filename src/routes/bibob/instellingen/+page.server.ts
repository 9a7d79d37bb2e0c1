import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { settingsInput } from '$lib/server/bibob/bibob-input';
import { bibobMunicipalities } from '$lib/server/bibob/bibob-access';
import { bibobSettings, saveSettings } from '$lib/server/bibob/bibob-retention-service';
import { municipalityName } from '$lib/domain/region';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'bibob.settings');
	const db = getDb();
	return {
		municipalities: await Promise.all(bibobMunicipalities(user).map(async (m) => ({ code: m, name: municipalityName(m), settings: await bibobSettings(db, user, m) })))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bibob.settings');
		const form = await request.formData();
		const municipality = String(form.get('municipality') ?? '');
		const values = formValues(form, ['version', 'retentionYears', 'zienswijzeWeeks', 'answerWeeks', 'warningDays']);
		return runFormAction(`instellingen-${municipality}`, values, settingsInput, (input) => saveSettings(getDb(), user, municipality, input, { ip: clientAddress(getClientAddress) }));
	}
};
