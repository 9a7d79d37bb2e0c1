// Demo mode: one running exercise, made through the same services a user would use, so every
// record, audit row and realtime event is exactly what the app itself produces. Idempotent.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { withSessionLock } from '../db/advisory-lock';
import { demoUserRow, incidentTitled, waterUnitId } from './demo-queries';
import type { SessionUser } from '../auth/roles';
import { findGrants } from '../auth/session-queries';
import { changeGrip, createIncident } from '../incidents/incident-service';
import { activateBevolkingszorg, changeTask } from '../tasks/task-service';
import { assignUnit, createWaterRequest } from '../bluswater/bluswater-service';
import { addLogEntry, verifyLogEntry } from '../logbook/log-service';
import { changeSection } from '../logbook/picture-service';
import { createInject } from '../injects/inject-service';
import { logger } from '../log';

export const DEMO_EXERCISE_TITLE = 'Oefening Duinbrand Kennemerduinen';
const ctx = { ip: null };

async function demoUser(db: Kysely<DB>, email: string): Promise<SessionUser> {
	const row = await demoUserRow(db, email);
	if (!row) throw new Error(`Demo-account ${email} ontbreekt`);
	return { ...row, grants: await findGrants(db, row.id) };
}

/** Seeds the exercise once, also when several nodes start together (a session advisory lock). */
export async function seedDemoExercise(pool: Kysely<DB>): Promise<void> {
	await withSessionLock(pool, 'paraat-demo-exercise', async (db) => {
		if (!(await incidentTitled(db, DEMO_EXERCISE_TITLE))) await seed(db);
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
		const unitId = await waterUnitId(db, code);
		if (unitId) await assignUnit(db, leader, request.id, { unitId }, ctx);
	}
	await disciplinesReport(db, scaled.id);
	for (const inject of COMING_INJECTS) await createInject(db, leader, scaled.id, inject, ctx);
	logger.info({ incident: scaled.id }, 'demo-oefening klaargezet');
}

/**
 * Every discipline keeps its own part of the picture and logs as its own officer (the regional
 * demo accounts), and the crisis team's information manager verifies their entries.
 */
const DISCIPLINE_REPORTS = [
	['brandweer@paraat.test', 'brandweer', 'Natuurbrand ca. 6 ha, front noordwaarts; 2 WTW ingezet, GWT aangevraagd.', 'Brandweer: 4 TS en 2 WTW ter plaatse, inzet vanaf Parnassia.'],
	['ghor@paraat.test', 'ghor', 'Twee gewonden (rookinhalatie) naar Spaarne Gasthuis; GGD adviseert ramen en deuren dicht in Zandvoort-Noord.', 'GHOR: 2 ambulances ter plaatse, gewondennest bij de parkeerplaats.'],
	['politie@paraat.test', 'politie', 'Zeeweg afgesloten tussen rotonde Bloemendaal en Zandvoort; verkeer omgeleid via Haarlem.', 'Politie: afzetting Zeeweg staat, 3 eenheden ter plaatse.'],
	['bevolkingszorg.zandvoort@paraat.test', 'bevolkingszorg', 'Opvang in Sporthal Pellikaan geopend; 40 bewoners van Parnassia-zuid opgevangen.', 'Bevolkingszorg: opvanglocatie Pellikaan open, registratie loopt.']
] as const;

async function disciplinesReport(db: Kysely<DB>, incidentId: string): Promise<void> {
	const infoManager = await demoUser(db, 'crisisteam@paraat.test');
	for (const [email, discipline, picture, log] of DISCIPLINE_REPORTS) {
		const officer = await demoUser(db, email);
		await changeSection(db, officer, incidentId, discipline, { text: picture, version: 0 }, ctx);
		const entry = await addLogEntry(db, officer, incidentId, { kind: 'melding', discipline, text: log }, ctx);
		await verifyLogEntry(db, infoManager, incidentId, entry.id, ctx);
	}
}

/**
 * Injects still to come, each with the source the players will see. Hours ahead on purpose: the
 * demo runs for days and the end-to-end suite uses the demo exercise, whose logbook must not change
 * under a running test.
 */
const COMING_INJECTS = [
	{ dueMinutes: 200, discipline: 'ghor', source: 'Meldkamer ambulancezorg', text: 'Bewoner van Parnassia-zuid meldt benauwdheid bij haar vader (COPD); verzoek om beoordeling ter plaatse.' },
	{ dueMinutes: 260, discipline: 'politie', source: 'Burger via 112', text: 'Drone boven het brandgebied bij de Zeeweg; mogelijk hinder voor de blushelikopter.' },
	{ dueMinutes: 320, discipline: 'communicatie', source: 'Omroep Zandvoort', text: 'Verslaggever vraagt of de opvang in Sporthal Pellikaan ook huisdieren toelaat en wanneer bewoners terug mogen.' }
] as const;
