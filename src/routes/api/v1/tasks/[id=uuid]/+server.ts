import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { taskChangeInput } from '$lib/server/tasks/task-input';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => (locals.user ? json(await locals.services.tasks.taskDetail(locals.user, params.id)) : unauthenticated()));

/** 409 carries the current task under `current`, so the client can show what changed. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, taskChangeInput);
		return json(await locals.services.tasks.changeTask(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
