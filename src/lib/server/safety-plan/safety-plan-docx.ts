// The half-yearly progress report as an editable Word document (.docx, the `docx` package), for the
// college's own text around the figures: the same content as the PDF, from the same pure report
// builder, with real headings (the navigation pane), tables with a repeated header row, Dutch as
// the document language.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ProgressReport } from '../../domain/safety-plan/progress-report.ts';

const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });

function table(header: string[], rows: string[][]): Table {
	const row = (cells: string[], isHeader: boolean) =>
		new TableRow({
			tableHeader: isHeader,
			children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })] }))
		});
	return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

export async function renderProgressDocx(report: ProgressReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	const children: (Paragraph | Table)[] = [
		heading(report.title, HeadingLevel.TITLE),
		para(report.subtitle),
		para(`Gemaakt door ${madeBy} op ${madeAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' })}. Elk getal noemt zijn bron en datum.`),
		heading('Toelichting van het college', HeadingLevel.HEADING_1),
		para('[Hier schrijft het college zijn toelichting.]'),
		heading('Stand van zaken', HeadingLevel.HEADING_1),
		...report.summary.map(para)
	];
	for (const section of report.sections) {
		children.push(heading(`${section.kind === 'prioriteit' ? 'Prioriteit' : 'Strategisch thema'}: ${section.title}`, HeadingLevel.HEADING_1));
		if (section.ambition) children.push(para(`Ambitie: ${section.ambition}`));
		if (section.actions.length > 0) {
			children.push(heading('Acties', HeadingLevel.HEADING_2));
			children.push(table(['Actie', 'Trekker', 'Kwartaal', 'Status'], section.actions.map((a) => [a.title, a.owner, a.due ? `${a.quarter} (nu verwacht)` : a.quarter, a.status])));
		}
		if (section.indicators.length > 0) {
			children.push(heading('Indicatoren', HeadingLevel.HEADING_2));
			children.push(
				table(
					['Indicator', 'Nulmeting', 'Doel', 'Laatste meting', 'Doel gehaald', 'Trend', 'Bron en datum'],
					section.indicators.map((i) => [`${i.title} (${i.unit})`, i.baseline, i.target, i.latest, i.reached, i.trend, i.source])
				)
			);
		}
	}
	children.push(heading('Cijfers uit Paraat', HeadingLevel.HEADING_1));
	children.push(table(['Cijfer', 'Aantal', 'Bron en datum'], report.ownFigures.map((f) => [f.label, String(f.value), f.source])));
	const doc = new Document({
		title: report.title,
		description: report.subtitle,
		creator: 'Paraat',
		styles: { default: { document: { run: { language: { value: 'nl-NL' } } } } },
		sections: [{ children }]
	});
	return Packer.toBuffer(doc);
}
