// An Excel workbook (.xlsx) as the rows the CSV reader yields (read-excel-file: the first sheet, the
// first row as headers). A number cell stays a number, so it never goes through the Dutch reading of
// text; a date or time cell stays a Date, which each import reads in its own way.
import { InvalidInputError, InvalidSpreadsheetError, readSheet, type CellValue } from 'read-excel-file/node';
import { unzipSync } from 'fflate';
import { ServiceError } from '../errors.ts';

/**
 * One cell as the readers yield it: text as written, a workbook's number, or a workbook's date.
 * Excel stores a date-time as a day count without a time zone; read-excel-file hands it over as
 * that wall-clock moment in UTC, so the Date's UTC fields are what the spreadsheet shows.
 */
export type SheetCell = string | number | Date;

function cellOf(value: CellValue | null): SheetCell {
	if (value === null) return '';
	if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
	return String(value);
}

/**
 * The upload limit counts the packed file; an .xlsx is a zip, and the reader unpacks it in memory.
 * A list is kilobytes to a few megabytes unpacked, so the sizes its zip directory declares are added
 * up first (nothing is unpacked for that) and a workbook that would unpack to more is refused.
 */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

function declaredUnpackedBytes(content: Uint8Array): number | null {
	let total = 0;
	try {
		unzipSync(content, {
			filter: (file) => {
				total += file.originalSize;
				return false;
			}
		});
	} catch {
		return null; // not a readable zip: the reader says so in its own words
	}
	return total;
}

export async function workbookRows(content: Uint8Array): Promise<SheetCell[][]> {
	const unpacked = declaredUnpackedBytes(content);
	if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) {
		throw new ServiceError(413, 'xlsx_too_large', 'Dit Excel-bestand is uitgepakt groter dan 50 MB; een lijst of een blad met cijfers is veel kleiner. Controleer het bestand, of lever het aan als CSV.');
	}
	try {
		const rows = await readSheet(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
		return rows.map((row) => row.map(cellOf));
	} catch (err) {
		if (err instanceof InvalidInputError || err instanceof InvalidSpreadsheetError) {
			throw new ServiceError(400, 'invalid_xlsx', 'Het Excel-bestand is niet leesbaar. Sla het opnieuw op als Excel-werkmap (.xlsx) of als CSV.');
		}
		throw err;
	}
}
