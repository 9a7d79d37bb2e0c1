import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { runFormAction } from '$lib/server/http/form-action';
import { openFileInput } from '$lib/server/bibob/bibob-input';
import { bibobMunicipalities } from '$lib/server/bibob/bibob-access';
import { localDateOf } from '$lib/domain/bibob/terms';
import { municipalityName } from '$lib/domain/region';

const FIELDS = ['municipality', 'permitKind', 'eventApplicationId', 'permitReference', 'permitDescription', 'applicantName', 'originalDeadline', 'openedOn'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'bibob.write');
	const groups = await locals.services.bibob.applicationsToScreen(user);
	return {
		today: localDateOf(new Date()),
		preselected: url.searchParams.get('aanvraag') ?? '',
		municipalities: groups.map((g) => ({
			code: g.municipality,
			name: municipalityName(g.municipality),
			applications: g.applications.map((a) => ({
				id: a.id,
				label: `${a.reference} — ${a.name} (${a.organiserOrganisation || a.organiserName}, ${a.startsAt.toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam' })})`,
				running: a.bibobStatus === 'loopt'
			}))
		}))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'bibob.write');
		const form = await request.formData();
		const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
		// One municipality: the form does not ask.
		if (!values.municipality) values.municipality = bibobMunicipalities(user)[0] ?? '';
		let id: string | undefined;
		const result = await runFormAction('openen', values, openFileInput, async (input) => {
			id = (await locals.services.bibob.openFile(user, input, locals.ctx)).id;
		});
		if (id) redirect(303, `/bibob/${id}`);
		return result;
	}
};
