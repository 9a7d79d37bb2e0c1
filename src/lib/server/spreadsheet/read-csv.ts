// A CSV export as rows of text (csv-parse: quoting, a byte-order mark), the same rows the workbook
// reader yields for an .xlsx. Dutch Excel saves with `;` and in Windows-1252 unless told otherwise,
// other tools with `,` and UTF-8: both are recognised rather than guessed per field, so an address
// such as "Grote Markt 2, Haarlem" in a `;`-file stays one cell.
import { parse } from 'csv-parse/sync';
import { ServiceError } from '../errors.ts';

const SEPARATORS = [';', ',', '\t'] as const;

/** The separator the first line uses most often outside quotes (a header has no quoted separators as a rule). */
export function separatorOf(text: string): (typeof SEPARATORS)[number] {
	const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	let inQuotes = false;
	const counts = new Map<string, number>();
	for (const ch of firstLine) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (SEPARATORS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	}
	let best: (typeof SEPARATORS)[number] = ';';
	for (const sep of SEPARATORS) if ((counts.get(sep) ?? 0) > (counts.get(best) ?? 0)) best = sep;
	return best;
}

/** The bytes as text: UTF-8 when they are valid UTF-8, else Windows-1252 (what Dutch Excel writes as "CSV"). */
export function csvText(content: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(content);
	} catch {
		return new TextDecoder('windows-1252').decode(content);
	}
}

export function csvRows(text: string): string[][] {
	try {
		return parse(text, { delimiter: separatorOf(text), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
	} catch (err) {
		const line = (err as { lines?: number }).lines;
		throw new ServiceError(400, 'invalid_csv', `Het bestand is geen leesbare CSV${line ? ` (rond regel ${line})` : ''}. Sla het op als CSV met ; of , als scheidingsteken.`);
	}
}
