// Exercise injects against real PostgreSQL: scripted by the oefenleider only, in exercises only,
// never in the past; delivered into the logbook at their time by the scheduler, exactly once,
// also across a simulated restart and with two schedulers (two app nodes) running at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createDb, type Database } from '../../src/lib/server/db/index.ts';
import { statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { changeStatus } from '../../src/lib/server/incidents/incident-service.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { newInjectInput } from '../../src/lib/server/injects/inject-input.ts';
import { canManageInjects, createInject, deleteInject, injectsOf } from '../../src/lib/server/injects/inject-service.ts';
import { findInject } from '../../src/lib/server/injects/inject-queries.ts';
import { deliverDueInjects, startInjectScheduler } from '../../src/lib/server/injects/inject-scheduler.ts';
import { listEntries } from '../../src/lib/server/logbook/log-queries.ts';
import { logbookOf, verifyLogEntry } from '../../src/lib/server/logbook/log-service.ts';
import { authoriseTopic } from '../../src/lib/server/realtime/topics.ts';
import { createTestDatabase, createUser, waitFor, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, installEventFault, makeIncident, parse, schemaFields, withEventFault } from '../support/incident-fixtures.ts';
import { eventsOfType, logEntry, logbookCounts } from '../support/logbook-fixtures.ts';

let t: TestDatabase;
let oefenleider: SessionUser;
let crisis: SessionUser;
let waarnemer: SessionUser;
let oefening: IncidentRecord;
let crisisIncident: IncidentRecord;

const MIN = 60_000;

beforeAll(async () => {
	t = await createTestDatabase();
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: 'velsen' }] });
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: 'velsen' }] });
	// Started 20 minutes ago: T+20 is now.
	oefening = await makeIncident(t.db, oefenleider, {
		title: 'Oefening Sluis IJmuiden',
		kind: 'oefening',
		municipalities: ['velsen'],
		startedAt: new Date(Date.now() - 20 * MIN).toISOString()
	});
	crisisIncident = await makeIncident(t.db, crisis, { title: 'Echte brand', municipalities: ['velsen'] });
	await installEventFault(t.db);
});

afterAll(async () => {
	await t?.drop();
});

const inject = (user: SessionUser, incidentId: string, input: { text?: string; source?: string; discipline?: string; dueMinutes: number }) =>
	createInject(t.db, user, incidentId, parse(newInjectInput, { text: 'Melding: gewonden bij de sluis', discipline: 'ghor', ...input }), ctx);

/** Lets time pass for an inject: moves its due time into the past, as if the clock ran on. */
const makeDue = (id: string, db: Database = t.db) =>
	sql`update inject set due_at = now() - interval '1 second' where id = ${id}`.execute(db);

