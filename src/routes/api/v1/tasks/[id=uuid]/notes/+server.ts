import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { taskNoteInput } from '$lib/server/tasks/task-input';
import { addTaskNote } from '$lib/server/tasks/task-service';

export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { text } = await readJson(request, taskNoteInput);
		return json(await addTaskNote(getDb(), locals.user, params.id, text, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
