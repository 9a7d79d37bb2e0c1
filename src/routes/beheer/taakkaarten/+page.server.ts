import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { templateInput, templateUpdateInput } from '$lib/server/tasks/template-input';
import { addTemplate, saveTemplate, templatesFor } from '$lib/server/tasks/template-service';

const FIELDS = ['process', 'title', 'description', 'priority', 'dueMinutes', 'sortOrder'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'templates.manage', { municipality: null });
	return { templates: await templatesFor(getDb(), user) };
};

export const actions: Actions = {
	toevoegen: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'templates.manage', { municipality: null });
		const values = formValues(await request.formData(), FIELDS);
		return runFormAction('toevoegen', values, templateInput, (input) => addTemplate(getDb(), user, input, { ip: clientAddress(getClientAddress) }));
	},
	opslaan: async ({ locals, url, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'templates.manage', { municipality: null });
		const values = formValues(await request.formData(), [...FIELDS, 'id', 'version', 'active']);
		return runFormAction(`opslaan-${values.id}`, values, templateUpdateInput, (input) => saveTemplate(getDb(), user, input, { ip: clientAddress(getClientAddress) }));
	}
};
