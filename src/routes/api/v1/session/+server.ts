import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { login } from '$lib/server/auth/login';
import { loginInput } from '$lib/server/auth/login-input';
import { validateSessionToken } from '$lib/server/auth/session';
import { logout } from '$lib/server/auth/logout';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { apiCall, clientAddress, methodNotAllowed, readJson } from '$lib/server/http/api';
import { describeUser } from '$lib/server/users/me';

export const POST: RequestHandler = ({ request, cookies, url, getClientAddress }) =>
	apiCall(async () => {
		const input = await readJson(request, loginInput);
		const db = getDb();
		const { token, session } = await login(db, {
			...input,
			ip: clientAddress(getClientAddress),
			userAgent: request.headers.get('user-agent')
		});
		setSessionCookie(cookies, url, token, session.expiresAt);
		const { user } = await validateSessionToken(db, token);
		return json({ user: user ? describeUser(user) : null, expiresAt: session.expiresAt.toISOString() });
	});

export const DELETE: RequestHandler = ({ locals, cookies, url, getClientAddress }) =>
	apiCall(async () => {
		if (locals.session) await logout(getDb(), locals.session, clientAddress(getClientAddress));
		deleteSessionCookie(cookies, url);
		return new Response(null, { status: 204 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
