// The fonts every Paraat PDF uses: DejaVu Sans from the npm package dejavu-fonts-ttf (Bitstream
// Vera licence plus public-domain DejaVu changes, see its LICENSE). Unlike the standard Helvetica
// it covers Latin Extended (Ş, Ł, ő, ø, ß, ç), Greek, Cyrillic and Arabic, and pdfkit embeds it as
// a subset (only the glyphs used), so every name prints as written and the file stays small.
import { createRequire } from 'node:module';
import path from 'node:path';

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold', oblique: 'DejaVuSans-Oblique' } as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

let folder: string | undefined;

function fontFolder(): string {
	folder ??= path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
	return folder;
}

/** Registers the three faces on a document under their own names (see FONT). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
	for (const name of Object.values(FONT)) doc.registerFont(name, path.join(fontFolder(), `${name}.ttf`));
	doc.font(FONT.regular);
}
