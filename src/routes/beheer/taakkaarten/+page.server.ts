import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { templateInput, templateUpdateInput } from '$lib/server/tasks/template-input';

const FIELDS = ['process', 'title', 'description', 'priority', 'dueMinutes', 'sortOrder'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'templates.manage', { municipality: null });
	return { templates: await locals.services.tasks.templatesFor(user) };
};

export const actions: Actions = {
	toevoegen: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'templates.manage', { municipality: null });
		const values = formValues(await request.formData(), FIELDS);
		return runFormAction('toevoegen', values, templateInput, (input) => locals.services.tasks.addTemplate(user, input, locals.ctx));
	},
	opslaan: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'templates.manage', { municipality: null });
		const values = formValues(await request.formData(), [...FIELDS, 'id', 'version', 'active']);
		return runFormAction(`opslaan-${values.id}`, values, templateUpdateInput, (input) => locals.services.tasks.saveTemplate(user, input, locals.ctx));
	}
};
