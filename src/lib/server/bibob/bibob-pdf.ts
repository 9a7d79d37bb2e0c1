// The PDF export of a Bibob file (pdfkit, standard Helvetica). Every page says it is confidential
// under art. 28 Wet Bibob and who exported it when, so a printed copy can be traced.
import PDFDocument from 'pdfkit';
import {
	DECISION_LABELS,
	DISCLOSURE_GROUNDS,
	INDICATOR_LABELS,
	INTENTION_LABELS,
	LBB_CONCLUSION_LABELS,
	OWN_CONCLUSION_LABELS,
	PERMIT_KIND_LABELS,
	PERSON_ROLE_LABELS,
	RECIPIENT_KIND_LABELS,
	SECTION_LABELS,
	type DisclosureGround,
	type PersonRole,
	type RecipientKind,
	type Section,
	type Indicator
} from '../../domain/bibob/catalog';
import { STAGE_LABELS } from '../../domain/bibob/procedure';
import type { BibobFileRecord } from './bibob-record';

const MARGIN = 50;
const printable = (text: string) => text.replace(/→/g, '->').replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
const date = (d: string | null | undefined) => (d ? d.split('-').reverse().join('-') : '—');

export async function renderBibobPdf(file: BibobFileRecord, exportedBy: string, exportedAt = new Date()): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', bufferPages: true, margins: { top: MARGIN + 20, bottom: MARGIN + 10, left: MARGIN, right: MARGIN }, info: { Title: 'Bibob-dossier', Author: 'Paraat', Subject: 'Vertrouwelijk (art. 28 Wet Bibob)' } });
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const heading = (text: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(printable(text)).moveDown(0.2);
	const line = (label: string, value: string | null | undefined) =>
		doc.font('Helvetica-Bold').fontSize(10).text(printable(`${label}: `), { continued: true }).font('Helvetica').text(printable(value || '—'));
	const para = (text: string) => doc.font('Helvetica').fontSize(10).text(printable(text));

	doc.font('Helvetica-Bold').fontSize(18).text(printable(`Bibob-dossier — ${file.permit}`));
	line('Gemeente', file.municipalityName);
	line('Vergunning', PERMIT_KIND_LABELS[file.permitKind]);
	line('Aanvrager', file.applicantName);
	line('Stand', STAGE_LABELS[file.stage]);
	line('Geopend', date(file.openedOn));
	line('Afgerond', date(file.closedOn));
	line('Oorspronkelijke beslistermijn', date(file.originalDeadline));
	if (file.term) line('Beslistermijn na opschorting', `${date(file.term.deadline)} (${file.term.suspendedDays} dagen opgeschort)`);

	heading('Betrokkenen');
	if (file.parties.length === 0) para('Geen vastgelegd.');
	for (const p of file.parties) para(`• ${p.name} — ${p.kind === 'organisatie' ? `organisatie, KvK ${p.kvk}` : PERSON_ROLE_LABELS[p.role as PersonRole]}${p.note ? ` (${p.note})` : ''}`);

	heading('Vragenlijst');
	line('Verstuurd', date(file.questionnaire?.sentOn));
	line('Antwoordtermijn tot en met', date(file.questionnaire?.dueOn));
	line('Ontvangen', date(file.questionnaire?.receivedOn));
	for (const a of file.answers) para(`• ${SECTION_LABELS[a.section as Section]}, vraag ${a.formReference}: ${a.summary}`);
	for (const q of file.extraQuestions) para(`• Aanvullende vragen (${q.subject}): verstuurd ${date(q.sentOn)}, beantwoord ${date(q.answeredOn)}`);

	heading('Eigen onderzoek');
	for (const f of file.findings) para(`• ${INDICATOR_LABELS[f.indicator as Indicator]} (${date(f.foundOn)}, bron: ${f.source}): ${f.description}`);
	if (file.ownConclusion) line('Conclusie', `${OWN_CONCLUSION_LABELS[file.ownConclusion.conclusion]} — ${file.ownConclusion.text}`);

	heading('Advies Landelijk Bureau Bibob');
	if (!file.lbb) para('Geen advies gevraagd.');
	else {
		line('Gevraagd', date(file.lbb.requestedOn));
		line('Verlengd', date(file.lbb.extendedOn));
		line('Uiterlijk', date(file.lbb.dueOn));
		line('Ontvangen', date(file.lbb.receivedOn));
		line('Conclusie', file.lbb.conclusion ? LBB_CONCLUSION_LABELS[file.lbb.conclusion] : null);
		line('Samenvatting', file.lbb.summary);
	}

	heading('Voornemen en zienswijze');
	if (!file.intention) para('Geen voornemen.');
	else {
		line('Voornemen', `${INTENTION_LABELS[file.intention.intention]} (${date(file.intention.intentionOn)})`);
		line('Zienswijze tot en met', date(file.intention.zienswijzeDueOn));
		line('Zienswijze ontvangen', date(file.intention.zienswijzeReceivedOn));
		line('Zienswijze', file.intention.zienswijzeSummary);
	}

	heading('Besluit');
	if (!file.decision) para(file.closeReason ? `Afgesloten zonder besluit: ${file.closeReason}` : 'Nog geen besluit.');
	else {
		line('Besluit', `${DECISION_LABELS[file.decision.decision]} (${date(file.decision.decidedOn)})`);
		line('Motivering', file.decision.reasoning);
		line('Evenredigheidsafweging', file.decision.proportionality);
		if (file.decision.conditions) line('Voorschriften', file.decision.conditions);
	}

	heading('Verstrekkingen');
	if (file.disclosures.length === 0) para('Geen.');
	for (const d of file.disclosures) {
		para(`• ${date(d.disclosedOn)} aan ${RECIPIENT_KIND_LABELS[d.recipientKind as RecipientKind]} (${d.recipient}); grondslag: ${DISCLOSURE_GROUNDS[d.ground as DisclosureGround]?.label ?? d.ground}${d.groundNote ? ` (${d.groundNote})` : ''}; verstrekt: ${d.shared}`);
	}

	const footer = `VERTROUWELIJK — art. 28 Wet Bibob · geëxporteerd door ${exportedBy} op ${exportedAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}`;
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc.font('Helvetica-Bold').fontSize(9).fillColor('#8b0000').text('VERTROUWELIJK — art. 28 Wet Bibob', MARGIN, MARGIN - 10, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
		doc.font('Helvetica').fontSize(8).fillColor('#444444').text(printable(`${footer} · pagina ${i - range.start + 1} van ${range.count}`), MARGIN, doc.page.height - MARGIN + 5, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}
