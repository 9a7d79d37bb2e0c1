import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { FileMigrationProvider, Migrator, type MigrationResultSet } from 'kysely/migration';

export const migrationFolder = fileURLToPath(new URL('../../../../migrations', import.meta.url));

export function createMigrator(db: Kysely<unknown>): Migrator {
	return new Migrator({
		db,
		provider: new FileMigrationProvider({ fs, path, migrationFolder }),
		migrationTableName: 'kysely_migration',
		migrationLockTableName: 'kysely_migration_lock'
	});
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
	return unwrap(await createMigrator(db).migrateToLatest());
}

export async function migrateDown(db: Kysely<unknown>): Promise<MigrationResultSet> {
	return unwrap(await createMigrator(db).migrateDown());
}
