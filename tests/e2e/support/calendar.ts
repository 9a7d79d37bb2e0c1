// The e2e side door for calendar news: another municipality's change made the way the
// applications service makes it — an update and publishCalendarChange in one transaction —
// straight on the test server's database (DATABASE_URL of env.ts), since the application
// forms live on another branch.
import { randomBytes } from 'node:crypto';
import { createDb, type Database } from '../../../src/lib/server/db/index.ts';
import { publishCalendarChange } from '../../../src/lib/server/calendar/calendar-entry.ts';
import { DATABASE_URL } from './env';

let db: Database | undefined;

function database(): Database {
	db ??= createDb(DATABASE_URL, { max: 2 });
	return db;
}

export async function closeCalendarDb(): Promise<void> {
	await db?.destroy();
	db = undefined;
}

async function officer(municipality: string): Promise<{ id: string; name: string }> {
	return database()
		.selectFrom('appUser')
		.select(['id', 'name'])
		.where('email', '=', `vergunningverlener.${municipality}@paraat.test`)
		.executeTakeFirstOrThrow();
}

/** Submits a new application (concept → ingediend) and announces it on `calendar`; returns its id. */
export async function submitApplication(spec: { name: string; municipality: string; category: 'A' | 'B' | 'C'; startsAt: Date; endsAt: Date; peakVisitors: number }): Promise<string> {
	const actor = await officer(spec.municipality);
	return database()
		.transaction()
		.execute(async (trx) => {
			const { id } = await trx
				.insertInto('eventApplication')
				.values({
					reference: `E2E-${randomBytes(4).toString('hex')}`,
					municipalityCode: spec.municipality,
					name: spec.name,
					procedure: 'vergunning',
					startsAt: spec.startsAt,
					endsAt: spec.endsAt,
					peakVisitors: spec.peakVisitors,
					computedCategory: spec.category,
					organiserName: 'E2E Organisator',
					organiserEmail: 'e2e-organisator@example.nl',
					createdBy: actor.id
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx.updateTable('eventApplication').set({ status: 'ingediend', submittedAt: new Date(), version: 2 }).where('id', '=', id).execute();
			await publishCalendarChange(trx, id, actor, false);
			return id;
		});
}

/** Withdraws an application and announces that it left the calendar. */
export async function withdrawApplication(id: string, municipality: string): Promise<void> {
	const actor = await officer(municipality);
	await database()
		.transaction()
		.execute(async (trx) => {
			await trx.updateTable('eventApplication').set({ status: 'ingetrokken' }).where('id', '=', id).execute();
			await publishCalendarChange(trx, id, actor, true);
		});
}
