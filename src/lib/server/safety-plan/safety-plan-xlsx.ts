// An Excel workbook (.xlsx) as the rows the CSV reader yields (read-excel-file: the first sheet, the
// first row as headers). A number cell stays a number and a date cell becomes its calendar day, so
// neither goes through the Dutch reading of text; text cells are read as the CSV path reads them.
import { InvalidInputError, InvalidSpreadsheetError, readSheet, type CellValue } from 'read-excel-file/node';
import { unzipSync } from 'fflate';
import { ServiceError } from '../errors.ts';
import type { ImportCell } from '../../domain/safety-plan/figure-import.ts';

/**
 * Excel stores a date as a day count without a time zone; read-excel-file hands it over as that
 * day at midnight UTC, so the UTC calendar day is the day the spreadsheet shows.
 */
function cellOf(value: CellValue | null): ImportCell {
	if (value === null) return '';
	if (typeof value === 'number' || typeof value === 'string') return value;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value);
}

/**
 * The upload limit counts the packed file; an .xlsx is a zip, and the reader unpacks it in memory.
 * A figures sheet is kilobytes unpacked, so the sizes its zip directory declares are added up first
 * (nothing is unpacked for that) and a workbook that would unpack to more is refused.
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

export async function workbookRows(content: Uint8Array): Promise<ImportCell[][]> {
	const unpacked = declaredUnpackedBytes(content);
	if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) {
		throw new ServiceError(413, 'xlsx_too_large', 'Dit Excel-bestand is uitgepakt groter dan 50 MB; een bestand met cijfers is veel kleiner. Controleer het bestand, of lever de cijfers als CSV aan.');
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
