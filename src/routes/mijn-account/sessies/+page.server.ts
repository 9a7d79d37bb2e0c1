import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { endOtherSessions, endOwnSession, sessionsOf } from '$lib/server/auth/session-overview';
import type { Session } from '$lib/server/auth/session';

const sessionInput = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Onbekende sessie.' }) });

function currentSession(locals: App.Locals, url: URL): Session {
	requireUser(locals, url);
	return locals.session!;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const session = currentSession(locals, url);
	return { sessions: await sessionsOf(getDb(), session) };
};

export const actions: Actions = {
	beeindigen: async ({ locals, url, request, cookies, getClientAddress }) => {
		const session = currentSession(locals, url);
		const values = formValues(await request.formData(), ['id']);
		const result = await runFormAction('beeindigen', values, sessionInput, (input) => endOwnSession(getDb(), session, input.id, clientAddress(getClientAddress)));
		// Ending the session this page runs in is logging out.
		if (values.id === session.id && 'done' in result) {
			deleteSessionCookie(cookies, url);
			redirect(303, '/inloggen');
		}
		return result;
	},
	andereBeeindigen: async ({ locals, url, getClientAddress }) => {
		const session = currentSession(locals, url);
		const ended = await endOtherSessions(getDb(), session, clientAddress(getClientAddress));
		return { form: 'andereBeeindigen', done: true as const, ended };
	}
};
