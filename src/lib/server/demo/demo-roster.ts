// The demo's on-call roster: for every crisis function, twelve-hour shifts (08:00 and 20:00
// Dutch time) from yesterday to a week ahead, each with a backup, filled by the demo's
// bevolkingszorg and crisis-team accounts in turn. Seeded relative to now on every demo start,
// only where a function has no period yet, so someone is on duty for every function at every hour
// and a beheerder's own changes stay.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { shiftSeries } from '../../domain/oncall/duty-time';
import { overlaps } from '../../domain/oncall/roster';
import { localDate } from '../../domain/events/event-time';
import { insertPeriods, listFunctions, periodsBetween } from '../alerting/oncall-queries';
import { demoAccountIds } from './demo-queries';

const DAYS = 9;
const CHANGES = ['08:00', '20:00'];

export async function seedDemoRoster(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
	const pool = [...(await demoAccountIds(db, 'bevolkingszorg')).entries(), ...(await demoAccountIds(db, 'crisisteam')).entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([, id]) => id);
	if (pool.length < 2) return 0;
	const yesterday = localDate(new Date(now.getTime() - 24 * 3_600_000));
	const shifts = shiftSeries(yesterday, DAYS, CHANGES);
	if (shifts.length === 0) return 0;
	const existing = await periodsBetween(db, shifts[0]!.startsAt, shifts.at(-1)!.endsAt);
	const functions = await listFunctions(db);
	const rows = functions.flatMap((f, i) =>
		shifts
			.map((shift, k) => ({ shift, k }))
			.filter(({ shift }) => !existing.some((p) => p.functionCode === f.code && overlaps(p, shift)))
			.map(({ shift, k }) => ({
				functionCode: f.code,
				// Day and night shifts rotate through the pool; the backup is the next person.
				userId: pool[(i * 3 + k) % pool.length]!,
				backupUserId: pool[(i * 3 + k + 1) % pool.length]!,
				startsAt: shift.startsAt,
				endsAt: shift.endsAt,
				createdBy: null
			}))
	);
	await insertPeriods(db, rows);
	return rows.length;
}
