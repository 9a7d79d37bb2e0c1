// What an uploaded spreadsheet is, recognised by its content (file-type) and not by its name: an
// Excel workbook, or plain text read as CSV. Anything else is refused (415) before any row is read.
// Shared by every import: the safety plan's figures and the events list.
import { fileTypeFromBuffer } from 'file-type';
import { ServiceError } from '../errors.ts';
import { csvRows, csvText } from './read-csv.ts';
import { workbookRows, type SheetCell } from './read-xlsx.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FILE_TYPE_REFUSED = 'Dit bestand is geen CSV- of Excel-bestand (.xlsx). Sla het op als .xlsx of als CSV met ; of , als scheidingsteken.';

/** The file's rows, the header first: the same shape for a workbook and for a CSV. */
export async function sheetRows(content: Uint8Array): Promise<SheetCell[][]> {
	const sniffed = await fileTypeFromBuffer(content);
	if (sniffed?.mime === XLSX_MIME) return workbookRows(content);
	// file-type names binary formats only; text has no signature. A NUL byte never occurs in a CSV
	// but in almost every other binary file (an old .xls, a zip, an image file-type does not know).
	if (sniffed || content.includes(0)) {
		const hint = sniffed?.ext === 'cfb' ? ' Een oud Excel-bestand (.xls) eerst opslaan als .xlsx.' : '';
		throw new ServiceError(415, 'file_type_refused', FILE_TYPE_REFUSED + hint);
	}
	return csvRows(csvText(content));
}
