// A CSV export as rows of text (csv-parse: quoting, `;` or `,` as Dutch spreadsheets save them, a
// byte-order mark), the same rows the workbook reader yields for an .xlsx.
import { parse } from 'csv-parse/sync';
import { ServiceError } from '../errors.ts';

export function csvRows(text: string): string[][] {
	try {
		return parse(text, { delimiter: [';', ','], bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
	} catch (err) {
		const line = (err as { lines?: number }).lines;
		throw new ServiceError(400, 'invalid_csv', `Het bestand is geen leesbare CSV${line ? ` (rond regel ${line})` : ''}. Sla het op als CSV met ; of , als scheidingsteken.`);
	}
}
