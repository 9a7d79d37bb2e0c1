// The yearly execution programme as an editable Word document: the same content as its PDF, with
// room for the college's introduction, laid out by report-docx.ts.
import { HeadingLevel } from 'docx';
import type { ProgrammeReport } from '../../domain/safety-plan/programme-report.ts';
import { madeLine } from './report-pdf.ts';
import { heading, para, reportDocx, table } from './report-docx.ts';

export async function renderProgrammeDocx(report: ProgrammeReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	return reportDocx(report, {
		made: madeLine(madeBy, madeAt),
		college: { heading: 'Inleiding van het college', placeholder: '[Hier schrijft het college zijn inleiding op het uitvoeringsprogramma.]' },
		summaryHeading: 'Overzicht',
		actions: (section) => [
			heading('Acties', HeadingLevel.HEADING_2),
			section.actions.length === 0
				? para('Geen acties in dit jaar.')
				: table(['Actie', 'Trekker', 'Kwartaal', 'Status', 'Bron en datum'], section.actions.map((a) => [a.title, a.owner, a.quarter, a.status, a.statusSource]))
		]
	});
}
