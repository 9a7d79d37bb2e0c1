import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { idempotent } from '$lib/server/http/idempotent';
import { newTaskInput } from '$lib/server/tasks/task-input';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ tasks: await locals.services.tasks.tasksOfIncident(locals.user, params.id) });
	});

/** With an `Idempotency-Key` a retry gets the first answer instead of a second task (docs/offline.md). */
export const POST: RequestHandler = ({ locals, params, request }) => {
	const user = locals.user;
	if (!user) return unauthenticated();
	return idempotent(locals.services.idempotency, user.id, request, () =>
		apiCall(async () => {
			const input = await readJson(request, newTaskInput);
			return json(await locals.services.tasks.createTask(user, params.id, input, locals.ctx), { status: 201 });
		})
	);
};

export const fallback: RequestHandler = async () => methodNotAllowed();
