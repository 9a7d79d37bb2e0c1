// The half-yearly progress report as a tagged PDF (pdfkit, standard Helvetica like the other PDFs):
// a structure tree with headings, paragraphs and real tables (TH with scope), Dutch as the
// document language and the title shown, so a screen reader reads it as a document. The content
// comes from the pure report builder; this module only lays it out.
import PDFDocument from 'pdfkit';
import type { ProgressReport } from '../../domain/safety-plan/progress-report.ts';

const MARGIN = 50;
// The standard fonts carry WinAnsi only: anything else would print as garbage.
const printable = (text: string) => text.replace(/→/g, '->').replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');

type Cell = string | { text: string; type: 'TH'; scope: 'Column' | 'Row' };

export async function renderProgressPdf(report: ProgressReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
		pdfVersion: '1.7',
		tagged: true,
		lang: 'nl-NL',
		displayTitle: true,
		info: { Title: printable(report.title), Author: 'Paraat', Subject: printable(report.subtitle) }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	const heading = (level: 1 | 2 | 3, text: string) =>
		doc
			.font('Helvetica-Bold')
			.fontSize(level === 1 ? 18 : level === 2 ? 14 : 12)
			.fillColor('#000000')
			.text(printable(text), { structParent: root, structType: `H${level}` })
			.moveDown(0.3);
	const para = (text: string) => doc.font('Helvetica').fontSize(10).text(printable(text), { structParent: root, structType: 'P' }).moveDown(0.3);
	const table = (header: string[], rows: Cell[][], widths: number[]) => {
		const cell = (c: Cell) => (typeof c === 'string' ? printable(c) : { ...c, text: printable(c.text), font: { src: 'Helvetica-Bold' } });
		// pdfkit tags the table (Table, TR, TH with Scope, TD) when it has a structParent; its types lag behind.
		const options = {
			structParent: root,
			columnStyles: widths,
			data: [header.map((h) => cell({ text: h, type: 'TH', scope: 'Column' })), ...rows.map((r) => r.map(cell))]
		} as PDFKit.Mixins.TableOptionsWithData;
		doc.font('Helvetica').fontSize(9);
		doc.table(options);
		doc.moveDown(0.6);
	};

	heading(1, report.title);
	para(report.subtitle);
	para(`Gemaakt door ${madeBy} op ${madeAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' })}. Elk getal noemt zijn bron en datum.`);
	for (const line of report.summary) para(line);

	for (const section of report.sections) {
		heading(2, `${section.kind === 'prioriteit' ? 'Prioriteit' : 'Strategisch thema'}: ${section.title}`);
		if (section.ambition) para(`Ambitie: ${section.ambition}`);
		if (section.actions.length > 0) {
			heading(3, 'Acties');
			table(
				['Actie', 'Trekker', 'Kwartaal', 'Status'],
				section.actions.map((a) => [{ text: a.title, type: 'TH', scope: 'Row' }, a.owner, a.due ? `${a.quarter} (nu verwacht)` : a.quarter, a.status]),
				[190, 130, 80, 95]
			);
		}
		if (section.indicators.length > 0) {
			heading(3, 'Indicatoren');
			table(
				['Indicator', 'Nulmeting', 'Doel', 'Laatste meting', 'Doel gehaald', 'Trend', 'Bron en datum'],
				section.indicators.map((i) => [{ text: `${i.title} (${i.unit})`, type: 'TH', scope: 'Row' }, i.baseline, i.target, i.latest, i.reached, i.trend, i.source]),
				[85, 55, 40, 60, 55, 55, 145]
			);
		}
	}

	heading(2, 'Cijfers uit Paraat');
	table(
		['Cijfer', 'Aantal', 'Bron en datum'],
		report.ownFigures.map((f) => [{ text: f.label, type: 'TH', scope: 'Row' }, String(f.value), f.source]),
		[200, 60, 235]
	);
	root.end();
	doc.end();
	return done;
}
