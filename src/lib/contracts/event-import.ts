// The import of an events list (issue 22): what POST /api/v1/events/import answers, the column
// mapping it accepts, and the progress news that goes out on the importing officer's `user:<id>`.
import { z } from 'zod';
import { safeText } from '../validation/fields.ts';
import { KENNEMERLAND } from '../domain/region.ts';
import { IMPORT_FIELDS, type ImportField } from '../domain/events/import-columns.ts';

/** One refused row: its number as the spreadsheet shows it (the header is row 1), the field and why. */
export interface ImportRowError {
	row: number;
	/** The application field (`name`, `startsAt`, `peakVisitors`, …) as the API names it. */
	field: string;
	message: string;
}

/** The answer of POST /api/v1/events/import; with dryRun, `created` is what an import would create. */
export interface EventImportResult {
	/** Data rows in the file (empty rows not counted). */
	rows: number;
	created: number;
	/** Rows whose event was imported before (same municipality, name, start and location). */
	unchanged: number;
	errors: ImportRowError[];
}

/** The API's answer to the letter of the contract, from a fuller report. */
export function toImportResult(report: EventImportResult): EventImportResult {
	return { rows: report.rows, created: report.created, unchanged: report.unchanged, errors: report.errors };
}

/** News of an import in progress, after each committed batch, on the officer's own topic. */
export interface EventImportProgress {
	municipality: string;
	fileName: string;
	fileBytes: number;
	/** Valid rows to import in this run. */
	total: number;
	/** Valid rows handled so far (committed). */
	processed: number;
	created: number;
	unchanged: number;
}

const MUNICIPALITY_CODES = KENNEMERLAND.map((m) => m.code) as [string, ...string[]];

export const importMunicipalityInput = z.enum(MUNICIPALITY_CODES, {
	error: (i) => (i.input === undefined || i.input === '' ? 'Kies de gemeente.' : `Onbekende gemeente; kies uit ${MUNICIPALITY_CODES.join(', ')}.`)
});

export const importDryRunInput = z
	.enum(['', '0', '1', 'true', 'false'], { error: 'dryRun is 1 (alleen controleren) of weglaten.' })
	.transform((v) => v === '1' || v === 'true');

/** Field → the column header in the file; an empty header means "do not import this field". */
export const importMappingInput = z.partialRecord(
	z.enum(IMPORT_FIELDS, { error: `Onbekend veld in de koppeling; kies uit ${IMPORT_FIELDS.join(', ')}.` }),
	safeText({ error: 'Een kolomnaam in de koppeling moet tekst zijn.' }).max(200, { error: 'Een kolomnaam mag hoogstens 200 tekens hebben.' }),
	{ error: 'De koppeling (mapping) is een JSON-object: veld → kolomnaam.' }
);
export type ImportMappingInput = Partial<Record<ImportField, string>>;
