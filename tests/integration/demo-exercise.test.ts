// The demo exercise tells a story from T0 (issue 16): its records, histories, audit rows and
// events carry the moments of the story (the services' clock, `ctx.now`), not the one moment of
// seeding; and a service called without a clock still stamps the real time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { findGrants } from '../../src/lib/server/auth/session-queries.ts';
import { seedDemoAccounts, seedReferenceData } from '../../src/lib/server/runtime/seed.ts';
import { DEMO_EXERCISE_TITLE, seedDemoExercise } from '../../src/lib/server/demo/demo-exercise.ts';
import { STORY_LENGTH_MINUTES } from '../../src/lib/server/demo/demo-exercise-story.ts';
import { addLogEntry } from '../../src/lib/server/logbook/log-service.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;
let incidentId: string;
const seededAt = new Date();
const t0 = seededAt.getTime() - STORY_LENGTH_MINUTES * 60_000;
/** Minutes after T0, to the minute (every step of the story falls on a whole minute). */
const minute = (at: Date | string) => Math.round((new Date(at).getTime() - t0) / 60_000);

async function demoUser(email: string): Promise<SessionUser> {
	const row = await t.db.selectFrom('appUser').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
	return { ...row, grants: await findGrants(t.db, row.id) };
}

const increasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

beforeAll(async () => {
	t = await createTestDatabase();
	await seedReferenceData(t.db);
	await seedDemoAccounts(t.db);
	await seedDemoExercise(t.db, seededAt);
	incidentId = (await t.db.selectFrom('incident').select('id').where('title', '=', DEMO_EXERCISE_TITLE).executeTakeFirstOrThrow()).id;
}, 60_000);

afterAll(async () => {
	await t?.drop();
});

