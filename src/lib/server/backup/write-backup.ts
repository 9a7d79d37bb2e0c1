// A logical backup written by Paraat itself. Debian's pg_dump (15) refuses a PostgreSQL 18
// server and the embedded package ships no pg_dump, so Paraat reads its own tables: in one
// REPEATABLE READ, READ ONLY transaction (one snapshot, so every table is from the same moment
// and writers are never blocked), each table goes out through COPY … TO STDOUT in PostgreSQL's
// own text format, streamed through gzip to a file. Nothing is held in memory beyond a chunk.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BackupError, END_OF_FILE, END_OF_ROWS, FORMAT_VERSION, magicLine, tableLine, type BackupHeader } from './backup-format.ts';
import { foreignKeys, rowCount, schemaTables, sequenceNames, sequenceState, setPortableSession } from './catalog.ts';
import { loadOrder } from './load-order.ts';

export interface BackupResult {
	file: string;
	header: BackupHeader;
	bytes: number;
}

async function lastMigration(client: pg.ClientBase): Promise<string> {
	const present = await client.query<{ present: boolean }>(`select to_regclass('kysely_migration') is not null as present`);
	const last = present.rows[0]?.present
		? (await client.query<{ name: string }>('select name from kysely_migration order by name desc limit 1')).rows[0]?.name
		: undefined;
	if (!last) throw new BackupError('Deze database is nog niet door Paraat ingericht (geen migraties): er is niets om te back-uppen.');
	return last;
}

/** Reads the snapshot's shape: tables in load order with their stored columns and row counts. */
async function readHeader(client: pg.ClientBase): Promise<BackupHeader> {
	const migration = await lastMigration(client);
	const tables = await schemaTables(client);
	const columns = new Map(tables.map((t) => [t.name, t.columns]));
	const order = loadOrder([...columns.keys()], await foreignKeys(client));
	const withRows = [];
	for (const name of order) withRows.push({ name, columns: columns.get(name)!, rows: await rowCount(client, name) });
	// Read after the snapshot was taken (by the queries above): a sequence is not transactional,
	// so its value now is at least every number used by a row the snapshot sees.
	const sequences = [];
	for (const name of await sequenceNames(client)) sequences.push({ name, ...(await sequenceState(client, name)) });
	const server = (await client.query<{ v: string }>('select version() as v')).rows[0]!.v;
	return { format: FORMAT_VERSION, createdAt: new Date().toISOString(), migration, server, tables: withRows, sequences };
}

export interface BackupOptions {
	/** Called before each table is copied (progress output; tests write rows here to prove the snapshot). */
	onTable?: (table: string, rows: number) => void | Promise<void>;
}

async function* backupStream(client: pg.ClientBase, header: BackupHeader, options: BackupOptions): AsyncGenerator<Buffer | string> {
	yield `${magicLine()}\n${JSON.stringify(header)}\n`;
	for (const table of header.tables) {
		await options.onTable?.(table.name, table.rows);
		yield `${tableLine(table.name)}\n`;
		const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(', ');
		const rows = client.query(copyTo(`copy ${client.escapeIdentifier(table.name)} (${columns}) to stdout`));
		for await (const chunk of rows as AsyncIterable<Buffer>) yield chunk;
		if (rows.rowCount !== table.rows) {
			throw new Error(`Tabel ${table.name} gaf ${rows.rowCount} rijen, de telling in dezelfde snapshot ${table.rows}.`);
		}
		yield `${END_OF_ROWS}\n`;
	}
	yield `${END_OF_FILE}\n`;
}

/**
 * Writes a backup of the database at `databaseUrl` to `file` (directories made as needed). The
 * file appears only when complete (written as `.part`, then renamed), readable by its owner only:
 * it holds personal data.
 */
export async function writeBackup(databaseUrl: string, file: string, options: BackupOptions = {}): Promise<BackupResult> {
	const target = path.resolve(file);
	await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
	const partial = `${target}.part`;
	const client = new pg.Client({ connectionString: databaseUrl, application_name: 'paraat-backup' });
	await client.connect();
	try {
		await setPortableSession(client);
		await client.query('start transaction isolation level repeatable read, read only');
		const header = await readHeader(client);
		const out = createWriteStream(partial, { mode: 0o600 });
		await pipeline(Readable.from(backupStream(client, header, options)), createGzip(), out);
		await client.query('commit');
		await rename(partial, target);
		return { file: target, header, bytes: out.bytesWritten };
	} catch (err) {
		await rm(partial, { force: true });
		throw err;
	} finally {
		await client.end().catch(() => {});
	}
}
