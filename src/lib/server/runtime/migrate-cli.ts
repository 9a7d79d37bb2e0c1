// `npm run db:migrate`: migrates DATABASE_URL (or the embedded database) to the latest migration
// and seeds the reference data. `npm run db:migrate -- --down` undoes exactly one migration, the
// last one, and says which. Exits non-zero on failure.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { BackupError } from '../backup/backup-format.ts';
import { migrateDown } from '../db/migrator.ts';
import { bootstrap } from './bootstrap.ts';
import { openCommandDatabase } from './command-database.ts';
import { failCommand } from './command-failure.ts';

async function down(): Promise<void> {
	const database = await openCommandDatabase();
	const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
	try {
		const { results } = await migrateDown(db);
		const undone = results?.find((r) => r.direction === 'Down' && r.status === 'Success');
		console.log(undone ? `Migratie ${undone.migrationName} ongedaan gemaakt.` : 'Er is geen migratie om ongedaan te maken.');
	} finally {
		await db.destroy();
		await database.stop();
	}
}

try {
	const options = process.argv.slice(2);
	if (options.length === 1 && options[0] === '--down') {
		await down();
	} else if (options.length === 0) {
		const boot = await bootstrap();
		await boot.stop();
		console.log('Database bijgewerkt.');
	} else {
		throw new BackupError(`Onbekende optie ${options.join(' ')}: gebruik npm run db:migrate, of npm run db:migrate -- --down om één migratie ongedaan te maken.`);
	}
} catch (err) {
	failCommand('Migreren mislukt', err);
}
