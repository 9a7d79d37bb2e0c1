import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { scopesFor } from '$lib/server/auth/permissions';
import type { SessionUser } from '$lib/server/auth/roles';
import { KENNEMERLAND } from '$lib/domain/region';
import { newApplicationInput } from '$lib/server/events/application-input';
import { formFailure, formValuesOf, parseApplicationForm, runService } from '$lib/server/events/application-forms';

function writableMunicipalities(user: SessionUser) {
	const scopes = scopesFor(user, 'event.write');
	return KENNEMERLAND.filter((m) => scopes === null || scopes.includes(m.code)).map((m) => ({ code: m.code, name: m.name }));
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'event.write');
	return { municipalities: writableMunicipalities(user) };
};

export const actions: Actions = {
	opslaan: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'event.write');
		const values = formValuesOf(await request.formData());
		const parsed = parseApplicationForm(values, newApplicationInput, ['version']);
		if (!parsed.ok) return formFailure('aanvraag', 400, 'Controleer de gemarkeerde velden.', parsed.fields, values);
		const done = await runService('aanvraag', values, () => locals.services.events.createApplication(user, parsed.input, locals.ctx));
		if (!done.ok) return done.failure;
		redirect(303, `/evenementen/${done.result.id}?opgeslagen=1`);
	}
};
