// A CSV export as rows of text (csv-parse: quoting, `;` or `,` as Dutch spreadsheets save them, a
// byte-order mark), the same rows the workbook reader yields for an .xlsx.
import { parse } from 'csv-parse/sync';
import { ServiceError } from '../errors.ts';

/**
 * The file's one separator, read from its header line: `;` when the header holds one (Dutch Excel),
 * else `,`. Both at once would split a field such as "Politie, meldingen" in a `;` file.
 */
export function csvDelimiter(text: string): ';' | ',' {
	const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	return header.includes(';') ? ';' : ',';
}

export function csvRows(text: string): string[][] {
	try {
		return parse(text, { delimiter: csvDelimiter(text), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
	} catch (err) {
		const line = (err as { lines?: number }).lines;
		throw new ServiceError(400, 'invalid_csv', `Het bestand is geen leesbare CSV${line ? ` (rond regel ${line})` : ''}. Sla het op als CSV met ; of , als scheidingsteken.`);
	}
}
