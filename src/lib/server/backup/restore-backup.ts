// Restores a backup into an EMPTY database, all or nothing: one transaction migrates the database
// to exactly the backup's migration (Kysely's Migrator accepts a transaction: PostgreSQL's DDL is
// transactional), fills every table with COPY … FROM STDIN in foreign-key order, sets every
// sequence to its recorded value and checks every table's row count against the header. Any
// failure (a damaged file, a wrong count, a broken key) rolls the whole transaction back.
//
// Works without superuser rights (no session_replication_role): the restoring role owns the tables
// it has just created, which is enough to switch their own triggers off for the load.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { executedMigrations, knownMigrations, migrateTo, migrationBookkeeping } from '../db/migrator.ts';
import { BackupError, END_OF_FILE, checkMagicLine, parseHeader, tableLine, type BackupHeader } from './backup-format.ts';
import { BackupReader, damaged, openBackupFile } from './backup-reader.ts';
import {
	allTableNames,
	foreignKeys,
	rowCount,
	schemaTables,
	sequenceNames,
	setPortableSession,
	tablesWithUserTriggers,
	type NamedForeignKey
} from './catalog.ts';
import { brokenForeignKeys } from './load-order.ts';
import { secretKeyVerdict } from './key-check.ts';

export interface RestoreResult {
	header: BackupHeader;
	rows: number;
	/** Whether this machine's key opens the backup's sealed TOTP secrets, as a Dutch sentence. */
	secretKey: string;
}

/** Reads and checks the file's first two lines; nothing is written before they are right. */
async function readHeader(reader: BackupReader): Promise<BackupHeader> {
	checkMagicLine(await reader.readLine(64, 'kopregel').catch(() => ''));
	const header = parseHeader(await reader.readLine(64 * 1024 * 1024, 'kop'));
	if (!(await knownMigrations()).includes(header.migration)) {
		throw new BackupError(
			`Deze back-up komt van een nieuwere versie van Paraat (migratie ${header.migration} kent deze versie niet): herstel met die versie of een nieuwere.`
		);
	}
	return header;
}

const quoted = (client: pg.Client, name: string) => client.escapeIdentifier(name);

/** Kysely on the restore's one connection, so that the migrations and the COPYs share its transaction. */
function kyselyOn(client: pg.Client): Kysely<unknown> {
	const onClient: PostgresPoolClient = {
		query: client.query.bind(client) as PostgresPoolClient['query'],
		release: () => {}
	};
	const pool: PostgresPool = { connect: async () => onClient, end: async () => {}, options: {} };
	return new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
}

async function refuseNonEmpty(client: pg.Client, db: Kysely<unknown>): Promise<void> {
	const bookkeeping: readonly string[] = migrationBookkeeping;
	const tables = (await allTableNames(client)).filter((t) => !bookkeeping.includes(t));
	const migrated = await executedMigrations(db);
	if (tables.length === 0 && migrated.length === 0) return;
	const database = (await client.query<{ name: string }>('select current_database() as name')).rows[0]!.name;
	const what = tables.length > 0 ? `${tables.length} tabellen, waaronder ${tables.slice(0, 3).join(', ')}` : `${migrated.length} migraties`;
	throw new BackupError(
		`De database ${database} is niet leeg (${what}): een back-up wordt alleen in een lege database hersteld. ` +
			`Maak een nieuwe, lege database aan (of verplaats bij de ingebouwde database de map PARAAT_DATA_DIR) en herstel opnieuw.`
	);
}

/** The migrated schema must be exactly the one the backup describes. */
async function checkSchema(client: pg.Client, header: BackupHeader): Promise<void> {
	const present = new Map((await schemaTables(client)).map((t) => [t.name, t.columns.join(',')]));
	const listed = new Map(header.tables.map((t) => [t.name, t.columns.join(',')]));
	const mismatch = [...new Set([...present.keys(), ...listed.keys()])].find((t) => present.get(t) !== listed.get(t));
	if (mismatch) throw damaged(new Error(`tabel ${mismatch} past niet bij migratie ${header.migration}`));
	const sequences = new Set(await sequenceNames(client));
	const unknown = header.sequences.find((s) => !sequences.has(s.name));
	if (unknown) throw damaged(new Error(`reeks ${unknown.name} bestaat niet bij migratie ${header.migration}`));
}

interface SuspendedChecks {
	foreignKeys: NamedForeignKey[];
	triggered: string[];
}

/**
 * Makes the migrated tables ready for the load: the keys the file's order cannot respect (tables
 * that reference each other) are dropped, to be added back — validating every row — after it; the
 * tables' own triggers (the audit log's append-only guard) are switched off; and the rows some
 * migrations insert (the GRIP levels) are removed, since the backup holds them as they were.
 */
