import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { providerInput } from '$lib/server/identity/provider-admin';
import { OIDC_CALLBACK_PATH } from '$lib/server/identity/oidc-login';

const FIELDS = ['slug', 'name', 'issuer', 'clientId', 'clientSecret', 'groupsClaim', 'groupRoles', 'trustMfa', 'active'];
const slugInput = z.object({ slug: z.string().min(1, { error: 'Onbekende inlogdienst.' }) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'identity.providers.manage');
	return { providers: await locals.services.identity.providersForAdmin(actor), callback: new URL(OIDC_CALLBACK_PATH, url.origin).href };
};

export const actions: Actions = {
	opslaan: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'identity.providers.manage');
		const values = formValues(await request.formData(), FIELDS);
		return runFormAction(
			`opslaan-${values.slug}`,
			values,
			providerInput,
			(input) => locals.services.identity.saveProvider(actor, input, locals.ctx),
			({ clientSecret: _secret, ...rest }) => rest // never echo a secret back
		);
	},
	verwijderen: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'identity.providers.manage');
		const values = formValues(await request.formData(), ['slug']);
		return runFormAction('verwijderen', values, slugInput, (input) => locals.services.identity.removeProvider(actor, input.slug, locals.ctx));
	}
};
