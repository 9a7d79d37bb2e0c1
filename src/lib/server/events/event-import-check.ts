// Reading and checking an uploaded events list, before anything is written: the file by its
// content, the columns (chosen now, remembered for the municipality, or recognised), every row
// against the application schema, and which rows' events were imported before.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ServiceError } from '../errors.ts';
import { sheetRows } from '../spreadsheet/read-upload.ts';
import type { SheetCell } from '../spreadsheet/read-xlsx.ts';
import type { EventImportResult, ImportRowError } from '../../contracts/event-import.ts';
import type { NewApplicationInput } from '../../contracts/application-input.ts';
import { IMPORT_FIELD_LABELS, resolveMapping, type ColumnMapping, type ImportField } from '../../domain/events/import-columns.ts';
import { cellText } from '../../domain/events/import-cells.ts';
import { checkRow, isEmptyRow } from './event-import-rows.ts';
import { existingImportKeys, importMappingOf } from './event-import-queries.ts';

/** A list is a few hundred kilobytes; 5 MB holds tens of thousands of rows. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
export const PREVIEW_ROWS = 5;

export interface ImportFile {
	name: string;
	content: Uint8Array;
}

export interface ImportRequest {
	municipality: string;
	file: ImportFile;
	/** What the officer mapped now; fields not named here come from memory or the headers. */
	mapping?: ColumnMapping | undefined;
}

export interface ValidRow {
	row: number;
	input: NewApplicationInput;
	key: string;
}

export interface ListCheck extends EventImportResult {
	headers: string[];
	mapping: ColumnMapping;
	/** Required fields no column serves: nothing can be imported until they are mapped. */
	missing: ImportField[];
	/** The first rows as the file has them, for the preview. */
	sample: string[][];
	/** Rows that pass, in file order, without repeats; `existing` says which were imported before. */
	valid: ValidRow[];
	existing: Set<string>;
}

export const EMPTY_FILE = 'Kies een CSV- of Excel-bestand (.xlsx) met evenementen.';

async function readRows(file: ImportFile): Promise<SheetCell[][]> {
	if (file.content.byteLength === 0) throw new ServiceError(400, 'empty_file', EMPTY_FILE, [{ field: 'file', message: EMPTY_FILE }]);
	if (file.content.byteLength > MAX_IMPORT_BYTES) {
		const message = `Het bestand is te groot (hoogstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Splits de lijst in delen; wat al is geïmporteerd, wordt overgeslagen.`;
		throw new ServiceError(413, 'file_too_large', message, [{ field: 'file', message }]);
	}
	const rows = await sheetRows(file.content);
	if (rows.length - 1 > MAX_IMPORT_ROWS) {
		const message = `De lijst heeft meer dan ${new Intl.NumberFormat('nl-NL').format(MAX_IMPORT_ROWS)} rijen. Splits hem in delen; wat al is geïmporteerd, wordt overgeslagen.`;
		throw new ServiceError(413, 'too_many_rows', message, [{ field: 'file', message }]);
	}
	return rows;
}

/** Reads the list and checks every row; writes nothing. */
export async function checkEventList(db: Kysely<DB>, request: ImportRequest): Promise<ListCheck> {
	const rows = await readRows(request.file);
	const headers = (rows[0] ?? []).map((c) => cellText(c));
	if (headers.every((h) => h === '')) {
		throw new ServiceError(422, 'import_no_header', 'Het bestand heeft geen kopregel. Zet in de eerste rij de namen van de kolommen, zoals Naam evenement, Datum, Locatie en Bezoekers.', [{ field: 'file', message: 'Geen kopregel.' }]);
	}
	const resolved = resolveMapping(headers, await importMappingOf(db, request.municipality), request.mapping);
	const body = rows.slice(1).map((cells, i) => ({ cells, row: i + 2 })).filter((r) => !isEmptyRow(r.cells));
	const sample = body.slice(0, PREVIEW_ROWS).map((r) => headers.map((_, i) => cellText(r.cells[i])));
	const base = { headers, mapping: resolved.mapping, missing: resolved.missing, sample, rows: body.length };
	if (resolved.missing.length > 0) return { ...base, created: 0, unchanged: 0, errors: [], valid: [], existing: new Set() };

	const errors: ImportRowError[] = [];
	const valid: ValidRow[] = [];
	const firstRowOf = new Map<string, number>();
	for (const { cells, row } of body) {
		const checked = checkRow(cells, resolved.columns, request.municipality, row);
		if (!checked.ok) {
			errors.push(...checked.errors);
			continue;
		}
		const first = firstRowOf.get(checked.key);
		if (first !== undefined) {
			errors.push({ row, field: 'name', message: `Hetzelfde evenement als rij ${first} (zelfde naam, begin en locatie); rij ${first} wordt geïmporteerd, deze niet.` });
			continue;
		}
		firstRowOf.set(checked.key, row);
		valid.push({ row, input: checked.input, key: checked.key });
	}
	const existing = await existingImportKeys(db, request.municipality, valid.map((v) => v.key));
	return { ...base, created: valid.length - existing.size, unchanged: existing.size, errors, valid, existing };
}

/** The refusal when a required column is not mapped: 422, naming the columns the file does have. */
export function missingColumnsError(check: Pick<ListCheck, 'missing' | 'headers'>): ServiceError {
	const found = check.headers.filter((h) => h !== '').map((h) => `«${h}»`).join(', ');
	const fields = check.missing.map((field) => ({
		field: `mapping.${field}`,
		message: `Geen kolom gevonden voor ${IMPORT_FIELD_LABELS[field]}. Kolommen in het bestand: ${found}. Koppel de kolom op /evenementen/import of geef een koppeling (mapping) mee.`
	}));
	return new ServiceError(422, 'import_columns_missing', fields.map((f) => f.message).join(' '), fields);
}
