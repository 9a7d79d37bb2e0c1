// Reference data (always) and the demo region (demo mode only). Idempotent: runs at every start.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { upsertMunicipality } from '../region/municipality-queries.ts';
import { insertGrant, upsertDemoUser } from '../users/user-queries.ts';
import { setTotpSecret } from '../auth/second-factor-queries.ts';
import { KENNEMERLAND } from '../../domain/region.ts';
import { ROLES, type Discipline, type Role } from '../auth/roles.ts';
import { hashPassword } from '../auth/password.ts';
import { seedEventSettings } from '../events/settings-queries.ts';
import { seedAdviceSettings } from '../advice-access/advice-settings-queries.ts';
import { DEMO_TOTP_SECRET, secretFromBase32 } from '../auth/second-factor.ts';
import { sealSecret } from '../auth/secret-box.ts';

export const DEMO_PASSWORD = 'paraat-demo';
export const DEMO_DOMAIN = 'paraat.test';

export async function seedReferenceData(db: Kysely<DB>): Promise<void> {
	for (const m of KENNEMERLAND) {
		await upsertMunicipality(db, m);
	}
	// Each municipality's event terms and melding conditions (DOMAIN.md §2), once; a beheerder owns them after.
	await seedEventSettings(db, KENNEMERLAND.map((m) => m.code));
	await seedAdviceSettings(db);
}

export interface DemoAccount {
	email: string;
	name: string;
	role: Role;
	municipality: string | null;
	discipline: Discipline | null;
}

const FIRST = ['Sanne', 'Daan', 'Femke', 'Joost', 'Lotte', 'Bram', 'Anouk', 'Thijs', 'Iris', 'Ruben', 'Noor', 'Pieter'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk'];

/** `<role>.<municipality>@paraat.test` per role and municipality, `<role>@paraat.test` regionally. */
export function demoAccounts(): DemoAccount[] {
	const accounts: DemoAccount[] = [];
	const scopes: (string | null)[] = [...KENNEMERLAND.map((m) => m.code), null];
	let n = 0;
	const person = () => {
		const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length + n) % LAST.length]}`;
		n++;
		return name;
	};
	for (const municipality of scopes) {
		const suffix = municipality ? `.${municipality}` : '';
		for (const role of ROLES) {
			if (role === 'adviseur') {
				// One adviser per discipline; the plain adviseur account advises for the brandweer.
				accounts.push({ email: `adviseur${suffix}@${DEMO_DOMAIN}`, name: person(), role, municipality, discipline: 'brandweer' });
				for (const discipline of ['ghor', 'politie'] as const) {
					accounts.push({ email: `adviseur-${discipline}${suffix}@${DEMO_DOMAIN}`, name: person(), role, municipality, discipline });
				}
			} else {
				accounts.push({ email: `${role}${suffix}@${DEMO_DOMAIN}`, name: person(), role, municipality, discipline: null });
			}
		}
	}
	return accounts;
}

export async function seedDemoAccounts(db: Kysely<DB>): Promise<DemoAccount[]> {
	const accounts = demoAccounts();
	// One hash for all demo accounts: they share a published password anyway.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction().execute(async (trx) => {
		for (const a of accounts) {
			const userId = await upsertDemoUser(trx, { email: a.email, name: a.name, passwordHash });
			// Confirmed at once (a demo has no second beheerder); an existing grant stays as it is.
			await insertGrant(trx, { userId, role: a.role, municipalityCode: a.municipality, discipline: a.discipline });
			if (a.role === 'bibob') {
				// Bibob officers need a second factor; the demo ones share a published TOTP secret.
				const secret = sealSecret(secretFromBase32(DEMO_TOTP_SECRET));
				await setTotpSecret(trx, userId, secret);
			}
		}
	});
	return accounts;
}
