// The yearly execution programme as an editable Word document: the same content as its PDF, with
// room for the college's introduction, laid out by report-docx.ts.
import { HeadingLevel } from 'docx';
import type { ProgrammeReport } from '../../domain/safety-plan/programme-report.ts';
import { madeLine } from './report-pdf.ts';
import { heading, indicatorDetail, indicatorSummary, para, table, wordDocument, type Block } from './report-docx.ts';

export async function renderProgrammeDocx(report: ProgrammeReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	const children: Block[] = [
		heading(report.title, HeadingLevel.TITLE),
		para(report.subtitle),
		para(madeLine(madeBy, madeAt)),
		heading('Inleiding van het college', HeadingLevel.HEADING_1),
		para('[Hier schrijft het college zijn inleiding op het uitvoeringsprogramma.]'),
		heading('Overzicht', HeadingLevel.HEADING_1),
		...report.summary.map(para)
	];
	for (const section of report.sections) {
		children.push(heading(`${section.kind === 'prioriteit' ? 'Prioriteit' : 'Strategisch thema'}: ${section.title}`, HeadingLevel.HEADING_1));
		if (section.ambition) children.push(para(`Ambitie: ${section.ambition}`));
		children.push(heading('Acties', HeadingLevel.HEADING_2));
		if (section.actions.length === 0) children.push(para('Geen acties in dit jaar.'));
		else children.push(table(['Actie', 'Trekker', 'Kwartaal', 'Status', 'Bron en datum'], section.actions.map((a) => [a.title, a.owner, a.quarter, a.status, a.statusSource])));
		if (section.indicators.length > 0) {
			children.push(heading('Indicatoren', HeadingLevel.HEADING_2), indicatorSummary(section.indicators));
			for (const indicator of section.indicators) children.push(...indicatorDetail(indicator));
		}
	}
	children.push(heading('Cijfers uit Paraat', HeadingLevel.HEADING_1));
	children.push(table(['Cijfer', 'Aantal', 'Bron en datum'], report.ownFigures.map((f) => [f.label, String(f.value), f.source])));
	return wordDocument(report.title, report.subtitle, children);
}
