// The half-yearly progress report as a tagged PDF: the ambition, per priority and theme the year's
// actions and the indicators (a summary table, then per indicator its chart and the figures per
// year with their sources and dates), and the figures Paraat counts itself. The content comes from
// the pure report builder; this module only lays it out (report-pdf.ts).
import type { ProgressReport } from '../../domain/safety-plan/progress-report.ts';
import { madeLine, ReportPdf, rowHeader } from './report-pdf.ts';
import { indicatorDetail, indicatorSummaryTable } from './report-indicator-pdf.ts';

export async function renderProgressPdf(report: ProgressReport, madeBy: string, madeAt: Date): Promise<Buffer> {
	const pdf = new ReportPdf(report.title, report.subtitle);
	pdf.heading(1, report.title).para(report.subtitle).para(madeLine(madeBy, madeAt));
	for (const line of report.summary) pdf.para(line);

	for (const section of report.sections) {
		pdf.heading(2, `${section.kind === 'prioriteit' ? 'Prioriteit' : 'Strategisch thema'}: ${section.title}`);
		if (section.ambition) pdf.para(`Ambitie: ${section.ambition}`);
		if (section.actions.length > 0) {
			pdf.heading(3, 'Acties');
			pdf.table(
				['Actie', 'Trekker', 'Kwartaal', 'Status'],
				section.actions.map((a) => [rowHeader(a.title), a.owner, a.due ? `${a.quarter} (nu verwacht)` : a.quarter, a.status]),
				[190, 130, 80, 95]
			);
		}
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
