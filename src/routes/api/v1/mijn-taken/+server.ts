import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { myTasks } from '$lib/server/tasks/task-service';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => (locals.user ? json({ tasks: await myTasks(getDb(), locals.user) }) : unauthenticated()));

export const fallback: RequestHandler = async () => methodNotAllowed();
