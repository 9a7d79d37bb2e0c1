// The PDF export of a Bibob file: tagged, with an embedded Unicode font (../pdf/tagged-pdf.ts). Every page says it is confidential
// under art. 28 Wet Bibob and who exported it when, so a printed copy can be traced.
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
import { FONT } from '../pdf/pdf-fonts.ts';
import { PDF_MARGIN, TaggedPdf } from '../pdf/tagged-pdf.ts';

const date = (d: string | null | undefined) => (d ? d.split('-').reverse().join('-') : '—');
const MARK = 'VERTROUWELIJK — art. 28 Wet Bibob';

export async function renderBibobPdf(file: BibobFileRecord, exportedBy: string, exportedAt = new Date()): Promise<Buffer> {
	const title = `Bibob-dossier — ${file.permit}`;
	const pdf = new TaggedPdf({ title, author: 'Paraat', subject: 'Vertrouwelijk (art. 28 Wet Bibob)', topExtra: 20 });
	const heading = (text: string) => pdf.space(0.6).block('H2', { text, font: FONT.bold, size: 13 }).space(0.2);
	const line = (label: string, value: string | null | undefined) =>
		pdf.block('P', [
			{ text: `${label}: `, font: FONT.bold },
			{ text: value || '—' }
		]);
	const para = (text: string) => pdf.block('P', { text });
	const list = (items: string[]) => pdf.list(items);

	pdf.block('H1', { text: title, font: FONT.bold, size: 18 });
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
	list(file.parties.map((p) => `${p.name} — ${p.kind === 'organisatie' ? `organisatie, KvK ${p.kvk}` : PERSON_ROLE_LABELS[p.role as PersonRole]}${p.note ? ` (${p.note})` : ''}`));

	heading('Vragenlijst');
	line('Verstuurd', date(file.questionnaire?.sentOn));
	line('Antwoordtermijn tot en met', date(file.questionnaire?.dueOn));
	line('Ontvangen', date(file.questionnaire?.receivedOn));
	list(file.answers.map((a) => `${SECTION_LABELS[a.section as Section]}, vraag ${a.formReference}: ${a.summary}`));
	list(file.extraQuestions.map((q) => `Aanvullende vragen (${q.subject}): verstuurd ${date(q.sentOn)}, beantwoord ${date(q.answeredOn)}`));

	heading('Eigen onderzoek');
	list(file.findings.map((f) => `${INDICATOR_LABELS[f.indicator as Indicator]} (${date(f.foundOn)}, bron: ${f.source}): ${f.description}`));
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
	list(
		file.disclosures.map(
			(d) =>
				`${date(d.disclosedOn)} aan ${RECIPIENT_KIND_LABELS[d.recipientKind as RecipientKind]} (${d.recipient}); grondslag: ${DISCLOSURE_GROUNDS[d.ground as DisclosureGround]?.label ?? d.ground}${d.groundNote ? ` (${d.groundNote})` : ''}; verstrekt: ${d.shared}`
		)
	);

	const footer = `${MARK} · geëxporteerd door ${exportedBy} op ${exportedAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}`;
	return pdf.finish({
		header: (doc) =>
			doc.font(FONT.bold).fontSize(9).fillColor('#8b0000').text(MARK, PDF_MARGIN, PDF_MARGIN - 10, { width: doc.page.width - 2 * PDF_MARGIN, align: 'center', lineBreak: false }),
		footer: (page, pages) => `${footer} · pagina ${page} van ${pages}`
	});
}
