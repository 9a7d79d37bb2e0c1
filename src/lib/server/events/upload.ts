// Reads an uploaded document from a multipart request (API) or a form's FormData (page action),
// refusing oversized bodies before they are read whole.
import { ServiceError, invalid, type FieldError } from '../errors';
import { documentKindInput } from './application-input';
import { MAX_DOCUMENT_BYTES, TOO_LARGE, type Upload } from './document-service';

// Multipart framing and the `kind` field on top of the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

export async function uploadFromForm(form: FormData): Promise<Upload> {
	const fields: FieldError[] = [];
	const kind = documentKindInput.safeParse(form.get('kind'));
	if (!kind.success) fields.push({ field: 'kind', message: kind.error.issues[0]?.message ?? 'Kies de soort document.' });
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) fields.push({ field: 'file', message: 'Kies een bestand om te uploaden.' });
	else if (file.size > MAX_DOCUMENT_BYTES) fields.push({ field: 'file', message: TOO_LARGE });
	const message = fields.map((f) => f.message).join(' ');
	if (file instanceof File && file.size > MAX_DOCUMENT_BYTES) throw new ServiceError(413, 'file_too_large', message, fields);
	if (fields.length > 0 || !(file instanceof File) || !kind.success) throw invalid(fields, message);
	return { kind: kind.data, filename: file.name, content: new Uint8Array(await file.arrayBuffer()) };
}

export async function readUpload(request: Request): Promise<Upload> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('multipart/form-data')) {
		throw new ServiceError(415, 'unsupported_media_type', 'Stuur het document als multipart/form-data met de velden kind en file.');
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD) throw new ServiceError(413, 'file_too_large', TOO_LARGE, [{ field: 'file', message: TOO_LARGE }]);
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw new ServiceError(400, 'invalid_body', 'Het formulier kon niet worden gelezen.');
	}
	return uploadFromForm(form);
}
