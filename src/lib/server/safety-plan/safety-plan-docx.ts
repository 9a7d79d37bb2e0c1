// The half-yearly progress report as an editable Word document (.docx), for the college's own text
// around the figures: the same content as the PDF, from the same pure report builder, laid out by
// report-docx.ts (headings, repeated table headers, charts as pictures with alt text, nl-NL).
import { HeadingLevel } from 'docx';
import type { ProgressReport } from '../../domain/safety-plan/progress-report.ts';
import { madeLine } from './report-pdf.ts';
import { heading, reportDocx, table } from './report-docx.ts';

export async function renderProgressDocx(report: ProgressReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	return reportDocx(report, {
		made: madeLine(madeBy, madeAt),
		college: { heading: 'Toelichting van het college', placeholder: '[Hier schrijft het college zijn toelichting.]' },
		summaryHeading: 'Stand van zaken',
		// Only the actions due in the half; a section without any leaves the heading out.
		actions: (section) =>
			section.actions.length === 0
				? []
				: [
						heading('Acties', HeadingLevel.HEADING_2),
						table(['Actie', 'Trekker', 'Kwartaal', 'Status'], section.actions.map((a) => [a.title, a.owner, a.due ? `${a.quarter} (nu verwacht)` : a.quarter, a.status]))
					]
	});
}
