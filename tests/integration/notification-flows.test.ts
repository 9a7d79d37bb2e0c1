// Who Paraat tells by itself, against real PostgreSQL: the advisers when an advice request
// arrives for them, the officer when it is answered or its term nears (once, however often the
// check runs and on however many nodes), the assignee of a task; each as they chose. And nothing
// confidential: a flow around an application under Bibob screening puts no Bibob word in any body.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createDb } from '../../src/lib/server/db/index.ts';
import { answerAdvice, requestAdvice } from '../../src/lib/server/advice/advice-service.ts';
import { answerAdviceInput } from '../../src/lib/server/advice/advice-input.ts';
import { changeTask, createTask } from '../../src/lib/server/tasks/task-service.ts';
import { newTaskInput, taskChangeInput } from '../../src/lib/server/tasks/task-input.ts';
import { remindNearDeadlines } from '../../src/lib/server/notifications/deadline-reminders.ts';
import { changeNotificationPreferences, ownMailbox } from '../../src/lib/server/notifications/notification-service.ts';
import { deliverDueNotifications } from '../../src/lib/server/notifications/outbox-worker.ts';
import { mailboxSender } from '../../src/lib/server/notifications/mail-sender.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import { ctx, makeIncident, parse } from '../support/incident-fixtures.ts';
import { openScreening } from '../support/bibob-fixtures.ts';

let t: TestDatabase;
const u = {} as Record<'officer' | 'brandweer' | 'ghor' | 'politie' | 'brandweerRegion' | 'brandweerZandvoort' | 'crisis' | 'bz' | 'bibob', SessionUser>;

const outbox = () =>
	t.db
		.selectFrom('notificationOutbox')
		.select(['userId', 'category', 'channel', 'subject', 'bodyText', 'bodyHtml', 'url'])
		.orderBy('createdAt')
		.orderBy('userId')
		.execute();

beforeAll(async () => {
	t = await createTestDatabase();
	const make = (name: string, role: SessionUser['grants'][number]['role'], municipality: string | null, discipline: 'brandweer' | 'ghor' | 'politie' | null = null) =>
		createUser(t.db, { name, grants: [{ role, municipality, discipline }] });
	u.officer = await make('Vera Vergunning', 'vergunningverlener', 'haarlem');
	u.brandweer = await make('Bart Brandweer', 'adviseur', 'haarlem', 'brandweer');
	u.ghor = await make('Gerda GHOR', 'adviseur', 'haarlem', 'ghor');
	u.politie = await make('Paul Politie', 'adviseur', 'haarlem', 'politie');
	u.brandweerRegion = await make('Roos Regio', 'adviseur', null, 'brandweer');
	u.brandweerZandvoort = await make('Bram Zandvoort', 'adviseur', 'zandvoort', 'brandweer');
	u.crisis = await make('Chris Crisis', 'crisisteam', null);
	u.bz = await make('Bea Bevolkingszorg', 'bevolkingszorg', 'haarlem');
	u.bibob = await make('Bibi Bibob', 'bibob', 'haarlem');
});

beforeEach(async () => {
	await sql`delete from notification_outbox`.execute(t.db);
});

afterAll(async () => {
	await t?.drop();
});

