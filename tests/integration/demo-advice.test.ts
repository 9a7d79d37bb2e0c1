// The demo advice: made through the service for the demo applications, realistic, some overdue,
// idempotent, and a no-op without applications to advise on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import { seedDemoAdvice } from '../../src/lib/server/demo/demo-advice.ts';
import { listAdviceOfApplication } from '../../src/lib/server/advice/advice-queries.ts';
import { dueState, localDateOf } from '../../src/lib/domain/advice/index.ts';

let t: TestDatabase;
const now = new Date('2026-05-20T10:00:00+02:00');

beforeAll(async () => {
	t = await createTestDatabase();
	for (const m of ['haarlem', 'zandvoort']) {
		await createUser(t.db, { email: `vergunningverlener.${m}@paraat.test`, grants: [{ role: 'vergunningverlener', municipality: m }] });
		await createUser(t.db, { email: `adviseur.${m}@paraat.test`, grants: [{ role: 'adviseur', municipality: m, discipline: 'brandweer' }] });
		await createUser(t.db, { email: `adviseur-ghor.${m}@paraat.test`, grants: [{ role: 'adviseur', municipality: m, discipline: 'ghor' }] });
		await createUser(t.db, { email: `adviseur-politie.${m}@paraat.test`, grants: [{ role: 'adviseur', municipality: m, discipline: 'politie' }] });
	}
});

afterAll(async () => {
	await t?.drop();
});

const count = async () => (await sql<{ n: number }>`select count(*)::int as n from advice_request`.execute(t.db)).rows[0]!.n;

describe('seedDemoAdvice', () => {
	it('does nothing without applications to advise on', async () => {
		await insertApplication(t.db, { scan: SCANS.A, status: 'advies_gevraagd' });
		await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling' });
		expect(await seedDemoAdvice(t.db, now)).toBe(0);
		expect(await count()).toBe(0);
	});

	it('advises the decided and the waiting applications as the service would, once', async () => {
		const decided = await insertApplication(t.db, { scan: SCANS.C, status: 'besluit', decision: 'verleend_met_voorschriften', startsAt: '2026-04-25T12:00:00+02:00', endsAt: '2026-04-26T01:00:00+02:00' });
		const refused = await insertApplication(t.db, { scan: SCANS.B, status: 'besluit', decision: 'geweigerd', municipality: 'zandvoort', startsAt: '2026-05-01T12:00:00+02:00', endsAt: '2026-05-01T20:00:00+02:00' });
		const waiting = [];
		for (const [i, scan] of [SCANS.B, SCANS.C, SCANS.B_POLITIE, SCANS.B, SCANS.B_POLITIE].entries()) {
			waiting.push(await insertApplication(t.db, { scan, status: 'advies_gevraagd', startsAt: `2026-06-1${i}T12:00:00+02:00`, endsAt: `2026-06-1${i}T22:00:00+02:00` }));
		}
		expect(await seedDemoAdvice(t.db, now)).toBe(7);

		const today = localDateOf(now);
		const decidedAdvice = await listAdviceOfApplication(t.db, decided.id);
		expect(decidedAdvice).toHaveLength(1);
		expect(decidedAdvice[0]).toMatchObject({ discipline: 'joint', status: 'uitgebracht', conclusion: 'positief_met_voorwaarden', answeredDiscipline: 'brandweer' });
		expect(decidedAdvice[0]!.conditions.length).toBeGreaterThan(3);
		const refusedAdvice = await listAdviceOfApplication(t.db, refused.id);
		expect(refusedAdvice.map((r) => [r.discipline, r.status, r.conclusion])).toEqual([
			['brandweer', 'uitgebracht', 'negatief'],
			['ghor', 'uitgebracht', 'negatief'],
			['politie', 'uitgebracht', 'negatief']
		]);
		for (const r of [...decidedAdvice, ...refusedAdvice]) expect(r.answeredAt! < now.toISOString()).toBe(true);

		const states = [];
		for (const app of waiting) {
			const requests = await listAdviceOfApplication(t.db, app.id);
			expect(requests.length).toBeGreaterThan(0);
			states.push(requests.map((r) => dueState(r, today)));
		}
		// The first two waiting applications are over their term; the third is nearly due.
		expect(states[0]!.every((s) => s === 'verlopen')).toBe(true);
		expect(states[1]!.every((s) => s === 'verlopen')).toBe(true);
		expect(states[2]).toContain(null); // its first advice is in
		const all = (await Promise.all(waiting.map((a) => listAdviceOfApplication(t.db, a.id)))).flat();
		expect(all.some((r) => r.status === 'gevraagd')).toBe(true);
		expect(all.some((r) => r.status === 'uitgebracht')).toBe(true);

		// Statuses are left as they were; the news and audit are the service's.
		const statuses = await t.db.selectFrom('eventApplication').select('status').where('id', 'in', waiting.map((a) => a.id)).execute();
		expect(statuses.every((s) => s.status === 'advies_gevraagd')).toBe(true);
		const news = await t.db.selectFrom('realtimeEvent').select('type').where('topic', '=', `advice:${decided.id}`).orderBy('seq').execute();
		expect(news.map((e) => e.type)).toEqual(['advice.requested', 'advice.answered']);

		const before = await count();
		expect(await seedDemoAdvice(t.db, now)).toBe(0);
		expect(await count()).toBe(before);
	});
});
