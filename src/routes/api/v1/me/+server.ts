import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { describeUser } from '$lib/server/users/me';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => (locals.user ? json(describeUser(locals.user)) : unauthenticated()));

export const fallback: RequestHandler = async () => methodNotAllowed();
