import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { adviserReadRule } from '$lib/server/advice/advice-access';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { listDocuments, uploadDocument } from '$lib/server/events/document-service';
import { readUpload } from '$lib/server/events/upload';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ documents: await listDocuments(getDb(), locals.user, params.id, { mayRead: adviserReadRule }) });
	});

/** multipart/form-data with `kind` and `file`; the type is recognised by content; at most 10 MB; 201. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const upload = await readUpload(request);
		return json(await uploadDocument(getDb(), locals.user, params.id, upload, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
