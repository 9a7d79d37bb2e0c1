// The layout both safety-plan reports share as a tagged PDF (pdfkit, the DejaVu Sans every Paraat
// PDF embeds): a structure tree with headings, paragraphs, real tables (TH with scope) and charts
// drawn as vectors inside a Figure element carrying the chart in words as its alternative text;
// Dutch as the document language and the title shown, so a screen reader reads it as a document.
import PDFDocument from 'pdfkit';
import { FONT, registerFonts } from '../pdf/pdf-fonts.ts';
import type { Chart, Shape } from '../../domain/safety-plan/indicator-chart.ts';

const MARGIN = 50;

export type Cell = string | { text: string; type: 'TH'; scope: 'Column' | 'Row' };

export const rowHeader = (text: string): Cell => ({ text, type: 'TH', scope: 'Row' });

/**
 * pdfkit's table restores the font after every cell by its file path (`doc.font(_fontSource)`),
 * which for a font registered under a name misses pdfkit's cache and reads and parses the TTF again
 * — about 15 ms a cell, seconds per report. Caching each registered face under its path as well
 * makes that restore a lookup (same font object, same subset in the file).
 */
function cacheFontsByPath(doc: PDFKit.PDFDocument): void {
	const internals = doc as unknown as { _fontFamilies: Record<string, unknown>; _fontSource: unknown; _font: unknown };
	for (const name of Object.values(FONT)) {
		doc.font(name);
		if (typeof internals._fontSource === 'string') internals._fontFamilies[internals._fontSource] = internals._font;
	}
	doc.font(FONT.regular);
}

export class ReportPdf {
	readonly doc: PDFKit.PDFDocument;
	private readonly root: PDFKit.PDFStructureElement;
	private readonly done: Promise<Buffer>;

	constructor(title: string, subject: string) {
		this.doc = new PDFDocument({
			size: 'A4',
			margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
			pdfVersion: '1.7',
			tagged: true,
			lang: 'nl-NL',
			displayTitle: true,
			info: { Title: title, Author: 'Paraat', Subject: subject, Creator: 'Paraat' }
		});
		registerFonts(this.doc);
		cacheFontsByPath(this.doc);
		const chunks: Buffer[] = [];
		this.doc.on('data', (c: Buffer) => chunks.push(c));
		this.done = new Promise<Buffer>((resolve, reject) => {
			this.doc.on('end', () => resolve(Buffer.concat(chunks)));
			this.doc.on('error', reject);
		});
		this.root = this.doc.struct('Document');
		this.doc.addStructure(this.root);
	}

	heading(level: 1 | 2 | 3 | 4, text: string): this {
		this.doc
			.font(FONT.bold)
			.fontSize([18, 14, 12, 10.5][level - 1]!)
			.fillColor('#000000')
			.text(text, MARGIN, undefined, { structParent: this.root, structType: `H${level}` })
			.moveDown(0.3);
		return this;
	}

	para(text: string, small = false): this {
		this.doc
			.font(FONT.regular)
			.fontSize(small ? 8 : 10)
			.fillColor(small ? '#333333' : '#000000')
			.text(text, MARGIN, undefined, { structParent: this.root, structType: 'P' })
			.moveDown(0.3);
		return this;
	}

	table(header: string[], rows: Cell[][], widths: number[]): this {
		const cell = (c: Cell) => (typeof c === 'string' ? c : { ...c, font: { src: FONT.bold } });
		// pdfkit tags the table (Table, TR, TH with Scope, TD) when it has a structParent; its types lag behind.
		const options = {
			structParent: this.root,
			columnStyles: widths,
			data: [header.map((h) => cell({ text: h, type: 'TH', scope: 'Column' })), ...rows.map((r) => r.map(cell))]
		} as PDFKit.Mixins.TableOptionsWithData;
		this.doc.font(FONT.regular).fontSize(8).fillColor('#000000');
		this.doc.x = MARGIN;
		this.doc.table(options);
		this.doc.moveDown(0.6);
		return this;
	}

	/** The chart as vector drawing in a Figure whose alternative text states every value shown. */
	chart(chart: Chart): this {
		const { doc } = this;
		if (doc.y + chart.height > doc.page.height - MARGIN) doc.addPage();
		const x0 = MARGIN;
		const y0 = doc.y;
		const figure = doc.struct('Figure', { alt: chart.alt, bbox: [x0, y0, x0 + chart.width, y0 + chart.height], placement: 'Block' } as PDFKit.Mixins.StructureElementOptions, () => {
			doc.save();
			for (const shape of chart.shapes) this.draw(shape, x0, y0);
			doc.restore();
		});
		this.root.add(figure);
		doc.x = MARGIN;
		doc.y = y0 + chart.height + 6;
		return this;
	}

	private draw(s: Shape, x0: number, y0: number): void {
		const { doc } = this;
		switch (s.kind) {
			case 'line': {
				const [first, ...rest] = s.points;
				if (!first) return;
				doc.moveTo(x0 + first[0], y0 + first[1]);
				for (const [x, y] of rest) doc.lineTo(x0 + x, y0 + y);
				doc.lineWidth(s.width).strokeColor(s.stroke);
				if (s.dash) doc.dash(s.dash[0], { space: s.dash[1] });
				doc.stroke();
				doc.undash();
				return;
			}
			case 'circle':
				doc.circle(x0 + s.cx, y0 + s.cy, s.r).fill(s.fill);
				return;
			case 'rect':
				doc.rect(x0 + s.x, y0 + s.y, s.w, s.h).fill(s.fill);
				return;
			case 'text': {
				doc.font(s.bold ? FONT.bold : FONT.regular).fontSize(s.size).fillColor(s.fill);
				const width = doc.widthOfString(s.text);
				const x = s.anchor === 'start' ? s.x : s.anchor === 'middle' ? s.x - width / 2 : s.x - width;
				doc.text(s.text, x0 + x, y0 + s.y, { lineBreak: false, baseline: 'alphabetic' });
				return;
			}
		}
	}

	finish(): Promise<Buffer> {
		this.root.end();
		this.doc.end();
		return this.done;
	}
}

/** "Gemaakt door … op …": who made the report and when, in Amsterdam time. */
export function madeLine(madeBy: string, madeAt: Date): string {
	return `Gemaakt door ${madeBy} op ${madeAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' })}. Elk getal noemt zijn bron en datum.`;
}
