// Demo mode: one running exercise, made through the same services a user would use, so every
// record, audit row and realtime event is exactly what the app itself produces. Idempotent.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { findGrants } from '../auth/session-queries';
import { changeGrip, createIncident } from '../incidents/incident-service';
import { activateBevolkingszorg, changeTask } from '../tasks/task-service';
import { assignUnit, createWaterRequest } from '../bluswater/bluswater-service';
import { logger } from '../log';

export const DEMO_EXERCISE_TITLE = 'Oefening Duinbrand Kennemerduinen';
const ctx = { ip: null };

async function demoUser(db: Kysely<DB>, email: string): Promise<SessionUser> {
	const row = await db.selectFrom('appUser').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
	return { ...row, grants: await findGrants(db, row.id) };
}

/** Seeds the exercise once, also when several nodes start together (a session advisory lock). */
export async function seedDemoExercise(pool: Kysely<DB>): Promise<void> {
	await pool.connection().execute(async (db) => {
		await sql`select pg_advisory_lock(hashtext('paraat-demo-exercise'))`.execute(db);
		try {
			const exists = await db.selectFrom('incident').select('id').where('title', '=', DEMO_EXERCISE_TITLE).executeTakeFirst();
			if (!exists) await seed(db);
		} finally {
			await sql`select pg_advisory_unlock(hashtext('paraat-demo-exercise'))`.execute(db);
		}
	});
}

async function seed(db: Kysely<DB>): Promise<void> {
	const leader = await demoUser(db, 'oefenleider@paraat.test');
	const zandvoort = await demoUser(db, 'bevolkingszorg.zandvoort@paraat.test');
	const velsen = await demoUser(db, 'bevolkingszorg.velsen@paraat.test');

	const startedAt = new Date(Date.now() - 75 * 60_000).toISOString();
	const incident = await createIncident(
		db,
		leader,
		{
			title: DEMO_EXERCISE_TITLE,
			kind: 'oefening',
			municipalities: ['bloemendaal', 'zandvoort', 'velsen'],
			grip: 1,
			type: 'natuurbrand',
			location: 'Kennemerduinen bij Parnassia, Bloemendaal',
			position: { lat: 52.4105, lon: 4.5685 },
			affectedPeople: 850,
			startedAt
		},
		ctx
	);
	const scaled = await changeGrip(db, leader, incident.id, { grip: 2, reason: 'Rookpluim trekt over Zandvoort; effecten buiten het brongebied, ROT gestart.' }, ctx);

	const tasks = await activateBevolkingszorg(db, leader, scaled.id, ctx);
	const byTitle = (start: string) => tasks.find((t) => t.title.startsWith(start));
	const first = byTitle('Eerste publieksbericht');
	if (first) await changeTask(db, leader, first.id, { version: first.version, status: 'gereed' }, ctx);
	const shelter = byTitle('Opvanglocatie openen');
	if (shelter) {
		await changeTask(db, zandvoort, shelter.id, { version: shelter.version, status: 'in_uitvoering', municipality: 'zandvoort', assigneeId: zandvoort.id, description: 'Sporthal Pellikaan, Zandvoort: 120 plaatsen.' }, ctx);
	}
	const registration = byTitle('Registratie van opgevangen');
	if (registration) {
		await changeTask(db, velsen, registration.id, { version: registration.version, assigneeId: velsen.id, municipality: 'zandvoort', blockedReason: 'Wacht op laptops met het registratiesysteem (levering 30 min).' }, ctx);
	}

	const request = await createWaterRequest(db, leader, scaled.id, { place: 'Duinpad Parnassia, brandfront noord', demandLpm: 1000, position: { lat: 52.4105, lon: 4.5685 } }, ctx);
	for (const code of ['WTW 12-4', 'WTW 12-2']) {
		const unit = await db.selectFrom('waterUnit').select('id').where('code', '=', code).executeTakeFirst();
		if (unit) await assignUnit(db, leader, request.id, { unitId: unit.id }, ctx);
	}
	logger.info({ incident: scaled.id }, 'demo-oefening klaargezet');
}
