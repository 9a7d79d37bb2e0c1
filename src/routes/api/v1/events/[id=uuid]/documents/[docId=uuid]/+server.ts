import type { RequestHandler } from './$types';
import { adviserReadRule } from '$lib/server/advice/advice-access';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { contentDisposition } from '$lib/server/events/document-service';

/** The document itself, always as an attachment with the type recognised at upload. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const doc = await locals.services.events.downloadDocument(locals.user, params.id, params.docId, { mayRead: adviserReadRule });
		return new Response(new Uint8Array(doc.content), {
			headers: {
				'Content-Type': doc.mimeType,
				'Content-Length': String(doc.content.byteLength),
				'Content-Disposition': contentDisposition(doc.filename),
				'Cache-Control': 'private, no-store'
			}
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
