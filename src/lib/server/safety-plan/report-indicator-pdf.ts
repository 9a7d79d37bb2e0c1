// One indicator in a safety-plan PDF report: its chart (vector, with the values in words as the
// figure's alternative text) and the table per year behind it, each figure with source and date.
import { indicatorChart } from '../../domain/safety-plan/indicator-chart.ts';
import type { ReportIndicatorRow } from '../../domain/safety-plan/report-indicators.ts';
import { rowHeader, type ReportPdf } from './report-pdf.ts';

const KIND_LABELS = { nulmeting: 'Nulmeting', meting: 'Meting', 'geen meting': 'Nog geen meting' } as const;

export function indicatorSummaryTable(pdf: ReportPdf, indicators: readonly ReportIndicatorRow[]): void {
	pdf.table(
		['Indicator', 'Nulmeting', 'Doel', 'Laatste meting', 'Doel gehaald', 'Trend', 'Bron en datum'],
		indicators.map((i) => [rowHeader(`${i.title} (${i.unit})`), i.baseline, i.target, i.latest, i.reached, i.trend, i.source]),
		[85, 55, 40, 60, 55, 55, 145]
	);
}

export function indicatorDetail(pdf: ReportPdf, indicator: ReportIndicatorRow): void {
	pdf.heading(4, `${indicator.title} (${indicator.unit})`);
	if (indicator.definition) pdf.para(`Definitie: ${indicator.definition}`, true);
	pdf.chart(indicatorChart(indicator.chart));
	pdf.table(
		['Jaar', 'Soort', 'Doel', 'Waarde', 'Bron', 'Datum'],
		indicator.years.map((y) => [rowHeader(String(y.year)), KIND_LABELS[y.kind], y.target, y.value, y.source, y.measuredOn]),
		[40, 65, 45, 50, 215, 80]
	);
}
