import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { applicationChangeInput } from '$lib/server/events/application-input';
import { formFailure, formValuesFromDto, formValuesOf, parseApplicationForm, runService } from '$lib/server/events/application-forms';
import { pageError } from '$lib/server/events/application-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const application = await pageError(() => locals.services.events.getApplication(user, params.id));
	return { application, values: formValuesFromDto(application) };
};

export const actions: Actions = {
	opslaan: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const values = formValuesOf(await request.formData());
		const parsed = parseApplicationForm(values, applicationChangeInput, ['municipality']);
		if (!parsed.ok) return formFailure('aanvraag', 400, 'Controleer de gemarkeerde velden.', parsed.fields, values);
		const done = await runService('aanvraag', values, () => locals.services.events.updateApplication(user, params.id, parsed.input, locals.ctx));
		if (!done.ok) return done.failure;
		redirect(303, `/evenementen/${params.id}?opgeslagen=1`);
	}
};