async function suspendChecks(client: pg.Client, header: BackupHeader): Promise<SuspendedChecks> {
	const tables = header.tables.map((t) => t.name);
	const postponed = brokenForeignKeys(tables, await foreignKeys(client));
	for (const fk of postponed) await client.query(`alter table ${quoted(client, fk.table)} drop constraint ${quoted(client, fk.name)}`);
	const triggered = (await tablesWithUserTriggers(client)).filter((t) => tables.includes(t));
	for (const table of triggered) await client.query(`alter table ${quoted(client, table)} disable trigger user`);
	if (tables.length > 0) await client.query(`truncate table ${tables.map((t) => quoted(client, t)).join(', ')}`);
	return { foreignKeys: postponed, triggered };
}

async function resumeChecks(client: pg.Client, suspended: SuspendedChecks): Promise<void> {
	for (const fk of suspended.foreignKeys) {
		try {
			await client.query(`alter table ${quoted(client, fk.table)} add constraint ${quoted(client, fk.name)} ${fk.definition}`);
		} catch (err) {
			throw damaged(new Error(`sleutel ${fk.name}: ${err instanceof Error ? err.message : String(err)}`));
		}
	}
	for (const table of suspended.triggered) await client.query(`alter table ${quoted(client, table)} enable trigger user`);
}

/** Streams every table's rows from the file into COPY … FROM STDIN; returns the number of rows. */
async function copyTables(client: pg.Client, reader: BackupReader, header: BackupHeader, log: (line: string) => void): Promise<number> {
	let total = 0;
	for (const table of header.tables) {
		const marker = await reader.readLine(256, 'tabelkop');
		if (marker !== tableLine(table.name)) throw damaged(new Error(`verwacht ${tableLine(table.name)}, gevonden ${marker.slice(0, 80)}`));
		const columns = table.columns.map((c) => quoted(client, c)).join(', ');
		const copy = client.query(copyFrom(`copy ${quoted(client, table.name)} (${columns}) from stdin`));
		try {
			await pipeline(Readable.from(reader.rows()), copy);
		} catch (err) {
			throw err instanceof BackupError ? err : damaged(new Error(`tabel ${table.name}: ${err instanceof Error ? err.message : String(err)}`));
		}
		if (copy.rowCount !== table.rows) throw damaged(new Error(`tabel ${table.name} heeft ${copy.rowCount} rijen, de kop zegt ${table.rows}`));
		total += table.rows;
		log(`  ${table.name}: ${table.rows}`);
	}
	if ((await reader.readLine(16, 'slotregel')) !== END_OF_FILE) throw damaged(new Error('de slotregel ontbreekt'));
	// To the very end, so that gzip checks the whole file's checksum before anything is committed.
	await reader.expectEnd();
	return total;
}

async function loadTables(client: pg.Client, reader: BackupReader, header: BackupHeader, log: (line: string) => void): Promise<number> {
	const suspended = await suspendChecks(client, header);
	const total = await copyTables(client, reader, header, log);
	for (const s of header.sequences) {
		await client.query('select setval($1::regclass, $2::bigint, $3)', [quoted(client, s.name), s.value, s.isCalled]);
	}
	await resumeChecks(client, suspended);
	for (const table of header.tables) {
		const count = await rowCount(client, table.name);
		if (count !== table.rows) throw damaged(new Error(`tabel ${table.name} telt na herstel ${count} rijen, de kop zegt ${table.rows}`));
	}
	return total;
}

/** Restores `file` into the empty database at `databaseUrl`; throws a BackupError with a Dutch sentence. */
export async function restoreBackup(databaseUrl: string, file: string, options: { log?: (line: string) => void } = {}): Promise<RestoreResult> {
	const log = options.log ?? (() => {});
	const source = await openBackupFile(file);
	const reader = new BackupReader(source);
	const client = new pg.Client({ connectionString: databaseUrl, application_name: 'paraat-restore' });
	const db = kyselyOn(client);
	try {
		const header = await readHeader(reader);
		await client.connect();
		await setPortableSession(client);
		await refuseNonEmpty(client, db);
		log(`Back-up van ${header.createdAt} (migratie ${header.migration}) herstellen:`);
		const rows = await db.transaction().execute(async (trx) => {
			await migrateTo(trx, header.migration);
			await checkSchema(client, header);
			return loadTables(client, reader, header, log);
		});
		return { header, rows, secretKey: await secretKeyVerdict(client) };
	} finally {
		source.destroy();
		await client.end().catch(() => {});
	}
}
