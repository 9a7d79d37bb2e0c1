import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { applicationChangeInput } from '$lib/server/events/application-input';
import { getApplication, updateApplication } from '$lib/server/events/application-service';
import { formFailure, formValuesFromDto, formValuesOf, parseApplicationForm, runService } from '$lib/server/events/application-forms';
import { pageError } from '$lib/server/events/application-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const application = await pageError(() => getApplication(getDb(), user, params.id));
	return { application, values: formValuesFromDto(application) };
};

export const actions: Actions = {
	opslaan: async ({ locals, url, params, request, getClientAddress }) => {
		const user = requireUser(locals, url);
		const values = formValuesOf(await request.formData());
		const parsed = parseApplicationForm(values, applicationChangeInput, ['municipality']);
		if (!parsed.ok) return formFailure('aanvraag', 400, 'Controleer de gemarkeerde velden.', parsed.fields, values);
		const done = await runService('aanvraag', values, () => updateApplication(getDb(), user, params.id, parsed.input, { ip: clientAddress(getClientAddress) }));
		if (!done.ok) return done.failure;
		redirect(303, `/evenementen/${params.id}?opgeslagen=1`);
	}
};
