// PDF exports of a SITRAP and of the evaluation timeline (pdfkit, standard Helvetica). An
// exercise carries the OEFENING mark on every page: a banner at the top and the footer.
import PDFDocument from 'pdfkit';
import { EXERCISE_MARK, INCIDENT_STATUS_LABELS, type IncidentStatus } from '../../domain/incidents.ts';
import { PICTURE_SECTION_LABELS, sitrapTitle } from '../../domain/situation.ts';
import { LOG_DISCIPLINE_LABELS, type LogDiscipline } from '../../domain/logbook.ts';
import { offsetLabel, type TimelineRow } from '../../domain/evaluation.ts';
import { municipalityName } from '../../domain/region.ts';
import type { SitrapRecord } from './picture-queries.ts';

const TIME_ZONE = 'Europe/Amsterdam';
const MARGIN = 50;
const BANNER_HEIGHT = 28;

export const formatTime = (iso: string) =>
	new Date(iso).toLocaleString('nl-NL', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });

/** The standard PDF fonts speak WinAnsi; a few characters we use do not exist there. */
const printable = (text: string) => text.replace(/→/g, '->').replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');

function createDoc(title: string, exercise: boolean) {
	const doc = new PDFDocument({
		size: 'A4',
		bufferPages: true,
		margins: { top: MARGIN + (exercise ? BANNER_HEIGHT + 10 : 0), bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
		info: { Title: printable(title), Author: 'Paraat — Veiligheidsregio Kennemerland', Subject: exercise ? EXERCISE_MARK : 'Crisisbeheersing' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	return { doc, done };
}

/** Banner and footer on every page, drawn once all content is laid out. */
function finish(doc: PDFKit.PDFDocument, footer: string, exercise: boolean): void {
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const width = doc.page.width;
		const bottomMargin = doc.page.margins.bottom;
		// Text in the bottom margin would otherwise start a new page.
		doc.page.margins.bottom = 0;
		if (exercise) {
			doc.save();
			doc.rect(0, MARGIN - 20, width, BANNER_HEIGHT).fill('#ffd48a');
			doc.restore();
			doc
				.font('Helvetica-Bold')
				.fontSize(13)
				.fillColor('#4a2600')
				.text(`${EXERCISE_MARK} — dit is een oefening; niets hierin is echt`, MARGIN, MARGIN - 12, { width: width - 2 * MARGIN, align: 'center', lineBreak: false });
		}
		doc
			.font('Helvetica')
			.fontSize(8)
			.fillColor('#444444')
			.text(
				printable(`${exercise ? `${EXERCISE_MARK} · ` : ''}${footer} · pagina ${i - range.start + 1} van ${range.count}`),
				MARGIN,
				doc.page.height - MARGIN + 5,
				{ width: width - 2 * MARGIN, align: 'center', lineBreak: false }
			);
		doc.page.margins.bottom = bottomMargin;
	}
	doc.end();
}

export async function renderSitrapPdf(sitrap: SitrapRecord, generatedAt = new Date()): Promise<Buffer> {
	const { incident, sections } = sitrap.snapshot;
	const title = `${sitrapTitle(sitrap.number, sitrap.exercise)} — ${incident.title}`;
	const { doc, done } = createDoc(title, sitrap.exercise);
	doc.font('Helvetica-Bold').fontSize(20).fillColor('#000000').text(printable(title));
	doc.moveDown(0.3);
	doc
		.font('Helvetica')
		.fontSize(10)
		.text(
			printable(
				[
					`Gepubliceerd ${formatTime(sitrap.publishedAt)} door ${sitrap.publishedBy.name}`,
					`GRIP ${incident.grip} · ${INCIDENT_STATUS_LABELS[incident.status as IncidentStatus] ?? incident.status}`,
					`Gemeenten: ${incident.municipalities.map(municipalityName).join(', ')}`,
					`Begonnen ${formatTime(incident.startedAt)}`
				].join('\n')
			)
		);
	for (const section of sections) {
		doc.moveDown(1);
		doc.font('Helvetica-Bold').fontSize(13).text(PICTURE_SECTION_LABELS[section.section] ?? section.section);
		doc
			.font('Helvetica-Oblique')
			.fontSize(8)
			.fillColor('#444444')
			.text(section.updatedAt ? `Bijgewerkt ${formatTime(section.updatedAt)} door ${printable(section.updatedBy?.name ?? '')} (versie ${section.version})` : 'Niet ingevuld');
		doc.fillColor('#000000').font('Helvetica').fontSize(10.5).text(printable(section.text.trim() || '—'), { paragraphGap: 4 });
	}
	finish(doc, `Paraat · ${sitrapTitle(sitrap.number, false)} · ${printable(incident.title)} · gemaakt ${formatTime(generatedAt.toISOString())}`, sitrap.exercise);
	return done;
}

const TYPE_LABELS: Record<TimelineRow['type'], string> = { logregel: 'Logregel', inject: 'Inject', grip: 'GRIP', taak: 'Taak' };

export function disciplineLabel(value: string): string {
	return LOG_DISCIPLINE_LABELS[value as LogDiscipline] ?? value.replace(/_/g, ' ');
}

export async function renderTimelinePdf(input: { title: string; exercise: boolean; startedAt: string; rows: TimelineRow[] }, generatedAt = new Date()): Promise<Buffer> {
	const title = `${input.exercise ? `${EXERCISE_MARK} — ` : ''}Evaluatietijdlijn — ${input.title}`;
	const { doc, done } = createDoc(title, input.exercise);
	doc.font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(printable(title));
	doc.font('Helvetica').fontSize(9).text(`Start (T+0): ${formatTime(input.startedAt)} · ${input.rows.length} gebeurtenissen · reactietijden in minuten`);
	doc.moveDown(0.8);
	for (const row of input.rows) {
		const measures = [
			row.responseMinutes !== null ? `reactietijd ${row.responseMinutes} min` : row.type === 'inject' ? 'geen reactie' : '',
			row.loggingDelayMinutes ? `gelogd na ${row.loggingDelayMinutes} min` : '',
			row.verificationMinutes !== null ? `geverifieerd na ${row.verificationMinutes} min` : ''
		].filter(Boolean);
		doc
			.font('Helvetica-Bold')
			.fontSize(9)
			.text(
				printable(`${offsetLabel(row.offsetMinutes)}  ${formatTime(row.at)}  ${TYPE_LABELS[row.type]}${row.discipline ? ` · ${disciplineLabel(row.discipline)}` : ''} · ${row.actor}`)
			);
		doc.font('Helvetica').fontSize(9).text(printable(row.description));
		if (measures.length > 0) doc.font('Helvetica-Oblique').text(measures.join(' · '));
		doc.moveDown(0.4);
	}
	finish(doc, `Paraat · evaluatietijdlijn · ${printable(input.title)} · gemaakt ${formatTime(generatedAt.toISOString())}`, input.exercise);
	return done;
}
