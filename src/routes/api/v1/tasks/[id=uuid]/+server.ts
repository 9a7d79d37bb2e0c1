import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { idempotent } from '$lib/server/http/idempotent';
import { taskChangeInput } from '$lib/server/tasks/task-input';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => (locals.user ? json(await locals.services.tasks.taskDetail(locals.user, params.id)) : unauthenticated()));

/**
 * 409 carries the current task under `current`, so the client can show what changed. With an
 * `Idempotency-Key` a retry gets the first answer (the offline queue, docs/offline.md).
 */
export const PATCH: RequestHandler = ({ locals, params, request }) => {
	const user = locals.user;
	if (!user) return unauthenticated();
	return idempotent(locals.services.idempotency, user.id, request, () =>
		apiCall(async () => {
			const input = await readJson(request, taskChangeInput);
			return json(await locals.services.tasks.changeTask(user, params.id, input, locals.ctx));
		})
	);
};

export const fallback: RequestHandler = async () => methodNotAllowed();
