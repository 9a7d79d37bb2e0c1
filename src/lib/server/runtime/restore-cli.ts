// `npm run db:restore FILE`: restores a backup made by `npm run db:backup` into an empty database
// (DATABASE_URL, or the embedded one, created when it does not exist yet).
import { BackupError } from '../backup/backup-format.ts';
import { restoreBackup } from '../backup/restore-backup.ts';
import { openCommandDatabase } from './command-database.ts';
import { failCommand } from './command-failure.ts';

try {
	const [file, ...rest] = process.argv.slice(2);
	if (!file || rest.length > 0) throw new BackupError('Geef precies één back-upbestand op: npm run db:restore <bestand>.');
	const database = await openCommandDatabase({ create: true });
	let result;
	try {
		result = await restoreBackup(database.url, file, { log: (line) => console.log(line) });
	} finally {
		await database.stop();
	}
	console.log(
		`Hersteld in de database (${database.source}): ${result.header.tables.length} tabellen, ${result.rows} rijen, migratie ${result.header.migration}.`
	);
	console.log(result.secretKey);
	console.log('Start Paraat daarna gewoon (npm start): nieuwere migraties van deze versie worden dan uitgevoerd.');
} catch (err) {
	failCommand('Herstel mislukt', err);
}
