import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { changePassword, passwordChangeInput } from '$lib/server/auth/password-change';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	return {};
};

export const actions: Actions = {
	default: async ({ locals, url, request, getClientAddress }) => {
		requireUser(locals, url);
		const session = locals.session!;
		const values = formValues(await request.formData(), ['current', 'next', 'repeat']);
		// Passwords are never echoed back into the form.
		return runFormAction('wachtwoord', values, passwordChangeInput, (input) => changePassword(getDb(), session, input, clientAddress(getClientAddress)), () => ({}));
	}
};
