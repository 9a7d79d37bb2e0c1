import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { loginInput } from '$lib/server/auth/login-input';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { apiCall, methodNotAllowed, readJson } from '$lib/server/http/api';
import { describeUser } from '$lib/server/users/me';

export const POST: RequestHandler = ({ request, cookies, url, locals }) =>
	apiCall(async () => {
		const input = await readJson(request, loginInput);
		const { token, session } = await locals.services.auth.login({
			...input,
			ip: locals.ctx.ip,
			userAgent: request.headers.get('user-agent')
		});
		setSessionCookie(cookies, url, token, session.expiresAt);
		const { user } = await locals.services.auth.validateSessionToken(token);
		return json({ user: user ? describeUser(user) : null, expiresAt: session.expiresAt.toISOString() });
	});

export const DELETE: RequestHandler = ({ locals, cookies, url }) =>
	apiCall(async () => {
		if (locals.session) await locals.services.auth.logout(locals.session, locals.ctx.ip);
		deleteSessionCookie(cookies, url);
		return new Response(null, { status: 204 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
