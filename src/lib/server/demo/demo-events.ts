// Demo mode: a believable year of events across the nine municipalities (demo-event-plan.ts),
// registered by each municipality's demo vergunningverlener. Idempotent, also when several nodes
// start together (a session advisory lock), and seeded once: a restart keeps what users changed.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import { logger } from '../log';
import { demoEventPlan } from './demo-event-plan';
import { DEMO_GRAND_PRIX } from './demo-yearly-events';
import { insertDemoApplications } from './demo-event-queries';
import { reassessStoredApplication } from '../events/application-service';
import { attachDemoDocuments } from './demo-documents';

/** Seeds the demo events once; returns how many applications were inserted (0 when already there). */
export async function seedDemoEvents(pool: Kysely<DB>, now: Date = new Date()): Promise<number> {
	return pool.connection().execute(async (db) => {
		await sql`select pg_advisory_lock(hashtext('paraat-demo-events'))`.execute(db);
		try {
			const exists = await db.selectFrom('eventApplication').select('id').where('name', '=', DEMO_GRAND_PRIX).executeTakeFirst();
			if (exists) return 0;
			const officers = await db
				.selectFrom('appUser')
				.innerJoin('roleGrant', 'roleGrant.userId', 'appUser.id')
				.select(['roleGrant.municipalityCode', 'appUser.id'])
				.where('roleGrant.role', '=', 'vergunningverlener')
				.where('appUser.email', 'like', 'vergunningverlener.%@paraat.test')
				.execute();
			const byMunicipality = new Map(officers.filter((o) => o.municipalityCode).map((o) => [o.municipalityCode!, o.id]));
			const plan = demoEventPlan(now);
			const inserted = await transact(db, async (trx) => {
				const ids = await insertDemoApplications(trx, plan, byMunicipality);
				// Worked out as the forms would: the calendar context, each municipality's melding
				// conditions, its deadline and the late flag.
				for (const id of ids) await reassessStoredApplication(trx, id);
				await attachDemoDocuments(trx, ids);
				return ids.length;
			});
			logger.info({ inserted }, 'demo-evenementen klaargezet');
			return inserted;
		} finally {
			await sql`select pg_advisory_unlock(hashtext('paraat-demo-events'))`.execute(db);
		}
	});
}
