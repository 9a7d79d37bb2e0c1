// SQL for an application's documents (bytea in PostgreSQL, so a database backup holds them).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DocumentKind } from '../../domain/events/application';
import type { DocumentDto } from '../../contracts/application.ts';
export type { DocumentDto };

type Db = Kysely<DB> | Transaction<DB>;

/** Metadata only: the content is read when someone downloads it. */
export async function documentsOf(db: Db, applicationId: string): Promise<DocumentDto[]> {
	const rows = await db
		.selectFrom('eventDocument as d')
		.leftJoin('appUser as u', 'u.id', 'd.uploadedBy')
		.select(['d.id', 'd.kind', 'd.filename', 'd.mimeType', 'd.sizeBytes', 'd.uploadedBy', 'u.name', 'd.uploadedAt'])
		.where('d.applicationId', '=', applicationId)
		.orderBy('d.uploadedAt')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind as DocumentKind,
		filename: r.filename,
		mimeType: r.mimeType,
		sizeBytes: r.sizeBytes,
		uploadedBy: r.uploadedBy ? { id: r.uploadedBy, name: r.name ?? '' } : null,
		uploadedAt: r.uploadedAt.toISOString()
	}));
}

export async function insertDocument(
	trx: Transaction<DB>,
	doc: { applicationId: string; kind: DocumentKind; filename: string; mimeType: string; content: Uint8Array; uploadedBy: string }
): Promise<string> {
	const row = await trx
		.insertInto('eventDocument')
		.values({ ...doc, content: Buffer.from(doc.content.buffer, doc.content.byteOffset, doc.content.byteLength), sizeBytes: doc.content.byteLength })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function documentContent(db: Db, applicationId: string, documentId: string) {
	return db
		.selectFrom('eventDocument')
		.select(['id', 'kind', 'filename', 'mimeType', 'sizeBytes', 'content'])
		.where('applicationId', '=', applicationId)
		.where('id', '=', documentId)
		.executeTakeFirst();
}
