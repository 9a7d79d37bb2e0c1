// The demo Bibob files: opened through the service by each municipality's demo Bibob officer, at
// several stages (just opened, own investigation, waiting for the LBB, decided on an event
// application), once, and not at all without the officers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import { seedDemoBibob } from '../../src/lib/server/demo/demo-bibob.ts';
import { overview } from '../../src/lib/server/bibob/bibob-read-service.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';

let t: TestDatabase;
const now = new Date('2026-05-20T10:00:00+02:00');
const officers: Record<string, SessionUser> = {};

beforeAll(async () => {
	t = await createTestDatabase();
});

afterAll(async () => {
	await t?.drop();
});

const count = async () => (await sql<{ n: number }>`select count(*)::int as n from bibob_file`.execute(t.db)).rows[0]!.n;

describe('seedDemoBibob', () => {
	it('does nothing without the demo Bibob officers', async () => {
		expect(await seedDemoBibob(t.db, now)).toBe(0);
		expect(await count()).toBe(0);
	});

	it('opens files at several stages in three municipalities, once', async () => {
		for (const m of ['haarlem', 'zandvoort', 'velsen']) {
			officers[m] = await createUser(t.db, { email: `bibob.${m}@paraat.test`, grants: [{ role: 'bibob', municipality: m }] });
		}
		const application = await insertApplication(t.db, { scan: SCANS.C, status: 'besluit', decision: 'verleend', municipality: 'velsen', startsAt: '2026-04-25T12:00:00+02:00', endsAt: '2026-04-26T01:00:00+02:00' });
		expect(await seedDemoBibob(t.db, now)).toBe(4);

		const stages = async (m: string) => {
			const [o] = await overview(t.db, officers[m]!, { today: '2026-05-20' });
			return [...o!.open, ...o!.closed].map((r) => r.stage).sort();
		};
		expect(await stages('haarlem')).toEqual(['eigen_onderzoek', 'eigen_onderzoek']);
		expect(await stages('zandvoort')).toEqual(['lbb_advies']);
		expect(await stages('velsen')).toEqual(['afgerond']);
		const linked = await t.db.selectFrom('bibobFile').select(['eventApplicationId', 'decision']).where('municipalityCode', '=', 'velsen').executeTakeFirstOrThrow();
		expect(linked).toEqual({ eventApplicationId: application.id, decision: 'verlenen' });
		const findings = (await sql<{ n: number }>`select count(*)::int as n from bibob_finding`.execute(t.db)).rows[0]!.n;
		expect(findings).toBe(2);
		// Every change is audited as the app itself would.
		const audits = (await sql<{ n: number }>`select count(*)::int as n from audit_log where action like 'bibob.%'`.execute(t.db)).rows[0]!.n;
		expect(audits).toBeGreaterThanOrEqual(15);

		expect(await seedDemoBibob(t.db, now)).toBe(0);
		expect(await count()).toBe(4);
	});
});
