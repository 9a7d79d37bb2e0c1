// The layout both safety-plan reports share as an editable Word document (`docx`): real headings
// (the navigation pane), tables whose header row repeats, Dutch as the document language, and each
// indicator's chart as a picture — the SVG (vector in current Word) with a PNG fallback rendered
// by resvg — whose description is the chart in words, followed by the figures per year with their
// sources and dates.
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { indicatorChart } from '../../domain/safety-plan/indicator-chart.ts';
import type { ReportIndicatorRow } from '../../domain/safety-plan/report-indicators.ts';
import { chartImages } from './chart-image.ts';

export type Block = Paragraph | Table;
type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

export const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
export const heading = (text: string, level: Level) => new Paragraph({ text, heading: level });

export function table(header: string[], rows: string[][]): Table {
	const row = (cells: string[], isHeader: boolean) =>
		new TableRow({
			tableHeader: isHeader,
			children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })] }))
		});
	return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

const KIND_LABELS = { nulmeting: 'Nulmeting', meting: 'Meting', 'geen meting': 'Nog geen meting' } as const;

export function indicatorSummary(indicators: readonly ReportIndicatorRow[]): Table {
	return table(
		['Indicator', 'Nulmeting', 'Doel', 'Laatste meting', 'Doel gehaald', 'Trend', 'Bron en datum'],
		indicators.map((i) => [`${i.title} (${i.unit})`, i.baseline, i.target, i.latest, i.reached, i.trend, i.source])
	);
}

/** Pixels at 96 per inch for a size in points. */
const px = (points: number) => Math.round((points * 96) / 72);

export function indicatorDetail(indicator: ReportIndicatorRow): Block[] {
	const chart = indicatorChart(indicator.chart);
	const { svg, png } = chartImages(chart);
	const blocks: Block[] = [heading(`${indicator.title} (${indicator.unit})`, HeadingLevel.HEADING_3)];
	if (indicator.definition) blocks.push(para(`Definitie: ${indicator.definition}`));
	blocks.push(
		new Paragraph({
			children: [
				new ImageRun({
					type: 'svg',
					data: svg,
					fallback: { type: 'png', data: png },
					transformation: { width: px(chart.width), height: px(chart.height) },
					altText: { name: `Grafiek ${indicator.title}`, title: `Grafiek ${indicator.title}`, description: chart.alt }
				})
			]
		}),
		table(
			['Jaar', 'Soort', 'Doel', 'Waarde', 'Bron', 'Datum'],
			indicator.years.map((y) => [String(y.year), KIND_LABELS[y.kind], y.target, y.value, y.source, y.measuredOn])
		)
	);
	return blocks;
}

export function wordDocument(title: string, description: string, children: Block[]): Promise<Buffer> {
	const doc = new Document({
		title,
		description,
		creator: 'Paraat',
		styles: { default: { document: { run: { language: { value: 'nl-NL' } } } } },
		sections: [{ children }]
	});
	return Packer.toBuffer(doc);
}