describe('advice', () => {
	it('a new request tells the advisers whose grant covers it (municipal and regional), not others, and not by a channel they switched off', async () => {
		await changeNotificationPreferences(t.db, u.ghor, [{ category: 'advice_requested', email: false, push: false }]);
		const app = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling', name: 'Bloemencorso Haarlem' });
		const requests = await requestAdvice(t.db, u.officer, app.id, {}, { now: new Date('2026-06-02T09:15:00+02:00') });
		expect(requests.map((r) => r.discipline).sort()).toEqual(['brandweer', 'ghor', 'politie']);
		const rows = await outbox();
		expect(rows.every((r) => r.category === 'advice_requested' && r.channel === 'email')).toBe(true);
		expect(rows.map((r) => r.userId).sort()).toEqual([u.brandweer.id, u.politie.id, u.brandweerRegion.id].sort());
		const toBart = rows.find((r) => r.userId === u.brandweer.id)!;
		const brandweerRequest = requests.find((r) => r.discipline === 'brandweer')!;
		expect(toBart.subject).toBe(`Adviesaanvraag: Bloemencorso Haarlem (${app.reference})`);
		expect(toBart.bodyText).toContain('De gemeente Haarlem vraagt het advies van de brandweer over het evenement Bloemencorso Haarlem');
		expect(toBart.bodyText).toContain('uiterlijk 23-06-2026 nodig');
		expect(toBart.url).toBe(`/advies/${brandweerRequest.id}`);
	});

	it('a joint (class C) request tells the advisers of all three services of the municipality', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.C, status: 'in_behandeling', name: 'Dance Valley' });
		await requestAdvice(t.db, u.officer, app.id);
		const rows = await outbox();
		expect(rows.map((r) => r.userId).sort()).toEqual([u.brandweer.id, u.politie.id, u.brandweerRegion.id].sort());
		expect(rows[0]!.bodyText).toContain('het gezamenlijke advies van brandweer, GHOR en politie');
	});

	it('an answer tells the officer who asked, with the conclusion and not the advice text', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE, status: 'in_behandeling', name: 'Straatfeest Schalkwijk' });
		const [request] = await requestAdvice(t.db, u.officer, app.id);
		await sql`delete from notification_outbox`.execute(t.db);
		await answerAdvice(t.db, u.politie, request!.id, parse(answerAdviceInput, { version: request!.version, advice: 'Geheime inzet van de mobiele eenheid achter het station.', conclusion: 'positief_met_voorwaarden', conditions: ['Hekken bij de ingang'] }));
		const rows = await outbox();
		expect(rows.map((r) => [r.userId, r.category])).toEqual([[u.officer.id, 'advice_answered']]);
		expect(rows[0]!.subject).toBe(`Advies uitgebracht: Straatfeest Schalkwijk (${app.reference})`);
		expect(rows[0]!.bodyText).toContain('Politie heeft advies uitgebracht');
		expect(rows[0]!.bodyText).toContain('De conclusie: positief met voorwaarden.');
		expect(rows[0]!.bodyText).not.toContain('mobiele eenheid');
		expect(rows[0]!.url).toBe(`/evenementen/${app.id}`);
	});

	it('a term that nears is told to the officer once, however often the check runs, also on two nodes at once', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE, status: 'in_behandeling', name: 'Haarlem Jazz' });
		// Asked on 2 June 2026: due 23 June (21 days). 18 June is 3 working days before.
		const [request] = await requestAdvice(t.db, u.officer, app.id, {}, { now: new Date('2026-06-02T09:15:00+02:00') });
		await sql`delete from notification_outbox`.execute(t.db);
		expect(await remindNearDeadlines(t.db, '2026-06-15')).toBe(0);
		expect(await outbox()).toEqual([]);
		const otherNode = createDb(t.url, { max: 2 });
		try {
			const counts = await Promise.all([remindNearDeadlines(t.db, '2026-06-18'), remindNearDeadlines(otherNode, '2026-06-18'), remindNearDeadlines(t.db, '2026-06-19')]);
			expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
		} finally {
			await otherNode.destroy();
		}
		await remindNearDeadlines(t.db, '2026-06-25');
		const rows = (await outbox()).filter((r) => r.url === `/evenementen/${app.id}`);
		expect(rows.map((r) => [r.userId, r.category])).toEqual([[u.officer.id, 'deadline_near']]);
		expect(rows[0]!.subject).toBe('Termijn loopt af: advies over Haarlem Jazz');
		expect(rows[0]!.bodyText).toContain('Het advies van de politie over het evenement Haarlem Jazz');
		expect(rows[0]!.bodyText).toContain('uiterlijk 23-06-2026 nodig en is nog niet uitgebracht');
		// Answered requests are never reminded of.
		await answerAdvice(t.db, u.politie, request!.id, parse(answerAdviceInput, { version: 1, advice: 'Akkoord, geen bezwaren.', conclusion: 'positief' }));
		await t.db.deleteFrom('notificationReminder').execute();
		await remindNearDeadlines(t.db, '2026-06-25');
		expect((await outbox()).filter((r) => r.category === 'deadline_near' && r.url === `/evenementen/${app.id}`)).toHaveLength(1);
	});
});

