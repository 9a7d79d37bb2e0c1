import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { logout } from '$lib/server/auth/logout';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { clientAddress } from '$lib/server/http/api';

// Logging out is a POST (a link could be followed by a crawler or a prefetch).
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url, getClientAddress }) => {
		if (locals.session) await logout(getDb(), locals.session, clientAddress(getClientAddress));
		deleteSessionCookie(cookies, url);
		redirect(303, '/inloggen');
	}
};
