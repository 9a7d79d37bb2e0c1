// Demo mode: the documents a B or C application needs (by requiredDocuments), as small PDFs that
// say plainly they are demo documents, on the applications that got as far as advice or a
// decision — so a decided Grand Prix does not show its safety plan as missing.
import PDFDocument from 'pdfkit';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { applicationById } from '../events/application-queries';
import { insertDocument } from '../events/document-queries';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../domain/events/application';
import { requiredDocuments } from '../../domain/events/required-documents';
import { completeAnswers } from '../../domain/events/scan-answers';

const WITH_DOCUMENTS = new Set(['advies_gevraagd', 'besluit']);

function demoPdf(kind: DocumentKind, reference: string, name: string, organisation: string): Promise<Uint8Array> {
	const doc = new PDFDocument({ size: 'A4', info: { Title: `${DOCUMENT_KIND_LABELS[kind]} ${reference}`, Author: organisation, Subject: 'Demodocument Paraat' } });
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});
	doc.fontSize(18).text(`${DOCUMENT_KIND_LABELS[kind]}: ${name}`);
	doc.moveDown().fontSize(11).text(`Aanvraag ${reference}, ingediend door ${organisation}.`);
	doc.moveDown().text('Demodocument van Paraat: het staat hier zodat de aanvraag compleet oogt. Het is geen echt plan.');
	doc.end();
	return done;
}

/** Attaches the required documents to the demo applications that reached advice or a decision. */
export async function attachDemoDocuments(trx: Transaction<DB>, applicationIds: readonly string[]): Promise<number> {
	let attached = 0;
	for (const id of applicationIds) {
		const row = await applicationById(trx, id);
		if (!row || !row.createdBy || !WITH_DOCUMENTS.has(row.status) || (row.category !== 'B' && row.category !== 'C')) continue;
		const required = requiredDocuments({
			procedure: row.procedure as 'melding' | 'vergunning' | null,
			category: row.category,
			activities: completeAnswers(row.scanAnswers).activities
		});
		for (const { kind } of required) {
			const content = await demoPdf(kind, row.reference, row.name, row.organiserOrganisation || row.organiserName);
			await insertDocument(trx, { applicationId: id, kind, filename: `${kind}-${row.reference}.pdf`, mimeType: 'application/pdf', content, uploadedBy: row.createdBy });
			attached++;
		}
	}
	return attached;
}
