// The backup file: gzip around a line-oriented text stream that a person can read with zcat.
//
//   PARAAT-BACKUP 1                        magic and format version
//   {"format":1,"migration":…,"tables":…}  header: one JSON line
//   TABLE <name>                           per table, in load (foreign-key) order:
//   <COPY … TO STDOUT text format rows>      its rows exactly as PostgreSQL wrote them
//   \.                                       end of that table's rows
//   END                                    the file is complete
//
// In COPY's text format every backslash inside a value is written as two, so a line that is
// exactly `\.` never occurs inside a table's rows; pg_dump's plain format uses the same marker.
// Framework-free: the CLIs import it under plain Node.
import { z } from 'zod';

export const FORMAT_VERSION = 1;
export const MAGIC = 'PARAAT-BACKUP';
export const END_OF_ROWS = '\\.';
export const END_OF_FILE = 'END';
export const FILE_EXTENSION = '.backup.gz';

/** A problem an operator can act on: the CLI prints its message (Dutch) and nothing else. */
export class BackupError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'BackupError';
	}
}

const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/);

export const headerSchema = z.object({
	format: z.literal(FORMAT_VERSION),
	createdAt: z.iso.datetime(),
	/** The last migration the database had: a restore migrates an empty database to exactly this one. */
	migration: z.string().min(1),
	/** The server the backup was read from (information only; the format does not depend on it). */
	server: z.string(),
	/** In load order: every table after the tables its foreign keys point at. */
	tables: z.array(
		z.object({
			name: identifier,
			/** Stored columns only: generated columns are recomputed by the restoring server. */
			columns: z.array(identifier).min(1),
			rows: z.number().int().min(0)
		})
	),
	// As text: a bigint sequence may pass 2^53.
	sequences: z.array(z.object({ name: identifier, value: z.string().regex(/^-?\d+$/), isCalled: z.boolean() }))
});

export type BackupHeader = z.infer<typeof headerSchema>;

export function magicLine(): string {
	return `${MAGIC} ${FORMAT_VERSION}`;
}

/** Checks the first line; a foreign file or one from a newer Paraat gets a sentence that says so. */
export function checkMagicLine(line: string): void {
	const match = /^PARAAT-BACKUP (\d+)$/.exec(line);
	if (!match) throw new BackupError('Dit bestand is geen back-up van Paraat (de kopregel ontbreekt): kies een bestand dat npm run db:backup maakte.');
	const version = Number(match[1]);
	if (version !== FORMAT_VERSION) {
		throw new BackupError(
			`Deze back-up heeft formaat ${version}, deze versie van Paraat leest alleen formaat ${FORMAT_VERSION}: herstel met de Paraat-versie die de back-up maakte.`
		);
	}
}

export function parseHeader(line: string): BackupHeader {
	let json: unknown;
	try {
		json = JSON.parse(line);
	} catch {
		throw new BackupError('De kop van de back-up is beschadigd (geen geldige JSON): het bestand is niet te herstellen.');
	}
	const parsed = headerSchema.safeParse(json);
	if (!parsed.success) throw new BackupError('De kop van de back-up is beschadigd of onvolledig: het bestand is niet te herstellen.');
	return parsed.data;
}

export function tableLine(name: string): string {
	return `TABLE ${name}`;
}

/** `paraat-20261207T101500Z.backup.gz`: UTC, sortable, no characters a file system dislikes. */
export function defaultFileName(now: Date): string {
	const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
	return `paraat-${stamp}${FILE_EXTENSION}`;
}
