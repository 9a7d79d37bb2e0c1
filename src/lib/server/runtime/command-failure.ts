// How an operator command ends on failure: one sentence, no stack trace, a non-zero exit.
import { BackupError } from '../backup/backup-format.ts';
import { ConfigError } from '../config.ts';
import { NewerDatabaseError } from '../db/migrator.ts';

export function failCommand(what: string, err: unknown): never {
	const known = err instanceof BackupError || err instanceof ConfigError || err instanceof NewerDatabaseError;
	const message = err instanceof Error ? err.message : String(err);
	console.error(known ? message : `${what}: ${message}`);
	process.exit(1);
}
