// Bibob in the end-to-end tests: TOTP codes for the demo secret (each code is accepted once per
// account, so logins of one account take successive 30-second steps), an event application and a
// second Bibob officer written straight into the test server's database (the events capability
// lives on another branch).
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import pg from 'pg';
import { DATABASE_URL, DEMO_PASSWORD } from './env';

/** The published demo TOTP secret (src/lib/server/auth/second-factor.ts, README). */
export const DEMO_TOTP_SECRET = 'PARAATBIBOBDEMOTOTPGEHEIM2345672';
const secret = decodeBase32IgnorePadding(DEMO_TOTP_SECRET);
const lastStep = new Map<string, number>();

/** A code for this account newer than any it used before (the server accepts one step of drift). */
export async function totpFor(email: string): Promise<string> {
	for (;;) {
		const now = Math.floor(Date.now() / 30_000);
		const step = Math.max(now - 1, (lastStep.get(email) ?? -Infinity) + 1);
		if (step <= now + 1) {
			lastStep.set(email, step);
			return generateHOTP(secret, BigInt(step), 6);
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
}

export async function bibobApiLogin(request: APIRequestContext, email: string): Promise<void> {
	const response = await request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD, totp: await totpFor(email) } });
	expect(response.status(), await response.text()).toBe(200);
}

/** Password, then the code: the way a Bibob officer logs in through the pages. */
export async function bibobFormLogin(page: Page, email: string, target = '/bibob'): Promise<void> {
	await page.goto(`/inloggen?naar=${encodeURIComponent(target)}`);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/inloggen\/tweede-factor/);
	await page.getByLabel('Code of herstelcode').fill(await totpFor(email));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).toHaveURL(target);
}

export async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: DATABASE_URL });
	await client.connect();
	try {
		return await run(client);
	} finally {
		await client.end();
	}
}

/** A submitted event application of the municipality (a full, valid row of migration 0007). */
export async function insertEventApplication(municipality: string, name: string): Promise<{ id: string; reference: string }> {
	return withDb(async (db) => {
		const reference = `E2E-${Date.now().toString(36).toUpperCase()}`;
		const { rows } = await db.query(
			`insert into event_application (reference, municipality_code, status, procedure, organiser_name, organiser_organisation, organiser_kvk,
				organiser_email, organiser_phone, name, description, event_type, address, starts_at, ends_at, total_visitors, peak_visitors,
				computed_category, submitted_at)
			 values ($1, $2, 'in_behandeling', 'vergunning', 'J. de Organisator', 'Strandfeest Events B.V.', '12345678', 'info@strandfeest.example',
				'0230000000', $3, 'Muziekfestival', 'muziek', 'Boulevard 1', now() + interval '60 days', now() + interval '60 days 8 hours', 5000, 3000, 'B', now())
			 returning id, reference`,
			[reference, municipality, name]
		);
		return rows[0] as { id: string; reference: string };
	});
}

export async function bibobStatusOf(applicationId: string): Promise<string> {
	return withDb(async (db) => (await db.query('select bibob_status from event_application where id = $1', [applicationId])).rows[0].bibob_status as string);
}

/** A new Bibob officer without a second factor yet (demo password). */
export async function newUnenrolledOfficer(municipality: string): Promise<string> {
	const email = `bibob-nieuw-${Date.now().toString(36)}.${municipality}@paraat.test`;
	await withDb(async (db) => {
		await db.query(
			`insert into app_user (email, name, password_hash, is_demo) select $1, 'Nieuwe Bibob-functionaris', password_hash, true from app_user where email = $2`,
			[email, `bibob.${municipality}@paraat.test`]
		);
		await db.query(`insert into role_grant (user_id, role, municipality_code) select id, 'bibob', $2 from app_user where email = $1`, [email, municipality]);
	});
	return email;
}

/** A second Bibob officer of the municipality (same demo password and TOTP secret as the demo accounts). */
export async function ensureColleague(municipality: string): Promise<string> {
	const email = `bibob2.${municipality}@paraat.test`;
	await withDb(async (db) => {
		await db.query(
			`insert into app_user (email, name, password_hash, is_demo)
			 select $1, 'Collega Bibob', password_hash, true from app_user where email = $2
			 on conflict (email) do nothing`,
			[email, `bibob.${municipality}@paraat.test`]
		);
		await db.query(
			`insert into role_grant (user_id, role, municipality_code) select id, 'bibob', $2 from app_user where email = $1 on conflict do nothing`,
			[email, municipality]
		);
		await db.query(
			`insert into user_totp (user_id, secret) select u.id, t.secret from app_user u, user_totp t join app_user d on d.id = t.user_id
			 where u.email = $1 and d.email = $2 on conflict do nothing`,
			[email, `bibob.${municipality}@paraat.test`]
		);
	});
	return email;
}
