import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteSessionCookie } from '$lib/server/auth/cookie';

// Logging out is a POST (a link could be followed by a crawler or a prefetch).
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await locals.services.auth.logout(locals.session, locals.ctx.ip);
		deleteSessionCookie(cookies, url);
		redirect(303, '/inloggen');
	}
};
