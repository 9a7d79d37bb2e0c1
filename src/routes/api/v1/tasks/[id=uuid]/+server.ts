import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { taskChangeInput } from '$lib/server/tasks/task-input';
import { changeTask, taskDetail } from '$lib/server/tasks/task-service';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => (locals.user ? json(await taskDetail(getDb(), locals.user, params.id)) : unauthenticated()));

/** 409 carries the current task under `current`, so the client can show what changed. */
export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, taskChangeInput);
		return json(await changeTask(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
