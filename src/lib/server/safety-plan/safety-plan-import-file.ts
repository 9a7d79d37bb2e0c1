// An uploaded figure file as rows (the shared spreadsheet reader, by content). A workbook's date
// cell becomes its calendar day, so a figure's date reads the same from a workbook and from a CSV.
import type { ImportCell } from '../../domain/safety-plan/figure-import.ts';
import { sheetRows } from '../spreadsheet/read-upload.ts';

export { FILE_TYPE_REFUSED } from '../spreadsheet/read-upload.ts';

/** The file's rows, the header first: the same shape for a workbook and for a CSV. */
export async function figureFileRows(content: Uint8Array): Promise<ImportCell[][]> {
	const rows = await sheetRows(content);
	return rows.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)));
}
