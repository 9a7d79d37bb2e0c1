// After a restore: will the TOTP secrets in it open with the key this machine has? They are sealed
// with the key of the installation that made the backup (auth/secret-box.ts); a backup alone does
// not give away anyone's second factor, so a restore elsewhere needs that same key.
import type pg from 'pg';
import { existingSecretKey, opensWith, secretKeyFile } from '../auth/secret-box.ts';

/** A Dutch sentence about the key, for the restore's output. */
export async function secretKeyVerdict(client: pg.ClientBase): Promise<string> {
	const table = await client.query<{ present: boolean }>(`select to_regclass('user_totp') is not null as present`);
	const { rows } = table.rows[0]?.present
		? await client.query<{ secret: Buffer }>('select secret from user_totp where octet_length(secret) > 20 limit 1')
		: { rows: [] };
	const sealed = rows[0]?.secret;
	if (!sealed) return 'Er staan geen versleutelde TOTP-geheimen in deze back-up: er is geen sleutel nodig.';
	const found = existingSecretKey();
	if (!found) {
		return (
			`Let op: op deze machine is nog geen sleutel voor de TOTP-geheimen (tweede factor). Zet vóór de eerste start dezelfde PARAAT_SECRET_KEY ` +
			`als de installatie die de back-up maakte, of kopieer haar sleutelbestand naar ${secretKeyFile()}; anders moeten Bibob-gebruikers hun tweede factor opnieuw instellen.`
		);
	}
	if (opensWith(sealed, found.key)) return `De sleutel voor de TOTP-geheimen (${found.source}) past bij deze back-up.`;
	return (
		`Let op: de sleutel op deze machine (${found.source}) past niet bij de TOTP-geheimen in deze back-up. Zet de sleutel van de installatie ` +
		`die de back-up maakte (PARAAT_SECRET_KEY of haar sleutelbestand); anders moeten Bibob-gebruikers hun tweede factor opnieuw instellen.`
	);
}