describe('scripting injects', () => {
	it('the oefenleider scripts an inject at start + N minutes; only the exercise leaders hear of it', async () => {
		const created = await inject(oefenleider, oefening.id, { text: 'Persbericht uitgelekt', discipline: 'communicatie', dueMinutes: 45 });
		expect(created).toMatchObject({
			incidentId: oefening.id,
			text: 'Persbericht uitgelekt',
			discipline: 'communicatie',
			dueMinutes: 45,
			dueAt: new Date(Date.parse(oefening.startedAt) + 45 * MIN).toISOString(),
			deliveredAt: null,
			entry: null,
			createdBy: { id: oefenleider.id, name: 'Olga Oefenleider' },
			exercise: true
		});
		expect(await injectsOf(t.db, oefenleider, oefening.id)).toContainEqual(created);
		const [event] = await eventsOfType(t.db, `injects:${oefening.id}`, 'inject.created');
		expect(event).toMatchObject({ exercise: true, data: created });
		// The players' topic says nothing about what is coming.
		const playerEvents = await t.db.selectFrom('realtimeEvent').select('type').where('topic', '=', `incident:${oefening.id}`).execute();
		expect(playerEvents.map((e) => e.type).filter((type) => type.startsWith('inject'))).toEqual([]);
		const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', created.id).execute();
		expect(audit).toEqual([{ action: 'inject.created', actorId: oefenleider.id }]);
	});

	it('refuses an inject in the past, without text, in a real incident or by anyone else, in Dutch and with nothing written', async () => {
		const before = await logbookCounts(t.db);
		const past = await expectServiceError(inject(oefenleider, oefening.id, { dueMinutes: 5 }), 400, 'validation_failed');
		expect(past.fields).toEqual([{ field: 'dueMinutes', message: 'Deze inject valt in het verleden: de oefening loopt al 20 minuten. Kies 21 minuten of later.' }]);
		expect(schemaFields(newInjectInput, { text: '  ', discipline: 'ghor', dueMinutes: 30 })).toEqual([
			{ field: 'text', message: 'Vul de tekst van de inject in; een lege inject wordt niet opgeslagen.' }
		]);
		expect(schemaFields(newInjectInput, { text: 'x', discipline: 'ghor', dueMinutes: -3 })).toEqual([
			{ field: 'dueMinutes', message: 'Een inject kan niet vóór de start van de oefening vallen.' }
		]);
		expect(schemaFields(newInjectInput, { text: 'x', discipline: 'ghor', dueMinutes: 1.5 })[0]!.message).toBe('Het aantal minuten na de start is een geheel getal.');
		expect(schemaFields(newInjectInput, { text: 'x', discipline: 'meldkamer' })).toHaveLength(2);

		const real = await expectServiceError(inject(oefenleider, crisisIncident.id, { dueMinutes: 30 }), 400, 'not_an_exercise');
		expect(real.message).toBe('Injects horen bij een oefening; dit is een echt incident.');
		await expectServiceError(inject(crisis, crisisIncident.id, { dueMinutes: 30 }), 400, 'not_an_exercise');
		const player = await expectServiceError(inject(crisis, oefening.id, { dueMinutes: 30 }), 403, 'forbidden');
		expect(player.message).toBe('Alleen de oefenleider beheert de injects van een oefening.');
		await expectServiceError(inject(waarnemer, oefening.id, { dueMinutes: 30 }), 403, 'forbidden');
		await expectServiceError(injectsOf(t.db, crisis, oefening.id), 403, 'forbidden');
		expect(await logbookCounts(t.db)).toEqual(before);

		expect(canManageInjects(oefenleider, oefening)).toBe(true);
		expect(canManageInjects(oefenleider, crisisIncident)).toBe(false);
		expect(canManageInjects(crisis, oefening)).toBe(false);
	});

	it('keeps the script on a topic only the exercise leaders may follow', async () => {
		expect(await authoriseTopic(t.db, oefenleider, `injects:${oefening.id}`)).toEqual({ ok: true });
		expect(await authoriseTopic(t.db, crisis, `injects:${oefening.id}`)).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, waarnemer, `injects:${oefening.id}`)).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, oefenleider, `injects:${crisisIncident.id}`)).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, oefenleider, 'injects:onzin')).toMatchObject({ ok: false, code: 'unknown_topic' });
		expect(await authoriseTopic(t.db, oefenleider, 'injects')).toMatchObject({ ok: false, code: 'unknown_topic' });
	});

	it('removes an inject that has not been delivered; a delivered one stays', async () => {
		const waiting = await inject(oefenleider, oefening.id, { dueMinutes: 90 });
		expect(await deleteInject(t.db, oefenleider, oefening.id, waiting.id, ctx)).toEqual(waiting);
		expect(await findInject(t.db, waiting.id)).toBeUndefined();
		const [event] = (await eventsOfType(t.db, `injects:${oefening.id}`, 'inject.deleted')).filter((e) => (e.data as { id: string }).id === waiting.id);
		expect(event).toBeDefined();
		await expectServiceError(deleteInject(t.db, oefenleider, oefening.id, waiting.id, ctx), 404, 'not_found');

		const due = await inject(oefenleider, oefening.id, { dueMinutes: 60 });
		await makeDue(due.id);
		expect(await deliverDueInjects(t.db)).toBe(1);
		const refused = await expectServiceError(deleteInject(t.db, oefenleider, oefening.id, due.id, ctx), 409, 'already_delivered');
		expect(refused.message).toMatch(/al in het logboek afgeleverd/);
		await expectServiceError(deleteInject(t.db, crisis, oefening.id, due.id, ctx), 403, 'forbidden');
	});
});

