import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { scopesFor } from '$lib/server/auth/permissions';
import { grantInput, newUserInput, resetReasonInput } from '$lib/server/users/user-input';
import { addGrant, confirmGrant, createUser, endUserSessions, removeGrant, resetSecondFactor, setActive, usersVisibleTo } from '$lib/server/users/user-service';

const idInput = z.object({ id: z.uuid({ error: 'Onbekende gebruiker of rol.' }) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'users.manage');
	return {
		users: await usersVisibleTo(getDb(), actor),
		// The municipalities this beheerder may grant roles in; null means the whole region.
		manageable: scopesFor(actor, 'users.manage'),
		actorId: actor.id
	};
};

export const actions: Actions = {
	aanmaken: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['name', 'email', 'password', 'role', 'municipality', 'discipline']);
		return runFormAction(
			'aanmaken',
			values,
			newUserInput,
			(input) => createUser(getDb(), actor, input, { ip: clientAddress(getClientAddress) }),
			({ password: _password, ...rest }) => rest // never echo a password back
		);
	},
	rolToekennen: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['userId', 'role', 'municipality', 'discipline']);
		return runFormAction(`rol-${values.userId}`, values, grantInput.and(z.object({ userId: z.uuid({ error: 'Onbekende gebruiker.' }) })), (input) =>
			addGrant(getDb(), actor, input.userId, input, { ip: clientAddress(getClientAddress) })
		);
	},
	rolIntrekken: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('rolIntrekken', values, idInput, (input) =>
			removeGrant(getDb(), actor, input.id, { ip: clientAddress(getClientAddress) })
		);
	},
	rolBevestigen: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('rolBevestigen', values, idInput, (input) =>
			confirmGrant(getDb(), actor, input.id, { ip: clientAddress(getClientAddress) })
		);
	},
	blokkeren: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('blokkeren', values, idInput, (input) =>
			setActive(getDb(), actor, input.id, false, { ip: clientAddress(getClientAddress) })
		);
	},
	activeren: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('activeren', values, idInput, (input) =>
			setActive(getDb(), actor, input.id, true, { ip: clientAddress(getClientAddress) })
		);
	},
	sessiesBeeindigen: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('sessiesBeeindigen', values, idInput, (input) => endUserSessions(getDb(), actor, input.id, { ip: clientAddress(getClientAddress) }));
	},
	tweedeFactorResetten: async ({ locals, url, request, getClientAddress }) => {
		const actor = requirePermission(locals, url, 'users.manage');
		const values = formValues(await request.formData(), ['userId', 'reason']);
		return runFormAction(`reset-${values.userId}`, values, resetReasonInput, (input) =>
			resetSecondFactor(getDb(), actor, input.userId, input.reason, { ip: clientAddress(getClientAddress) })
		);
	}
};
