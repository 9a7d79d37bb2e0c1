import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => (locals.user ? json({ tasks: await locals.services.tasks.myTasks(locals.user) }) : unauthenticated()));

export const fallback: RequestHandler = async () => methodNotAllowed();
