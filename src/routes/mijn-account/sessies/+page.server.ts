import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import type { Session } from '$lib/server/auth/session';

const sessionInput = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Onbekende sessie.' }) });

function currentSession(locals: App.Locals, url: URL): Session {
	requireUser(locals, url);
	return locals.session!;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const session = currentSession(locals, url);
	return { sessions: await locals.services.auth.sessionsOf(session) };
};

export const actions: Actions = {
	beeindigen: async ({ locals, url, request, cookies }) => {
		const session = currentSession(locals, url);
		const values = formValues(await request.formData(), ['id']);
		const result = await runFormAction('beeindigen', values, sessionInput, (input) => locals.services.auth.endOwnSession(session, input.id, locals.ctx.ip));
		// Ending the session this page runs in is logging out.
		if (values.id === session.id && 'done' in result) {
			deleteSessionCookie(cookies, url);
			redirect(303, '/inloggen');
		}
		return result;
	},
	andereBeeindigen: async ({ locals, url }) => {
		const session = currentSession(locals, url);
		const ended = await locals.services.auth.endOtherSessions(session, locals.ctx.ip);
		return { form: 'andereBeeindigen', done: true as const, ended };
	}
};
