import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { providerInput, providersForAdmin, removeProvider, saveProvider } from '$lib/server/identity/provider-admin';
import { OIDC_CALLBACK_PATH } from '$lib/server/identity/oidc-login';

const FIELDS = ['slug', 'name', 'issuer', 'clientId', 'clientSecret', 'groupsClaim', 'groupRoles', 'trustMfa', 'active'];
const slugInput = z.object({ slug: z.string().min(1, { error: 'Onbekende inlogdienst.' }) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'identity.providers.manage');
	return { providers: await providersForAdmin(getDb(), actor), callback: new URL(OIDC_CALLBACK_PATH, url.origin).href };
};

export const actions: Actions = {
	opslaan: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'identity.providers.manage');
		const values = formValues(await request.formData(), FIELDS);
		return runFormAction(
			`opslaan-${values.slug}`,
			values,
			providerInput,
			(input) => saveProvider(getDb(), actor, input, { ip: clientAddress(getClientAddress) }),
			({ clientSecret: _secret, ...rest }) => rest // never echo a secret back
		);
	},
	verwijderen: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'identity.providers.manage');
		const values = formValues(await request.formData(), ['slug']);
		return runFormAction('verwijderen', values, slugInput, (input) => removeProvider(getDb(), actor, input.slug, { ip: clientAddress(getClientAddress) }));
	}
};
