// The layout both safety-plan reports share as an editable Word document (`docx`): real headings
// (the navigation pane), tables whose header row repeats, Dutch as the document language, and each
// indicator's chart as a picture — the SVG (vector in current Word) with a PNG fallback rendered
// by resvg — whose description is the chart in words, followed by the figures per year with their
// sources and dates.
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { indicatorChart } from '../../domain/safety-plan/indicator-chart.ts';
import type { ReportIndicatorRow } from '../../domain/safety-plan/report-indicators.ts';
import type { OwnFigureRow } from '../../domain/safety-plan/own-figures.ts';
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

function indicatorSummary(indicators: readonly ReportIndicatorRow[]): Table {
	return table(
		['Indicator', 'Nulmeting', 'Doel', 'Laatste meting', 'Doel gehaald', 'Trend', 'Bron en datum'],
		indicators.map((i) => [`${i.title} (${i.unit})`, i.baseline, i.target, i.latest, i.reached, i.trend, i.source])
	);
}

/** Pixels at 96 per inch for a size in points. */
const px = (points: number) => Math.round((points * 96) / 72);

function indicatorDetail(indicator: ReportIndicatorRow): Block[] {
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

/** What the progress report and the execution programme both hold, per section and as a whole. */
interface SectionContent {
	kind: 'prioriteit' | 'thema';
	title: string;
	ambition: string;
	indicators: readonly ReportIndicatorRow[];
}

interface ReportContent<S extends SectionContent> {
	title: string;
	subtitle: string;
	summary: readonly string[];
	sections: readonly S[];
	ownFigures: readonly OwnFigureRow[];
}

export interface ReportDocxLayout<S extends SectionContent> {
	/** "Gemaakt door … op …". */
	made: string;
	/** The heading of the room left for the college's own words, and the placeholder in it. */
	college: { heading: string; placeholder: string };
	/** The heading above the report's summary lines. */
	summaryHeading: string;
	/** A section's actions, the one part in which the two reports differ. */
	actions: (section: S) => Block[];
}

/**
 * A safety-plan report as a Word document: title, who made it, the college's room, the summary,
 * per priority or theme its ambition, actions and indicators, and the figures Paraat counts itself.
 */
export function reportDocx<S extends SectionContent>(report: ReportContent<S>, layout: ReportDocxLayout<S>): Promise<Buffer> {
	const children: Block[] = [
		heading(report.title, HeadingLevel.TITLE),
		para(report.subtitle),
		para(layout.made),
		heading(layout.college.heading, HeadingLevel.HEADING_1),
		para(layout.college.placeholder),
		heading(layout.summaryHeading, HeadingLevel.HEADING_1),
		...report.summary.map(para)
	];
	for (const section of report.sections) {
		children.push(heading(`${section.kind === 'prioriteit' ? 'Prioriteit' : 'Strategisch thema'}: ${section.title}`, HeadingLevel.HEADING_1));
		if (section.ambition) children.push(para(`Ambitie: ${section.ambition}`));
		children.push(...layout.actions(section));
		if (section.indicators.length > 0) {
			children.push(heading('Indicatoren', HeadingLevel.HEADING_2), indicatorSummary(section.indicators));
			for (const indicator of section.indicators) children.push(...indicatorDetail(indicator));
		}
	}
	children.push(heading('Cijfers uit Paraat', HeadingLevel.HEADING_1));
	children.push(table(['Cijfer', 'Aantal', 'Bron en datum'], report.ownFigures.map((f) => [f.label, String(f.value), f.source])));
	return wordDocument(report.title, report.subtitle, children);
}

function wordDocument(title: string, description: string, children: Block[]): Promise<Buffer> {
	const doc = new Document({
		title,
		description,
		creator: 'Paraat',
		styles: { default: { document: { run: { language: { value: 'nl-NL' } } } } },
		sections: [{ children }]
	});
	return Packer.toBuffer(doc);
}