describe('the demo exercise as a story', () => {
	it('starts with the alarm at T0 and scales GRIP 0 → 1 → 2 → 3 at distinct, later moments', async () => {
		const incident = await t.db.selectFrom('incident').select(['startedAt', 'createdAt', 'grip', 'bevolkingszorgActivatedAt']).where('id', '=', incidentId).executeTakeFirstOrThrow();
		expect(incident.startedAt.getTime()).toBe(t0);
		expect(incident.createdAt.getTime()).toBe(t0);
		expect(incident.grip).toBe(3);
		expect(minute(incident.bevolkingszorgActivatedAt!)).toBe(30);

		const grip = await t.db.selectFrom('gripChange').select(['fromLevel', 'toLevel', 'changedAt']).where('incidentId', '=', incidentId).orderBy('changedAt').execute();
		expect(grip.map((g) => [g.fromLevel, g.toLevel])).toEqual([[null, 0], [0, 1], [1, 2], [2, 3]]);
		expect(grip.map((g) => minute(g.changedAt))).toEqual([0, 12, 28, 52]);
	});

	it('has log entries of every discipline spread over the story, in number order, each at its own moment', async () => {
		const entries = await t.db
			.selectFrom('logEntry')
			.innerJoin('appUser', 'appUser.id', 'logEntry.authorId')
			.select(['number', 'discipline', 'kind', 'loggedAt', 'happenedAt', 'verifiedAt', 'appUser.email'])
			.where('incidentId', '=', incidentId)
			.orderBy('number')
			.execute();
		expect(entries.length).toBeGreaterThanOrEqual(10);
		const logged = entries.map((e) => e.loggedAt.getTime());
		expect(increasing(logged), 'logged in number order, no two at once').toBe(true);
		expect(minute(entries[0]!.loggedAt)).toBeLessThanOrEqual(5);
		expect(minute(entries.at(-1)!.loggedAt)).toBeGreaterThanOrEqual(60);
		expect(entries.at(-1)!.loggedAt.getTime()).toBeLessThan(seededAt.getTime());
		// The first report is the 112 call, which happened at T0 and was logged after it.
		expect(entries[0]).toMatchObject({ kind: 'melding', discipline: 'brandweer' });
		expect(entries[0]!.happenedAt.getTime()).toBe(t0);
		for (const discipline of ['brandweer', 'ghor', 'politie', 'bevolkingszorg', 'communicatie', 'algemeen']) {
			expect(entries.some((e) => e.discipline === discipline), discipline).toBe(true);
		}
		// Verified a few minutes after being logged, never before; the newest ones still wait.
		for (const e of entries.filter((x) => x.verifiedAt)) expect(e.verifiedAt!.getTime()).toBeGreaterThan(e.loggedAt.getTime());
		expect(entries.at(-1)!.verifiedAt).toBeNull();
		expect(entries.filter((e) => e.verifiedAt).length).toBeGreaterThanOrEqual(6);
	});

	it('keeps every section of the picture by its own officer, written at different moments, and a SITRAP in between', async () => {
		const sections = await t.db
			.selectFrom('situationSection')
			.innerJoin('appUser', 'appUser.id', 'situationSection.updatedBy')
			.select(['section', 'updatedAt', 'version', 'appUser.email'])
			.where('incidentId', '=', incidentId)
			.orderBy('updatedAt')
			.execute();
		expect(Object.fromEntries(sections.map((s) => [s.section, s.email]))).toEqual({
			brandweer: 'brandweer@paraat.test',
			ghor: 'ghor@paraat.test',
			politie: 'politie@paraat.test',
			bevolkingszorg: 'bevolkingszorg.zandvoort@paraat.test',
			communicatie: 'bevolkingszorg.zandvoort@paraat.test',
			samenvatting: 'crisisteam@paraat.test'
		});
		expect(new Set(sections.map((s) => s.updatedAt.getTime())).size).toBe(sections.length);
		expect(sections.filter((s) => s.version > 1).map((s) => s.section).sort()).toEqual(['bevolkingszorg', 'brandweer', 'ghor']);
		const sitrap = await t.db.selectFrom('sitrap').select(['number', 'publishedAt']).where('incidentId', '=', incidentId).executeTakeFirstOrThrow();
		expect(sitrap.number).toBe(1);
		expect(minute(sitrap.publishedAt)).toBe(57);
	});

	it('moves tasks from open through in uitvoering to gereed over time, with one blocked', async () => {
		const tasks = await t.db.selectFrom('task').select(['id', 'title', 'status', 'blockedReason', 'createdAt', 'updatedAt']).where('incidentId', '=', incidentId).execute();
		expect(tasks.length).toBeGreaterThan(5);
		for (const task of tasks) expect(minute(task.createdAt)).toBe(30);
		const shelter = tasks.find((x) => x.title.startsWith('Opvanglocatie openen'))!;
		const history = await t.db.selectFrom('taskChange').select(['version', 'changedAt', 'changes']).where('taskId', '=', shelter.id).orderBy('version').execute();
		expect(history.map((h) => (h.changes as { status?: string }).status ?? 'open')).toEqual(['open', 'in_uitvoering', 'gereed']);
		expect(history.map((h) => minute(h.changedAt))).toEqual([30, 33, 62]);
		expect(minute(shelter.updatedAt)).toBe(62);
		expect(tasks.filter((x) => x.status === 'gereed').length).toBe(2);
		expect(tasks.filter((x) => x.status === 'in_uitvoering').length).toBeGreaterThanOrEqual(2);
		expect(tasks.filter((x) => x.blockedReason !== null).map((x) => x.title)).toEqual([expect.stringMatching(/^Registratie van opgevangen/)]);
	});

	it('asks for water and sends two tankers, the first on scene, at their own moments', async () => {
		const request = await t.db.selectFrom('waterRequest').select(['id', 'startedAt', 'demandLpm']).where('incidentId', '=', incidentId).executeTakeFirstOrThrow();
		expect(minute(request.startedAt)).toBe(22);
		const assignments = await t.db
			.selectFrom('waterAssignment')
			.innerJoin('waterUnit', 'waterUnit.id', 'waterAssignment.unitId')
			.select(['waterUnit.code', 'waterUnit.status', 'assignedAt', 'arrivedAt'])
			.where('requestId', '=', request.id)
			.orderBy('assignedAt')
			.execute();
		expect(assignments.map((a) => [a.code, minute(a.assignedAt), a.status])).toEqual([
			['WTW 12-4', 23, 'ter_plaatse'],
			['WTW 12-2', 50, 'onderweg']
		]);
		expect(minute(assignments[0]!.arrivedAt!)).toBe(36);
	});

	it('stamps audit rows and realtime events with the story’s moments, in order', async () => {
		const events = await t.db.selectFrom('realtimeEvent').select(['seq', 'type', 'at']).where('topic', '=', `incident:${incidentId}`).orderBy('seq').execute();
		expect(events[0]).toMatchObject({ type: 'incident.created' });
		expect(events[0]!.at.getTime()).toBe(t0);
		const at = events.map((e) => e.at.getTime());
		expect(at.every((v, i) => i === 0 || v >= at[i - 1]!), 'events in seq order are in time order').toBe(true);
		expect(new Set(at).size).toBeGreaterThan(30);
		expect(Math.max(...at)).toBeLessThan(seededAt.getTime());

		const audit = await t.db.selectFrom('auditLog').select(['action', 'at']).where('details', '@>', JSON.stringify({ incidentId })).orderBy('id').execute();
		const times = audit.map((a) => a.at.getTime());
		expect(audit.length).toBeGreaterThan(20);
		expect(times.every((v, i) => i === 0 || v >= times[i - 1]!)).toBe(true);
		expect(minute(new Date(times[0]!))).toBeLessThanOrEqual(2);
		expect(Math.max(...times)).toBeLessThan(seededAt.getTime());
	});

	it('has the map drawn by the disciplines at their moments, listed on SITRAP 1', async () => {
		const features = await t.db
			.selectFrom('mapFeature')
			.innerJoin('appUser', 'appUser.id', 'mapFeature.createdBy')
			.select(['mapFeature.type', 'mapFeature.label', 'mapFeature.createdAt', 'appUser.email'])
			.where('mapFeature.incidentId', '=', incidentId)
			.orderBy('mapFeature.createdAt')
			.execute();
		expect(features.map((f) => [minute(f.createdAt), f.type, f.email])).toEqual([
			[14, 'copi_locatie', 'crisisteam@paraat.test'],
			[15, 'afzetting', 'politie@paraat.test'],
			[21, 'brandweer_inzetgebied', 'brandweer@paraat.test'],
			[33, 'opvanglocatie', 'bevolkingszorg.zandvoort@paraat.test'],
			[54, 'evacuatiegebied', 'crisisteam@paraat.test']
		]);
		const sitrap = await t.db.selectFrom('sitrap').select('snapshot').where('incidentId', '=', incidentId).executeTakeFirstOrThrow();
		const listed = (sitrap.snapshot as { map: { label: string }[] }).map.map((i) => i.label);
		expect(listed).toHaveLength(5);
		expect(listed).toContain('Parnassia-zuid');
	});

	it('leaves the scripted injects still to come', async () => {
		const injects = await t.db.selectFrom('inject').select(['source', 'deliveredAt', 'dueAt', 'createdAt']).where('incidentId', '=', incidentId).orderBy('dueMinutes').execute();
		expect(injects.map((i) => i.source)).toEqual(['Meldkamer ambulancezorg', 'Burger via 112', 'Omroep Zandvoort']);
		for (const inject of injects) {
			expect(inject.deliveredAt).toBeNull();
			expect(inject.dueAt.getTime()).toBeGreaterThan(Date.now());
			expect(minute(inject.createdAt)).toBe(1);
		}
	});

	it('stamps a normal service call (no clock) with the real time: record, audit row and event', async () => {
		const officer = await demoUser('ghor@paraat.test');
		const before = Date.now();
		const entry = await addLogEntry(t.db, officer, incidentId, { kind: 'melding', discipline: 'ghor', text: 'Derde gewonde gemeld bij de parkeerplaats.' }, { ip: null });
		const after = Date.now();
		// PostgreSQL's clock and this process's may differ by a little; a backdated stamp would be an hour off.
		const slack = 2_000;
		for (const at of [entry.loggedAt, entry.happenedAt]) {
			expect(Date.parse(at)).toBeGreaterThanOrEqual(before - slack);
			expect(Date.parse(at)).toBeLessThanOrEqual(after + slack);
		}
		const audit = await t.db.selectFrom('auditLog').select('at').where('entityId', '=', entry.id).executeTakeFirstOrThrow();
		expect(audit.at.getTime()).toBeGreaterThanOrEqual(before - slack);
		const event = await t.db.selectFrom('realtimeEvent').select('at').where('topic', '=', `incident:${incidentId}`).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
		expect(event.at.getTime()).toBeGreaterThanOrEqual(before - slack);
		expect(event.at.getTime()).toBeLessThanOrEqual(after + slack);
	});
});
