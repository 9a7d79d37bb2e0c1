import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { passwordChangeInput } from '$lib/server/auth/password-change';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	return {};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		requireUser(locals, url);
		const session = locals.session!;
		const values = formValues(await request.formData(), ['current', 'next', 'repeat']);
		// Passwords are never echoed back into the form.
		return runFormAction('wachtwoord', values, passwordChangeInput, (input) => locals.services.auth.changePassword(session, input, locals.ctx.ip), () => ({}));
	}
};
