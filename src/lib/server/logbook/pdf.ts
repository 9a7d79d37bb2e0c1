// PDF exports of a SITRAP and of the evaluation timeline: tagged and with an embedded Unicode
// font (see ../pdf/tagged-pdf.ts). An exercise carries the OEFENING mark on every page: a banner
// at the top and the footer.
import { EXERCISE_MARK, INCIDENT_STATUS_LABELS, type IncidentStatus } from '../../domain/incidents.ts';
import { PICTURE_SECTION_LABELS, sitrapTitle } from '../../domain/situation.ts';
import { LOG_DISCIPLINE_LABELS, type LogDiscipline } from '../../domain/logbook.ts';
import { offsetLabel, type TimelineRow } from '../../domain/evaluation.ts';
import { municipalityName } from '../../domain/region.ts';
import { mapListSentence } from '../../domain/map/listing.ts';
import { FONT } from '../pdf/pdf-fonts.ts';
import { PDF_MARGIN, TaggedPdf, type PageFurniture } from '../pdf/tagged-pdf.ts';
import type { SitrapRecord } from './picture-queries.ts';

const TIME_ZONE = 'Europe/Amsterdam';
const BANNER_HEIGHT = 28;
const AUTHOR = 'Paraat — Veiligheidsregio Kennemerland';

export const formatTime = (iso: string) =>
	new Date(iso).toLocaleString('nl-NL', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });

function createDoc(title: string, exercise: boolean): TaggedPdf {
	return new TaggedPdf({ title, author: AUTHOR, subject: exercise ? EXERCISE_MARK : 'Crisisbeheersing', topExtra: exercise ? BANNER_HEIGHT + 10 : 0 });
}

function exerciseBanner(doc: PDFKit.PDFDocument): void {
	const width = doc.page.width;
	doc.save();
	doc.rect(0, PDF_MARGIN - 20, width, BANNER_HEIGHT).fill('#ffd48a');
	doc.restore();
	doc
		.font(FONT.bold)
		.fontSize(13)
		.fillColor('#4a2600')
		.text(`${EXERCISE_MARK} — dit is een oefening; niets hierin is echt`, PDF_MARGIN, PDF_MARGIN - 12, { width: width - 2 * PDF_MARGIN, align: 'center', lineBreak: false });
}

function furniture(footer: string, exercise: boolean): PageFurniture {
	return {
		header: exercise ? exerciseBanner : undefined,
		footer: (page, pages) => `${exercise ? `${EXERCISE_MARK} · ` : ''}${footer} · pagina ${page} van ${pages}`
	};
}

export async function renderSitrapPdf(sitrap: SitrapRecord, generatedAt = new Date()): Promise<Buffer> {
	const { incident, sections } = sitrap.snapshot;
	const title = `${sitrapTitle(sitrap.number, sitrap.exercise)} — ${incident.title}`;
	const pdf = createDoc(title, sitrap.exercise);
	pdf.block('H1', { text: title, font: FONT.bold, size: 20 }).space(0.3);
	pdf.block('P', {
		size: 10,
		text: [
			`Gepubliceerd ${formatTime(sitrap.publishedAt)} door ${sitrap.publishedBy.name}`,
			`GRIP ${incident.grip} · ${INCIDENT_STATUS_LABELS[incident.status as IncidentStatus] ?? incident.status}`,
			`Gemeenten: ${incident.municipalities.map(municipalityName).join(', ')}`,
			`Begonnen ${formatTime(incident.startedAt)}`
		].join('\n')
	});
	for (const section of sections) {
		pdf.space(1).block('H2', { text: PICTURE_SECTION_LABELS[section.section] ?? section.section, font: FONT.bold, size: 13 });
		pdf.block('P', {
			font: FONT.oblique,
			size: 8,
			color: '#444444',
			text: section.updatedAt ? `Bijgewerkt ${formatTime(section.updatedAt)} door ${section.updatedBy?.name ?? ''} (versie ${section.version})` : 'Niet ingevuld'
		});
		pdf.block('P', { text: section.text.trim() || '—', size: 10.5, paragraphGap: 4 });
	}
	if (sitrap.snapshot.map) {
		pdf.space(1).block('H2', { text: 'Kaart', font: FONT.bold, size: 13 });
		const items = sitrap.snapshot.map;
		pdf.block('P', { text: items.length ? items.map((i) => `• ${mapListSentence(i)}`).join('\n') : 'Niets getekend op de kaart.', size: 10.5, paragraphGap: 4 });
	}
	return pdf.finish(furniture(`Paraat · ${sitrapTitle(sitrap.number, false)} · ${incident.title} · gemaakt ${formatTime(generatedAt.toISOString())}`, sitrap.exercise));
}

const TYPE_LABELS: Record<TimelineRow['type'], string> = { logregel: 'Logregel', inject: 'Inject', grip: 'GRIP', taak: 'Taak', kaart: 'Kaart' };

export function disciplineLabel(value: string): string {
	return LOG_DISCIPLINE_LABELS[value as LogDiscipline] ?? value.replace(/_/g, ' ');
}

export async function renderTimelinePdf(input: { title: string; exercise: boolean; startedAt: string; rows: TimelineRow[] }, generatedAt = new Date()): Promise<Buffer> {
	const title = `${input.exercise ? `${EXERCISE_MARK} — ` : ''}Evaluatietijdlijn — ${input.title}`;
	const pdf = createDoc(title, input.exercise);
	pdf.block('H1', { text: title, font: FONT.bold, size: 18 });
	pdf.block('P', { size: 9, text: `Start (T+0): ${formatTime(input.startedAt)} · ${input.rows.length} gebeurtenissen · reactietijden in minuten` }).space(0.8);
	for (const row of input.rows) {
		const measures = [
			row.responseMinutes !== null ? `reactietijd ${row.responseMinutes} min` : row.type === 'inject' ? 'geen reactie' : '',
			row.loggingDelayMinutes ? `gelogd na ${row.loggingDelayMinutes} min` : '',
			row.verificationMinutes !== null ? `geverifieerd na ${row.verificationMinutes} min` : ''
		].filter(Boolean);
		pdf.block('H2', {
			font: FONT.bold,
			size: 9,
			text: `${offsetLabel(row.offsetMinutes)}  ${formatTime(row.at)}  ${TYPE_LABELS[row.type]}${row.discipline ? ` · ${disciplineLabel(row.discipline)}` : ''} · ${row.actor}`
		});
		pdf.block('P', { size: 9, text: row.description });
		if (measures.length > 0) pdf.block('P', { font: FONT.oblique, size: 9, text: measures.join(' · ') });
		pdf.space(0.4);
	}
	return pdf.finish(furniture(`Paraat · evaluatietijdlijn · ${input.title} · gemaakt ${formatTime(generatedAt.toISOString())}`, input.exercise));
}
