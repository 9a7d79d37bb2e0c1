// The half-yearly progress report as an editable Word document (.docx), for the college's own text
// around the figures: the same content as the PDF, from the same pure report builder, laid out by
// report-docx.ts (headings, repeated table headers, charts as pictures with alt text, nl-NL).
import { HeadingLevel } from 'docx';
import type { ProgressReport } from '../../domain/safety-plan/progress-report.ts';
import { madeLine } from './report-pdf.ts';
import { heading, indicatorDetail, indicatorSummary, para, table, wordDocument, type Block } from './report-docx.ts';

export async function renderProgressDocx(report: ProgressReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	const children: Block[] = [
		heading(report.title, HeadingLevel.TITLE),
		para(report.subtitle),
		para(madeLine(madeBy, madeAt)),
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
			children.push(heading('Indicatoren', HeadingLevel.HEADING_2), indicatorSummary(section.indicators));
			for (const indicator of section.indicators) children.push(...indicatorDetail(indicator));
		}
	}
	children.push(heading('Cijfers uit Paraat', HeadingLevel.HEADING_1));
	children.push(table(['Cijfer', 'Aantal', 'Bron en datum'], report.ownFigures.map((f) => [f.label, String(f.value), f.source])));
	return wordDocument(report.title, report.subtitle, children);
}
