// A database Paraat cannot use at start, said in one Dutch sentence with the fix. The URL is named
// without its password (BIO: no secrets in logs or on screen).
import { StartupError } from '../startup-error.ts';

export function withoutPassword(connectionString: string): string {
	try {
		const url = new URL(connectionString);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return '(ongeldig adres)';
	}
}

/** The StartupError for a failed first connection; the error itself when it is something else. */
export function databaseStartupError(err: unknown, connectionString: string, embedded: boolean): unknown {
	const e = err as NodeJS.ErrnoException & { code?: string; message?: string };
	const where = withoutPassword(connectionString);
	// PostgreSQL's own words, without the migrator's "Migratie … mislukt:" in front (no migration ran).
	const said = String(e?.message ?? '').replace(/^Migratie .*?mislukt: /, '');
	const fix = embedded ? 'start Paraat opnieuw' : 'controleer DATABASE_URL en of die PostgreSQL-server draait';
	switch (e?.code) {
		case 'ECONNREFUSED':
		case 'ETIMEDOUT':
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
			return new StartupError(`De database op ${where} is niet bereikbaar (${e.code}): ${fix}.`, { cause: err });
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return new StartupError(`De databaseserver in ${where} is onbekend (${e.code}): controleer de hostnaam in DATABASE_URL.`, { cause: err });
		case '28P01': // invalid_password
		case '28000': // invalid_authorization_specification (pg_hba.conf)
			return new StartupError(`PostgreSQL weigert de aanmelding voor ${where} (“${said}”): controleer gebruiker en wachtwoord in DATABASE_URL.`, { cause: err });
		case '3D000': // invalid_catalog_name
			return new StartupError(`De database in ${where} bestaat niet: maak hem aan (createdb) of controleer de naam in DATABASE_URL.`, { cause: err });
		case '57P03': // cannot_connect_now (starting up, shutting down)
			return new StartupError(`De database op ${where} neemt nog geen verbindingen aan (“${said}”): wacht even en start Paraat opnieuw.`, { cause: err });
		case '42501': // insufficient_privilege
			return new StartupError(`De gebruiker in ${where} mag de database niet inrichten (“${said}”): geef hem eigenaarsrechten op de database.`, { cause: err });
		default:
			if (e?.message && /SSL|certificate/i.test(e.message)) {
				return new StartupError(`De TLS-verbinding met ${where} mislukt (“${said}”): controleer sslmode in DATABASE_URL.`, { cause: err });
			}
			return err;
	}
}
