// An application's documents: uploaded and downloaded by those who may, checked by content (not
// by name) and stored in PostgreSQL, so a database backup holds them.
import type { Kysely } from 'kysely';
import { fileTypeFromBuffer } from 'file-type';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { transact } from '../db/transaction';
import { writeAudit } from '../audit/audit';
import { ServiceError, invalid, notFound } from '../errors';
import { isUuid } from '../ids';
import { DOCUMENT_KIND_LABELS, isClosed, type ApplicationStatus, type DocumentKind } from '../../domain/events/application';
import { announceApplication, closedError, readableApplication, writableApplication, type ReadRule } from './application-access';
import { applicationView } from './application-view';
import { documentContent, documentsOf, insertDocument, type DocumentDto } from './document-queries';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What may be uploaded, recognised by content: file-type's sniffed MIME type → what users call it. */
export const ALLOWED_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
	'application/pdf': 'PDF',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)'
};

export const TYPE_REFUSED = `Dit bestandstype is niet toegestaan; upload een ${Object.values(ALLOWED_DOCUMENT_TYPES).join(', ')}-bestand.`;
export const TOO_LARGE = `Het bestand is te groot (maximaal ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB).`;

/** A file name without path, control characters or quotes, at most 200 characters. */
export function safeFilename(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
	return (cleaned || 'document').slice(-200);
}

export interface Upload {
	kind: DocumentKind;
	filename: string;
	content: Uint8Array;
}

interface Ctx {
	ip: string | null;
}

export async function uploadDocument(db: Kysely<DB>, user: SessionUser, applicationId: string, upload: Upload, ctx: Ctx): Promise<DocumentDto> {
	const row = await writableApplication(db, user, applicationId);
	if (isClosed(row.status as ApplicationStatus)) throw closedError();
	if (upload.content.byteLength === 0) throw invalid([{ field: 'file', message: 'Kies een bestand; dit bestand is leeg.' }], 'Kies een bestand; dit bestand is leeg.');
	if (upload.content.byteLength > MAX_DOCUMENT_BYTES) throw new ServiceError(413, 'file_too_large', TOO_LARGE, [{ field: 'file', message: TOO_LARGE }]);
	const sniffed = await fileTypeFromBuffer(upload.content);
	if (!sniffed || !(sniffed.mime in ALLOWED_DOCUMENT_TYPES)) {
		throw new ServiceError(415, 'file_type_refused', TYPE_REFUSED, [{ field: 'file', message: TYPE_REFUSED }]);
	}
	const filename = safeFilename(upload.filename);
	return transact(db, async (trx) => {
		const id = await insertDocument(trx, { applicationId: row.id, kind: upload.kind, filename, mimeType: sniffed.mime, content: upload.content, uploadedBy: user.id });
		await writeAudit(trx, {
			actorId: user.id,
			action: 'application.document_added',
			entityType: 'evenementaanvraag',
			entityId: row.id,
			municipality: row.municipalityCode,
			ip: ctx.ip,
			details: { reference: row.reference, document: id, kind: upload.kind, filename, bytes: upload.content.byteLength }
		});
		const view = (await applicationView(trx, row.id))!;
		await announceApplication(trx, user, view);
		return view.documents.find((d) => d.id === id)!;
	});
}

export async function listDocuments(db: Kysely<DB>, user: SessionUser, applicationId: string, options: { mayRead?: ReadRule } = {}): Promise<DocumentDto[]> {
	const row = await readableApplication(db, user, applicationId, options.mayRead);
	return documentsOf(db, row.id);
}

export async function downloadDocument(db: Kysely<DB>, user: SessionUser, applicationId: string, documentId: string, options: { mayRead?: ReadRule } = {}) {
	const row = await readableApplication(db, user, applicationId, options.mayRead);
	const doc = isUuid(documentId) ? await documentContent(db, row.id, documentId) : undefined;
	if (!doc) throw notFound('Dit document bestaat niet.');
	return { ...doc, label: DOCUMENT_KIND_LABELS[doc.kind as DocumentKind] };
}

/** Content-Disposition for a download: always an attachment, the name ASCII-safe plus RFC 5987 UTF-8. */
export function contentDisposition(filename: string): string {
	const ascii = safeFilename(filename).replace(/[^\x20-\x7e]/g, '_').replace(/[\\;]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safeFilename(filename))}`;
}
