import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { scopesFor } from '$lib/server/auth/permissions';
import { grantInput, newUserInput, resetReasonInput } from '$lib/server/users/user-input';

const idInput = z.object({ id: z.uuid({ error: 'Onbekende gebruiker of rol.' }) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'users.manage');
	return {
		users: await locals.services.users.usersVisibleTo(actor),
		// The municipalities this beheerder may grant roles in; null means the whole region.
		manageable: scopesFor(actor, 'users.manage'),
		actorId: actor.id
	};
};

export const actions: Actions = {
	aanmaken: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['name', 'email', 'password', 'role', 'municipality', 'discipline']);
		return runFormAction(
			'aanmaken',
			values,
			newUserInput,
			(input) => locals.services.users.createUser(actor, input, locals.ctx),
			({ password: _password, ...rest }) => rest // never echo a password back
		);
	},
	rolToekennen: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['userId', 'role', 'municipality', 'discipline']);
		return runFormAction(`rol-${values.userId}`, values, grantInput.and(z.object({ userId: z.uuid({ error: 'Onbekende gebruiker.' }) })), (input) =>
			locals.services.users.addGrant(actor, input.userId, input, locals.ctx)
		);
	},
	rolIntrekken: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('rolIntrekken', values, idInput, (input) =>
			locals.services.users.removeGrant(actor, input.id, locals.ctx)
		);
	},
	rolBevestigen: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('rolBevestigen', values, idInput, (input) =>
			locals.services.users.confirmGrant(actor, input.id, locals.ctx)
		);
	},
	blokkeren: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('blokkeren', values, idInput, (input) =>
			locals.services.users.setActive(actor, input.id, false, locals.ctx)
		);
	},
	activeren: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('activeren', values, idInput, (input) =>
			locals.services.users.setActive(actor, input.id, true, locals.ctx)
		);
	},
	sessiesBeeindigen: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('sessiesBeeindigen', values, idInput, (input) => locals.services.users.endUserSessions(actor, input.id, locals.ctx));
	},
	tweedeFactorResetten: async ({ locals, url, request }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['userId', 'reason']);
		return runFormAction(`reset-${values.userId}`, values, resetReasonInput, (input) =>
			locals.services.users.resetSecondFactor(actor, input.userId, input.reason, locals.ctx)
		);
	}
};
