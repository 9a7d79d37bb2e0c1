// An accessible PDF (PDF/UA-style, as Dutch government documents must be): tagged with a
// structure tree in reading order, language nl-NL, the title shown in the viewer's title bar and
// every font embedded. Page furniture (the OEFENING and VERTROUWELIJK banners, footers with page
// numbers) is drawn as pagination artifacts, so a screen reader reads the content once, in order.
import PDFDocument from 'pdfkit';
import { FONT, registerFonts, type FontName } from './pdf-fonts.ts';

export const PDF_MARGIN = 50;

export type BlockType = 'H1' | 'H2' | 'H3' | 'P';

export interface TaggedPdfOptions {
	title: string;
	author: string;
	subject: string;
	/** Extra room above the content for a banner on every page. */
	topExtra?: number;
}

export interface TextStyle {
	font?: FontName;
	size?: number;
	color?: string;
	paragraphGap?: number;
}

export interface Run extends TextStyle {
	text: string;
}

export interface PageFurniture {
	/** Drawn at the top of every page, e.g. the OEFENING banner. */
	header?: (doc: PDFKit.PDFDocument, page: number, pages: number) => void;
	footer: (page: number, pages: number) => string;
}

export class TaggedPdf {
	readonly doc: PDFKit.PDFDocument;
	readonly done: Promise<Buffer>;
	private readonly root: PDFKit.PDFStructureElement;

	constructor(options: TaggedPdfOptions) {
		this.doc = new PDFDocument({
			size: 'A4',
			bufferPages: true,
			pdfVersion: '1.7',
			// pdfkit supports PDF/UA (metadata pdfuaid:part 1); its type definitions do not list it yet.
			subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
			tagged: true,
			lang: 'nl-NL',
			displayTitle: true,
			margins: { top: PDF_MARGIN + (options.topExtra ?? 0), bottom: PDF_MARGIN + 10, left: PDF_MARGIN, right: PDF_MARGIN },
			info: { Title: options.title, Author: options.author, Subject: options.subject, Creator: 'Paraat' }
		});
		registerFonts(this.doc);
		const chunks: Buffer[] = [];
		this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		this.done = new Promise<Buffer>((resolve, reject) => {
			this.doc.on('end', () => resolve(Buffer.concat(chunks)));
			this.doc.on('error', reject);
		});
		this.root = this.doc.struct('Document');
		this.doc.addStructure(this.root);
	}

	private style(style: TextStyle): void {
		this.doc
			.font(style.font ?? FONT.regular)
			.fontSize(style.size ?? 10)
			.fillColor(style.color ?? '#000000');
	}

	/** One structure element (heading or paragraph) holding one or more runs of text in its own styles. */
	block(type: BlockType, runs: Run[] | Run): this {
		const list = Array.isArray(runs) ? runs : [runs];
		this.root.add(
			this.doc.struct(type, {}, () => {
				list.forEach((run, i) => {
					this.style(run);
					this.doc.text(run.text, { continued: i < list.length - 1, paragraphGap: run.paragraphGap ?? 0 });
				});
			})
		);
		return this;
	}

	/** A bulleted list: L › LI › LBody, so the bullets are read as a list. */
	list(items: string[], style: TextStyle = {}): this {
		if (items.length === 0) return this;
		const list = this.doc.struct('L');
		this.root.add(list);
		for (const item of items) {
			const li = this.doc.struct('LI');
			list.add(li);
			li.add(
				this.doc.struct('LBody', {}, () => {
					this.style(style);
					this.doc.text(`• ${item}`);
				})
			);
			li.end();
		}
		list.end();
		return this;
	}

	space(lines: number): this {
		this.doc.moveDown(lines);
		return this;
	}

	/** Draws the furniture on every page as artifacts and ends the document. */
	finish(furniture: PageFurniture): Promise<Buffer> {
		this.root.end();
		const { doc } = this;
		const range = doc.bufferedPageRange();
		for (let i = range.start; i < range.start + range.count; i++) {
			doc.switchToPage(i);
			const page = i - range.start + 1;
			const bottomMargin = doc.page.margins.bottom;
			// Text in the bottom margin would otherwise start a new page.
			doc.page.margins.bottom = 0;
			if (furniture.header) {
				doc.markContent('Artifact', { type: 'Pagination' });
				furniture.header(doc, page, range.count);
				doc.endMarkedContent();
			}
			doc.markContent('Artifact', { type: 'Pagination' });
			doc
				.font(FONT.regular)
				.fontSize(8)
				.fillColor('#444444')
				.text(furniture.footer(page, range.count), PDF_MARGIN, doc.page.height - PDF_MARGIN + 5, {
					width: doc.page.width - 2 * PDF_MARGIN,
					align: 'center',
					lineBreak: false
				});
			doc.endMarkedContent();
			doc.page.margins.bottom = bottomMargin;
		}
		doc.end();
		return this.done;
	}
}
