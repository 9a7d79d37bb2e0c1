import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';
import { FileMigrationProvider, Migrator, type MigrationResultSet } from 'kysely/migration';

export const migrationFolder = fileURLToPath(new URL('../../../../migrations', import.meta.url));

const MIGRATION_TABLE = 'kysely_migration';
const MIGRATION_LOCK_TABLE = 'kysely_migration_lock';

/** The bookkeeping tables of the migrator: not Paraat's data (a backup leaves them out). */
export const migrationBookkeeping = [MIGRATION_TABLE, MIGRATION_LOCK_TABLE] as const;

const provider = new FileMigrationProvider({ fs, path, migrationFolder });

export function createMigrator(db: Kysely<unknown>): Migrator {
	return new Migrator({ db, provider, migrationTableName: MIGRATION_TABLE, migrationLockTableName: MIGRATION_LOCK_TABLE });
}

/** The names of the migrations this code knows, in order. */
export async function knownMigrations(): Promise<string[]> {
	return Object.keys(await provider.getMigrations()).sort();
}

/** The migrations recorded in the database, in order (none when it was never migrated). */
export async function executedMigrations(db: Kysely<unknown>): Promise<string[]> {
	const { rows } = await sql<{ present: boolean }>`select to_regclass(${MIGRATION_TABLE}) is not null as present`.execute(db);
	if (!rows[0]?.present) return [];
	const executed = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
	return executed.rows.map((r) => r.name);
}

/** The recorded migration names, as one quick statement; fails (42P01) when the table is missing. */
export async function recordedMigrationNames(db: QueryExecutorProvider): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db);
	return rows.map((r) => r.name);
}

/** A database migrated by a newer Paraat than this code: starting on it would run old code on a new schema. */
export class NewerDatabaseError extends Error {
	readonly unknown: string[];
	constructor(unknown: string[]) {
		const names = unknown.join(', ');
		super(
			`De database is bijgewerkt door een nieuwere versie van Paraat: migratie ${names} staat in de database maar niet in deze code. ` +
				`Start de Paraat-versie die bij deze database hoort, of maak de migratie eerst ongedaan met de code van die nieuwere versie (npm run db:migrate -- --down).`
		);
		this.name = 'NewerDatabaseError';
		this.unknown = unknown;
	}
}

/** Refuses a database that records migrations this code does not have. */
export async function assertNoNewerMigrations(db: Kysely<unknown>): Promise<void> {
	const known = new Set(await knownMigrations());
	const unknown = (await executedMigrations(db)).filter((name) => !known.has(name));
	if (unknown.length > 0) throw new NewerDatabaseError(unknown);
}

function unwrap(result: MigrationResultSet): MigrationResultSet {
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		const err = result.error instanceof Error ? result.error : new Error(String(result.error));
		err.message = `Migratie ${failed?.migrationName ?? ''} mislukt: ${err.message}`;
		throw err;
	}
	return result;
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
	await assertNoNewerMigrations(db);
	return unwrap(await createMigrator(db).migrateToLatest());
}

/** Undoes exactly the last executed migration (none when nothing was migrated). */
export async function migrateDown(db: Kysely<unknown>): Promise<MigrationResultSet> {
	await assertNoNewerMigrations(db);
	return unwrap(await createMigrator(db).migrateDown());
}

/** Migrates up or down to exactly `name` (a restore brings an empty database to its backup's migration). */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<MigrationResultSet> {
	await assertNoNewerMigrations(db);
	return unwrap(await createMigrator(db).migrateTo(name));
}