describe('tasks', () => {
	it('tells the person a task is assigned to, once, and not the one who assigns it to themselves', async () => {
		const incident = await makeIncident(t.db, u.crisis, { title: 'Brand Waarderpolder', municipalities: ['haarlem'] });
		const task = await createTask(t.db, u.crisis, incident.id, parse(newTaskInput, { process: 'publieke_zorg', title: 'Opvang regelen', assigneeId: u.bz.id, priority: 'hoog' }), ctx);
		let rows = await outbox();
		expect(rows.map((r) => [r.userId, r.category, r.subject])).toEqual([[u.bz.id, 'task_assigned', 'Taak voor jou: Opvang regelen']]);
		expect(rows[0]!.bodyText).toContain('Chris Crisis heeft je de taak "Opvang regelen" toegewezen (Publieke zorg, prioriteit hoog).');
		expect(rows[0]!.url).toBe(`/crisis/${incident.id}`);
		// Another change of the same task tells nobody again.
		const changed = await changeTask(t.db, u.crisis, task.id, parse(taskChangeInput, { version: task.version, status: 'in_uitvoering' }), ctx);
		expect(await outbox()).toHaveLength(1);
		// Taking a task yourself tells nobody.
		await changeTask(t.db, u.crisis, task.id, parse(taskChangeInput, { version: changed.version, assigneeId: u.crisis.id }), ctx);
		rows = await outbox();
		expect(rows).toHaveLength(1);
	});

	it('marks an exercise’s task as OEFENING', async () => {
		const exercise = await makeIncident(t.db, u.crisis, { title: 'Oefening Dijkdoorbraak', kind: 'oefening', municipalities: ['haarlem'] });
		await createTask(t.db, u.crisis, exercise.id, parse(newTaskInput, { process: 'crisiscommunicatie', title: 'Persbericht', assigneeId: u.bz.id }), ctx);
		const [row] = await outbox();
		expect(row!.subject).toBe('OEFENING — Taak voor jou: Persbericht');
	});
});

describe('the demo mailbox', () => {
	it('shows each user their own mail only, as it would have arrived', async () => {
		const incident = await makeIncident(t.db, u.crisis, { title: 'Stroomstoring', municipalities: ['haarlem'] });
		await createTask(t.db, u.crisis, incident.id, parse(newTaskInput, { process: 'nafase', title: 'Evaluatie plannen', assigneeId: u.bz.id }), ctx);
		await deliverDueNotifications(t.db, { mail: mailboxSender, push: null, origin: 'http://localhost:3000' });
		const { mails: own } = await ownMailbox(t.db, u.bz);
		expect(own.map((m) => m.subject)).toContain('Taak voor jou: Evaluatie plannen');
		expect(own[0]!.text).toContain(`http://localhost:3000/crisis/${incident.id}`);
		expect((await ownMailbox(t.db, u.crisis)).mails).toEqual([]);
	});
});

describe('nothing confidential', () => {
	it('a flow around an application under Bibob screening puts no Bibob word or file content in any subject or body', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling', name: 'Havenfestival', organiser: { organisation: 'Schimmige Holding B.V.' } });
		const file = await openScreening(t.db, u.bibob, 'haarlem', app.id);
		expect((await t.db.selectFrom('eventApplication').select('bibobStatus').where('id', '=', app.id).executeTakeFirstOrThrow()).bibobStatus).toBe('loopt');
		const requests = await requestAdvice(t.db, u.officer, app.id, {}, { now: new Date('2026-06-02T09:15:00+02:00') });
		for (const r of requests) {
			const adviser = r.discipline === 'brandweer' ? u.brandweer : r.discipline === 'ghor' ? u.ghor : u.politie;
			await answerAdvice(t.db, adviser, r.id, parse(answerAdviceInput, { version: r.version, advice: 'Akkoord, geen bezwaren.', conclusion: 'positief' }));
		}
		await remindNearDeadlines(t.db, '2026-06-25');
		const rows = await outbox();
		expect(rows.length).toBeGreaterThan(2);
		for (const row of rows) {
			const everything = `${row.subject}\n${row.bodyText}\n${row.bodyHtml}`;
			expect(everything).not.toMatch(/bibob|screening|integriteit|vertrouwelijk/i);
			expect(everything).not.toContain('Schimmige Holding');
			expect(everything).not.toContain(file.id);
		}
	});
});
