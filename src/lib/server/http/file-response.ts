// A file the API makes for the user who asks (a report, an export): shown in the browser (`inline`,
// a PDF) or saved (`attachment`), and never cached on the way, since it holds what only this user may
// read. The name is the route's own ASCII name; an uploaded document's name goes through
// `contentDisposition` in the events capability instead (RFC 5987 for any name a user gave it).

export const PDF_CONTENT_TYPE = 'application/pdf';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface FileAnswer {
	/** The Content-Type, with its charset for text. */
	type: string;
	name: string;
	disposition: 'inline' | 'attachment';
}

export function fileResponse(content: string | Uint8Array, file: FileAnswer): Response {
	// BodyInit's types take no Node Buffer (its memory may be a shared pool): a plain copy.
	const body = typeof content === 'string' ? content : new Uint8Array(content);
	return new Response(body, {
		headers: { 'content-type': file.type, 'content-disposition': `${file.disposition}; filename="${file.name}"`, 'cache-control': 'private, no-store' }
	});
}
