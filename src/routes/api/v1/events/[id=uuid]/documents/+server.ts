import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { adviserReadRule } from '$lib/server/advice/advice-access';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { readUpload } from '$lib/server/events/upload';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ documents: await locals.services.events.listDocuments(locals.user, params.id, { mayRead: adviserReadRule }) });
	});

/** multipart/form-data with `kind` and `file`; the type is recognised by content; at most 10 MB; 201. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const upload = await readUpload(request);
		return json(await locals.services.events.uploadDocument(locals.user, params.id, upload, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
