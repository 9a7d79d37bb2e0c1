// Poppler's command-line tools (Debian's poppler-utils) on a generated PDF: what a reader,
// a text extractor or an accessibility checker sees of the real file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
	const dir = mkdtempSync(path.join(tmpdir(), 'paraat-pdf-'));
	try {
		const file = path.join(dir, 'export.pdf');
		writeFileSync(file, pdf);
		return run(file);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The text per page (pdftotext), in reading order. */
export function pdfPages(pdf: Buffer): string[] {
	const text = withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
	return text.split('\f').slice(0, -1);
}

/** Every line of text, trimmed, without the empty ones. */
export function pdfLines(pdf: Buffer): string[] {
	return pdfPages(pdf)
		.flatMap((page) => page.split('\n'))
		.map((line) => line.trim())
		.filter(Boolean);
}

/** pdfinfo's fields, e.g. { Tagged: 'yes', Title: '…', Pages: '2' }. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
	const out = withFile(pdf, (file) => execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }));
	return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export interface PdfFont {
	name: string;
	type: string;
	embedded: boolean;
	subset: boolean;
	unicode: boolean;
}

/** pdffonts' table: every font the file uses. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
	const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
	return out
		.split('\n')
		.slice(2)
		.filter(Boolean)
		.map((line) => {
			// The columns after the name: type (may hold spaces), encoding, emb, sub, uni, object, generation.
			const parts = line.trim().split(/\s+/);
			const [emb, sub, uni] = parts.slice(-5, -2);
			return { name: parts[0]!, type: parts.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
		});
}

/** The structure tree (pdfinfo -struct): one line per element, indented by depth. */
export function pdfStructure(pdf: Buffer): string[] {
	return withFile(pdf, (file) => execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' }))
		.split('\n')
		.filter((l) => l.trim());
}
