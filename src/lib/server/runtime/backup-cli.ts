// `npm run db:backup [-- FILE_OR_FOLDER]`: a consistent backup of the embedded or external
// database. The last line of the output is the backup's path, so scripts can take it with `tail -n 1`.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config.ts';
import { BackupError, FILE_EXTENSION, defaultFileName } from '../backup/backup-format.ts';
import { writeBackup } from '../backup/write-backup.ts';
import { openCommandDatabase } from './command-database.ts';
import { failCommand } from './command-failure.ts';

/** The file to write: the argument (a folder gets the default name), else PARAAT_BACKUP_DIR. */
function targetFile(argument: string | undefined, now: Date): string {
	if (!argument) return freshName(config().PARAAT_BACKUP_DIR, now);
	if (argument.endsWith('/') || (existsSync(argument) && statSync(argument).isDirectory())) return freshName(argument, now);
	if (existsSync(argument)) throw new BackupError(`${argument} bestaat al: kies een nieuwe bestandsnaam of een map.`);
	return path.resolve(argument);
}

/** The default name in `folder`, with a number added when a backup of the same second exists. */
function freshName(folder: string, now: Date): string {
	const name = defaultFileName(now);
	let file = path.resolve(folder, name);
	for (let n = 2; existsSync(file); n++) file = path.resolve(folder, name.replace(FILE_EXTENSION, `-${n}${FILE_EXTENSION}`));
	return file;
}

function size(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

try {
	const file = targetFile(process.argv[2], new Date());
	const database = await openCommandDatabase();
	let result;
	try {
		result = await writeBackup(database.url, file);
	} finally {
		await database.stop();
	}
	const rows = result.header.tables.reduce((sum, t) => sum + t.rows, 0);
	console.log(
		`Back-up gemaakt van de database (${database.source}): ${result.header.tables.length} tabellen, ${rows} rijen, migratie ${result.header.migration}, ${size(result.bytes)}.`
	);
	console.log('Herstellen: npm run db:restore <bestand>, in een lege database, met dezelfde PARAAT_SECRET_KEY of hetzelfde sleutelbestand.');
	console.log(result.file);
} catch (err) {
	failCommand('Back-up mislukt', err);
}
