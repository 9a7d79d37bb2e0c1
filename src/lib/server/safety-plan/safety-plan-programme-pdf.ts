// The yearly execution programme as a tagged PDF: per priority and theme every action with owner,
// quarter, status and the date of that status, then the indicators with their charts and figures
// per year (source and date beside each), and the figures Paraat counts itself. Laid out from the
// pure programme report (programme-report.ts).
import type { ProgrammeReport } from '../../domain/safety-plan/programme-report.ts';
import { madeLine, ReportPdf, rowHeader } from './report-pdf.ts';
import { indicatorDetail, indicatorSummaryTable } from './report-indicator-pdf.ts';

export async function renderProgrammePdf(report: ProgrammeReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	const pdf = new ReportPdf(report.title, report.subtitle);
	pdf.heading(1, report.title).para(report.subtitle).para(madeLine(madeBy, madeAt));
	for (const line of report.summary) pdf.para(line);

	for (const section of report.sections) {
		pdf.heading(2, `${section.kind === 'prioriteit' ? 'Prioriteit' : 'Strategisch thema'}: ${section.title}`);
		if (section.ambition) pdf.para(`Ambitie: ${section.ambition}`);
		pdf.heading(3, 'Acties');
		if (section.actions.length === 0) pdf.para('Geen acties in dit jaar.');
		else
			pdf.table(
				['Actie', 'Trekker', 'Kwartaal', 'Status', 'Bron en datum'],
				section.actions.map((a) => [rowHeader(a.title), a.owner, a.quarter, a.status, a.statusSource]),
				[160, 110, 50, 70, 105]
			);
		if (section.indicators.length > 0) {
			pdf.heading(3, 'Indicatoren');
			indicatorSummaryTable(pdf, section.indicators);
			for (const indicator of section.indicators) indicatorDetail(pdf, indicator);
		}
	}

	pdf.heading(2, 'Cijfers uit Paraat');
	pdf.table(['Cijfer', 'Aantal', 'Bron en datum'], report.ownFigures.map((f) => [rowHeader(f.label), String(f.value), f.source]), [200, 60, 235]);
	return pdf.finish();
}