describe('delivering injects', () => {
	it('lands a due inject in the logbook as a melding at its time, marks it and tells players and leaders', async () => {
		const scripted = await inject(oefenleider, oefening.id, { text: 'Dijk bij de sluis lekt', source: 'Meldkamer brandweer', discipline: 'brandweer', dueMinutes: 30 });
		expect(await deliverDueInjects(t.db)).toBe(0); // not due yet
		await makeDue(scripted.id);
		const dueAt = (await findInject(t.db, scripted.id))!.dueAt;

		expect(await deliverDueInjects(t.db)).toBe(1);
		const delivered = (await findInject(t.db, scripted.id))!;
		expect(delivered.deliveredAt).not.toBeNull();
		const entries = await listEntries(t.db, oefening.id);
		const entry = entries.find((e) => e.injectId === scripted.id)!;
		expect(entry).toMatchObject({
			kind: 'melding',
			discipline: 'brandweer',
			text: 'Dijk bij de sluis lekt',
			happenedAt: dueAt,
			source: 'Meldkamer brandweer',
			author: { id: oefenleider.id },
			exercise: true
		});
		expect(delivered.entry).toEqual({ id: entry.id, number: entry.number });

		// Players get an ordinary message of its source: no inject mark, no oefenleider as author.
		const logEvent = (await eventsOfType(t.db, `incident:${oefening.id}`, 'log.created')).find((e) => (e.data as { id: string }).id === entry.id);
		expect(logEvent).toMatchObject({ exercise: true, actor: null, data: { ...entry, injectId: null, author: { id: '', name: 'Meldkamer brandweer' } } });
		expect(JSON.stringify(logEvent)).not.toContain(oefenleider.id);
		const asPlayer = (await logbookOf(t.db, crisis, oefening.id)).entries.find((e) => e.id === entry.id)!;
		expect(asPlayer).toMatchObject({ injectId: null, source: 'Meldkamer brandweer', author: { name: 'Meldkamer brandweer' } });
		expect(JSON.stringify(asPlayer)).not.toContain(oefenleider.name);
		// The oefenleiding sees it for what it is.
		expect((await logbookOf(t.db, oefenleider, oefening.id)).entries.find((e) => e.id === entry.id)).toMatchObject({ injectId: scripted.id, author: { id: oefenleider.id } });
		const leaderEvent = (await eventsOfType(t.db, `injects:${oefening.id}`, 'inject.delivered')).find((e) => (e.data as { id: string }).id === scripted.id);
		expect(leaderEvent).toMatchObject({ exercise: true, data: delivered });
		expect(await t.db.selectFrom('auditLog').select('action').where('entityId', '=', scripted.id).execute()).toEqual([
			{ action: 'inject.created' },
			{ action: 'inject.delivered' }
		]);

		// Delivered once: later ticks find nothing.
		expect(await deliverDueInjects(t.db)).toBe(0);
		// A player sees it as unread, like any entry by someone else.
		expect((await logbookOf(t.db, crisis, oefening.id)).unread).toContain(entry.number);
	});

	it('keeps an inject an ordinary message when the information manager verifies it: on the players’ topic and in the answer', async () => {
		const scripted = await inject(oefenleider, oefening.id, { text: 'Gaslucht bij de sluiswachterswoning', source: 'Burger via 112', discipline: 'brandweer', dueMinutes: 31 });
		await makeDue(scripted.id);
		expect(await deliverDueInjects(t.db)).toBe(1);
		const entry = (await listEntries(t.db, oefening.id)).find((e) => e.injectId === scripted.id)!;
		const verified = await verifyLogEntry(t.db, crisis, oefening.id, entry.id, ctx);
		expect(verified).toMatchObject({ id: entry.id, injectId: null, author: { id: '', name: 'Burger via 112' }, verified: { by: { id: crisis.id } } });
		const event = (await eventsOfType(t.db, `incident:${oefening.id}`, 'log.verified')).find((e) => (e.data as { id: string }).id === entry.id);
		expect(event).toMatchObject({ actor: { id: crisis.id }, data: { injectId: null, author: { id: '', name: 'Burger via 112' }, verified: { by: { id: crisis.id } } } });
		expect(JSON.stringify(event)).not.toContain(oefenleider.id);
		expect(JSON.stringify(event)).not.toContain(scripted.id);
		// The oefenleiding still reads it as its inject.
		expect((await logbookOf(t.db, oefenleider, oefening.id)).entries.find((e) => e.id === entry.id)).toMatchObject({ injectId: scripted.id, verified: { by: { id: crisis.id } } });
	});

	it('numbers injected entries in line with entries written by people', async () => {
		const a = await logEntry(t.db, crisis, oefening.id, { text: 'Door een speler' });
		const scripted = await inject(oefenleider, oefening.id, { dueMinutes: 40 });
		await makeDue(scripted.id);
		await deliverDueInjects(t.db);
		const b = await logEntry(t.db, crisis, oefening.id, { text: 'Weer een speler' });
		const injected = (await findInject(t.db, scripted.id))!.entry!;
		expect([a.number + 1, a.number + 2]).toEqual([injected.number, b.number]);
	});

	it('delivers after a restart what fell due while no scheduler ran', async () => {
		const scripted = await inject(oefenleider, oefening.id, { text: 'Na de herstart', dueMinutes: 120 });
		const first = startInjectScheduler(t.db, { intervalMs: 50 });
		await first.runOnce();
		await new Promise((r) => setTimeout(r, 150));
		expect((await findInject(t.db, scripted.id))!.deliveredAt).toBeNull(); // not due
		await first.stop();

		// The server is down; time passes; the inject falls due.
		await makeDue(scripted.id);
		await new Promise((r) => setTimeout(r, 150));
		expect((await findInject(t.db, scripted.id))!.deliveredAt).toBeNull(); // nobody delivers it

		// A new process starts: state only in the database, so it picks it up without being told.
		const second = startInjectScheduler(t.db, { intervalMs: 50 });
		try {
			await waitFor(async () => (await findInject(t.db, scripted.id))!.deliveredAt, { what: 'inject delivered after restart' });
		} finally {
			await second.stop();
		}
		expect((await listEntries(t.db, oefening.id)).filter((e) => e.injectId === scripted.id)).toHaveLength(1);
	});

	it('delivers each inject exactly once with two schedulers on two app nodes at the same time', async () => {
		const race = await makeIncident(t.db, oefenleider, { title: 'Oefening Gelijktijdig', kind: 'oefening', municipalities: ['velsen'] });
		const scripted = [];
		for (let i = 0; i < 30; i++) scripted.push(await inject(oefenleider, race.id, { text: `Inject ${i}`, discipline: 'politie', dueMinutes: 10 + i }));
		// Two nodes: each its own connection pool, each its own scheduler.
		const otherNode = createDb(t.url, { max: 4 });
		const a = startInjectScheduler(t.db, { intervalMs: 5 });
		const b = startInjectScheduler(otherNode, { intervalMs: 5 });
		try {
			await sql`update inject set due_at = now() - interval '1 second' where incident_id = ${race.id}`.execute(t.db);
			const ticks = await Promise.all([a.runOnce(), b.runOnce(), deliverDueInjects(t.db), deliverDueInjects(otherNode)]);
			await waitFor(async () => (await listEntries(t.db, race.id)).length === 30, { what: 'all 30 injects delivered' });
			expect(ticks.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(30);
		} finally {
			await a.stop();
			await b.stop();
			await otherNode.destroy();
		}
		const entries = await listEntries(t.db, race.id);
		expect(entries.map((e) => e.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
		expect(new Set(entries.map((e) => e.injectId)).size).toBe(30);
		for (const s of scripted) expect((await findInject(t.db, s.id))!.entry).not.toBeNull();
		expect(await eventsOfType(t.db, `injects:${race.id}`, 'inject.delivered')).toHaveLength(30);
		expect(await eventsOfType(t.db, `incident:${race.id}`, 'log.created')).toHaveLength(30);
	});

	it('shares the work between concurrent deliverers without doubles: the counts add up exactly', async () => {
		const race = await makeIncident(t.db, oefenleider, { title: 'Oefening Vier Tegelijk', kind: 'oefening', municipalities: ['velsen'] });
		for (let i = 0; i < 40; i++) await inject(oefenleider, race.id, { text: `Inject ${i}`, dueMinutes: 30 + i });
		await sql`update inject set due_at = now() - interval '1 second' where incident_id = ${race.id}`.execute(t.db);
		const otherNode = createDb(t.url, { max: 4 });
		try {
			const counts = await Promise.all([deliverDueInjects(t.db), deliverDueInjects(otherNode), deliverDueInjects(t.db), deliverDueInjects(otherNode)]);
			expect(counts.reduce((sum, n) => sum + n, 0)).toBe(40);
			expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1); // they really ran side by side
		} finally {
			await otherNode.destroy();
		}
		const entries = await listEntries(t.db, race.id);
		expect(entries.map((e) => e.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		expect(new Set(entries.map((e) => e.injectId)).size).toBe(40);
	});

	it('delivers in order of due time, and keeps the injects of a closed exercise back', async () => {
		const closing = await makeIncident(t.db, oefenleider, { title: 'Oefening die stopt', kind: 'oefening', municipalities: ['velsen'] });
		await inject(oefenleider, closing.id, { text: 'Later', dueMinutes: 20 });
		await inject(oefenleider, closing.id, { text: 'Eerder', dueMinutes: 10 });
		await sql`update inject set due_at = due_at - interval '1 hour' where incident_id = ${closing.id}`.execute(t.db);
		await deliverDueInjects(t.db);
		expect((await listEntries(t.db, closing.id)).map((e) => e.text)).toEqual(['Eerder', 'Later']);

		const kept = await inject(oefenleider, closing.id, { text: 'Na het einde', dueMinutes: 30 });
		await changeStatus(t.db, oefenleider, closing.id, parse(statusChangeInput, { status: 'gesloten' }), ctx);
		await makeDue(kept.id);
		expect(await deliverDueInjects(t.db)).toBe(0);
		expect((await findInject(t.db, kept.id))!.deliveredAt).toBeNull();
		const refused = await expectServiceError(inject(oefenleider, closing.id, { dueMinutes: 60 }), 409, 'incident_closed');
		expect(refused.message).toBe('Dit incident is gesloten; er komen geen injects meer bij.');
	});

	it('leaves an inject waiting when its delivery fails, and delivers it on a later tick', async () => {
		const scripted = await inject(oefenleider, oefening.id, { text: 'Storing bij aflevering', dueMinutes: 50 });
		await makeDue(scripted.id);
		const before = await logbookCounts(t.db);
		await withEventFault(t.db, { topic: `injects:${oefening.id}`, type: 'inject.delivered' }, async () => {
			expect(await deliverDueInjects(t.db)).toBe(0);
		});
		expect(await logbookCounts(t.db)).toEqual(before);
		expect((await findInject(t.db, scripted.id))!.deliveredAt).toBeNull();
		expect(await deliverDueInjects(t.db)).toBe(1);
		expect((await findInject(t.db, scripted.id))!.entry).not.toBeNull();
	});
});
