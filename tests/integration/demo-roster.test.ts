// The demo's on-call roster: someone on duty with a backup for every crisis function at every hour
// from now to a week ahead (also across the October DST change), seeded relative to now, and a
// second start adds nothing over what is there (nor over a beheerder's own period).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { seedDemoRoster } from '../../src/lib/server/demo/demo-roster.ts';
import { listFunctions, periodsBetween, insertPeriods } from '../../src/lib/server/alerting/oncall-queries.ts';
import { onDutyAt } from '../../src/lib/domain/oncall/roster.ts';

const HOUR = 3_600_000;
let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
	for (const m of ['haarlem', 'velsen', 'zandvoort']) {
		await createUser(t.db, { email: `bevolkingszorg.${m}@paraat.test`, grants: [{ role: 'bevolkingszorg', municipality: m }] });
		await createUser(t.db, { email: `crisisteam.${m}@paraat.test`, grants: [{ role: 'crisisteam', municipality: m }] });
	}
});

afterAll(async () => {
	await t?.drop();
});

async function uncovered(from: Date, hours: number): Promise<string[]> {
	const functions = (await listFunctions(t.db)).map((f) => f.code);
	const periods = await periodsBetween(t.db, from, new Date(from.getTime() + hours * HOUR));
	const gaps: string[] = [];
	for (let h = 0; h < hours; h++) {
		for (const minute of [0, 59]) {
			const at = new Date(from.getTime() + h * HOUR + minute * 60_000);
			const onDuty = onDutyAt(periods, at);
			for (const f of functions) {
				const p = onDuty.get(f);
				if (!p || !p.backupUserId || p.backupUserId === p.userId) gaps.push(`${f} ${at.toISOString()}`);
			}
		}
	}
	return gaps;
}

describe('the demo roster', () => {
	it('covers every function at every hour of the coming week, with a backup', async () => {
		const now = new Date();
		expect(await seedDemoRoster(t.db, now)).toBeGreaterThan(0);
		expect(await uncovered(now, 7 * 24)).toEqual([]);
	});

	it('adds nothing on a second start, and leaves a beheerder’s own period alone', async () => {
		expect(await seedDemoRoster(t.db)).toBe(0);
	});

	it('has no gap across the last Sunday of October (a 13-hour night)', async () => {
		const start = new Date('2026-10-23T10:00:00Z');
		const users = await t.db.selectFrom('appUser').select('id').limit(2).execute();
		// A beheerder's own period on the night of the change: the seed plans around it.
		await insertPeriods(t.db, [{ functionCode: 'ovd_bz', userId: users[0]!.id, backupUserId: users[1]!.id, startsAt: new Date('2026-10-24T18:00:00Z'), endsAt: new Date('2026-10-25T07:00:00Z'), createdBy: null }]);
		await seedDemoRoster(t.db, start);
		expect(await uncovered(start, 5 * 24)).toEqual([]);
		const night = onDutyAt(await periodsBetween(t.db, start, new Date(start.getTime() + 5 * 24 * HOUR)), new Date('2026-10-25T01:30:00Z')).get('ovd_bz')!;
		expect(night.userId).toBe(users[0]!.id);
		expect(night.endsAt.getTime() - night.startsAt.getTime()).toBe(13 * HOUR);
	});
});
