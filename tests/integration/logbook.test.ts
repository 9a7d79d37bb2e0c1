// The incident logbook against real PostgreSQL through the services: typed entries with a
// running number per incident, corrections as new entries (never edits), verification by an
// information manager, filters, per-user read positions, who may write, closed incidents,
// the exercise mark, realtime events and atomicity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { changeStatus } from '../../src/lib/server/incidents/incident-service.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { logFilterFromQuery, logFilterInput, newLogEntryInput, readInput } from '../../src/lib/server/logbook/log-input.ts';
import { canVerifyLog, canWriteLog, logbookOf, markLogRead, verifyLogEntry } from '../../src/lib/server/logbook/log-service.ts';
import { findEntry } from '../../src/lib/server/logbook/log-queries.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, installEventFault, makeIncident, parse, schemaFields, withEventFault } from '../support/incident-fixtures.ts';
import { eventsOfType, logEntry, logbookCounts } from '../support/logbook-fixtures.ts';

let t: TestDatabase;
let crisis: SessionUser; // crisisteam Haarlem: information manager
let crisisVelsen: SessionUser; // crisisteam of another municipality
let brandweer: SessionUser;
let bz: SessionUser;
let oefenleider: SessionUser;
let waarnemer: SessionUser;
let vergunning: SessionUser;
let incident: IncidentRecord;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	crisisVelsen = await createUser(t.db, { name: 'Vera Velsen', grants: [{ role: 'crisisteam', municipality: 'velsen' }] });
	brandweer = await createUser(t.db, { name: 'Bram Brandweer', grants: [{ role: 'brandweer', municipality: 'zandvoort' }] });
	bz = await createUser(t.db, { name: 'Bea Bevolkingszorg', grants: [{ role: 'bevolkingszorg', municipality: 'heemstede' }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: null }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
	vergunning = await createUser(t.db, { name: 'Vince Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	incident = await makeIncident(t.db, crisis, { title: 'Brand chemisch bedrijf', grip: 2 });
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Watersnood', kind: 'oefening' });
	await installEventFault(t.db);
});

afterAll(async () => {
	await t?.drop();
});

describe('adding entries', () => {
	it('stores a typed entry with discipline, times, source and author, audits it and announces it', async () => {
		const before = Date.now();
		const happenedAt = new Date(before - 10 * 60_000).toISOString();
		const entry = await logEntry(t.db, crisis, incident.id, {
			kind: 'besluit',
			discipline: 'brandweer',
			text: '  Ontruiming van de Oosterstraat  ',
			happenedAt,
			source: 'CoPI'
		});
		expect(entry).toMatchObject({
			incidentId: incident.id,
			number: 1,
			kind: 'besluit',
			discipline: 'brandweer',
			text: 'Ontruiming van de Oosterstraat',
			happenedAt,
			source: 'CoPI',
			author: { id: crisis.id, name: 'Chris Crisis' },
			corrects: null,
			correctedBy: null,
			verified: null,
			injectId: null,
			exercise: false
		});
		expect(Date.parse(entry.loggedAt)).toBeGreaterThanOrEqual(before - 2_000);
		expect(await findEntry(t.db, entry.id)).toEqual(entry);

		const [event] = (await eventsOfType(t.db, `incident:${incident.id}`, 'log.created')).filter((e) => (e.data as { id: string }).id === entry.id);
		expect(event).toMatchObject({ exercise: false, actor: { id: crisis.id, name: 'Chris Crisis' } });
		expect(event!.data).toEqual(entry);
		const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', entry.id).execute();
		expect(audit).toMatchObject([{ action: 'log.created', actorId: crisis.id, entityType: 'logregel', ip: ctx.ip }]);
	});

	it('defaults the time of happening to now and the source to empty', async () => {
		const entry = await logEntry(t.db, brandweer, incident.id, { kind: 'melding', discipline: 'brandweer', text: 'Tweede uitruk ter plaatse' });
		expect(Math.abs(Date.parse(entry.happenedAt) - Date.now())).toBeLessThan(5_000);
		expect(entry.source).toBe('');
	});

	it('numbers entries per incident without gaps, also when many are written at once', async () => {
		const fresh = await makeIncident(t.db, crisis, { title: 'Gaslek Heemstede', municipalities: ['heemstede'] });
		const writers = [crisis, crisisVelsen, brandweer, bz];
		const entries = await Promise.all(
			Array.from({ length: 16 }, (_, i) => logEntry(t.db, writers[i % writers.length]!, fresh.id, { text: `Melding ${i}` }))
		);
		expect(entries.map((e) => e.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
		// The other incident's numbering is its own.
		const other = await logEntry(t.db, crisis, oefening.id, { text: 'Eerste van de oefening' });
		expect(other.number).toBe(1);
	});

	it('refuses an entry without text, of an unknown type or discipline, with Dutch messages and nothing written', async () => {
		const before = await logbookCounts(t.db);
		expect(schemaFields(newLogEntryInput, { kind: 'besluit', discipline: 'ghor', text: '   ' })).toEqual([
			{ field: 'text', message: 'Vul de tekst van de logregel in; een lege logregel wordt niet opgeslagen.' }
		]);
		expect(schemaFields(newLogEntryInput, { kind: 'besluit', discipline: 'ghor' })).toEqual([{ field: 'text', message: 'Vul de tekst van de logregel in.' }]);
		expect(schemaFields(newLogEntryInput, { kind: 'gerucht', discipline: 'meldkamer', text: 'x', happenedAt: 'gisteren' }).map((f) => f.field)).toEqual([
			'kind',
			'discipline',
			'happenedAt'
		]);
		expect(schemaFields(newLogEntryInput, { kind: 'gerucht', discipline: 'ghor', text: 'x' })[0]!.message).toMatch(/^Onbekend soort logregel; kies uit melding, beeld, oordeel, besluit, actie\.$/);
		const future = await expectServiceError(
			logEntry(t.db, crisis, incident.id, { text: 'Later', happenedAt: new Date(Date.now() + 60 * 60_000).toISOString() }),
			400,
			'validation_failed'
		);
		expect(future.fields).toEqual([{ field: 'happenedAt', message: 'Het tijdstip van gebeuren ligt in de toekomst.' }]);
		expect(await logbookCounts(t.db)).toEqual(before);
	});

	it('lets only those who work the incident write; a waarnemer reads, an oefenleider writes in exercises only', async () => {
		const before = await logbookCounts(t.db);
		const refused = await expectServiceError(logEntry(t.db, waarnemer, incident.id), 403, 'forbidden');
		expect(refused.message).toMatch(/je leest alleen mee/);
		await expectServiceError(logEntry(t.db, oefenleider, incident.id), 403, 'forbidden');
		await expectServiceError(logEntry(t.db, vergunning, incident.id), 403, 'forbidden');
		await expectServiceError(logEntry(t.db, crisis, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
		await expectServiceError(logEntry(t.db, crisis, 'geen-uuid'), 404, 'not_found');
		expect(await logbookCounts(t.db)).toEqual(before);

		expect((await logEntry(t.db, bz, incident.id, { discipline: 'bevolkingszorg', text: 'Opvang in sporthal' })).author.id).toBe(bz.id);
		expect((await logEntry(t.db, oefenleider, oefening.id, { text: 'Start oefening' })).exercise).toBe(true);
		expect((await logbookOf(t.db, waarnemer, incident.id)).entries.length).toBeGreaterThan(0);
		await expectServiceError(logbookOf(t.db, vergunning, incident.id), 403, 'forbidden');

		expect(canWriteLog(waarnemer, incident)).toBe(false);
		expect(canWriteLog(oefenleider, incident)).toBe(false);
		expect(canWriteLog(oefenleider, oefening)).toBe(true);
		expect(canWriteLog(brandweer, incident)).toBe(true);
		expect(canVerifyLog(crisisVelsen, incident)).toBe(true);
		expect(canVerifyLog(brandweer, incident)).toBe(false);
	});

	it('rolls everything back when announcing fails: no entry, no audit, no number used', async () => {
		const fresh = await makeIncident(t.db, crisis, { title: 'Stroomstoring Velsen', municipalities: ['velsen'] });
		await logEntry(t.db, crisis, fresh.id, { text: 'Eerste' });
		const before = await logbookCounts(t.db);
		await withEventFault(t.db, { topic: `incident:${fresh.id}`, type: 'log.created' }, async () => {
			await expect(logEntry(t.db, crisis, fresh.id, { text: 'Gaat mis' })).rejects.toThrow(/injected fault/);
		});
		expect(await logbookCounts(t.db)).toEqual(before);
		expect((await logEntry(t.db, crisis, fresh.id, { text: 'Tweede' })).number).toBe(2);
	});
});

describe('corrections', () => {
	it('are new entries that refer to the old one, which stays exactly as it was', async () => {
		const original = await logEntry(t.db, brandweer, incident.id, { kind: 'beeld', discipline: 'brandweer', text: 'Rookpluim richting noord' });
		const correction = await logEntry(t.db, brandweer, incident.id, {
			kind: 'beeld',
			discipline: 'brandweer',
			text: 'Rookpluim richting noordoost',
			correctsId: original.id
		});
		expect(correction.number).toBeGreaterThan(original.number);
		expect(correction.corrects).toEqual({ id: original.id, number: original.number });
		const old = (await findEntry(t.db, original.id))!;
		expect(old).toEqual({ ...original, correctedBy: { id: correction.id, number: correction.number } });
		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', correction.id).executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ action: 'log.corrected', details: { corrects: original.number } });

		// Once corrected, an entry is not corrected again; the correction itself may be.
		const again = await expectServiceError(logEntry(t.db, crisis, incident.id, { text: 'Nog anders', correctsId: original.id }), 409, 'already_corrected');
		expect(again.message).toBe(`Logregel ${original.number} is al gecorrigeerd door logregel ${correction.number}; corrigeer zo nodig die.`);
		const second = await logEntry(t.db, crisis, incident.id, { kind: 'beeld', discipline: 'brandweer', text: 'Pluim draait naar oost', correctsId: correction.id });
		expect(second.corrects?.number).toBe(correction.number);
	});

	it('refer to an entry of the same incident only', async () => {
		const elsewhere = await logEntry(t.db, oefenleider, oefening.id, { text: 'In de oefening' });
		const err = await expectServiceError(logEntry(t.db, crisis, incident.id, { text: 'Correctie', correctsId: elsewhere.id }), 400, 'validation_failed');
		expect(err.fields).toEqual([{ field: 'correctsId', message: 'De logregel die je corrigeert hoort niet bij dit incident.' }]);
		await expectServiceError(
			logEntry(t.db, crisis, incident.id, { text: 'Correctie', correctsId: '00000000-0000-4000-8000-000000000000' }),
			400,
			'validation_failed'
		);
	});

	it('of the same entry at the same moment: exactly one wins', async () => {
		const original = await logEntry(t.db, crisis, incident.id, { text: 'Twee slachtoffers' });
		const results = await Promise.allSettled(
			[crisis, crisisVelsen, brandweer, bz].map((u, i) => logEntry(t.db, u, incident.id, { text: `Drie slachtoffers (${i})`, correctsId: original.id }))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected')) {
			expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'already_corrected' });
		}
	});
});

describe('verification', () => {
	it('is done once by an information manager of the crisis team, never on one’s own entry', async () => {
		const entry = await logEntry(t.db, brandweer, incident.id, { kind: 'melding', discipline: 'brandweer', text: 'Brand meester' });
		await expectServiceError(verifyLogEntry(t.db, waarnemer, incident.id, entry.id, ctx), 403, 'forbidden');
		await expectServiceError(verifyLogEntry(t.db, bz, incident.id, entry.id, ctx), 403, 'forbidden');
		await expectServiceError(verifyLogEntry(t.db, brandweer, incident.id, entry.id, ctx), 403, 'forbidden');

		const verified = await verifyLogEntry(t.db, crisisVelsen, incident.id, entry.id, ctx);
		expect(verified.verified).toMatchObject({ by: { id: crisisVelsen.id, name: 'Vera Velsen' } });
		expect(verified.text).toBe(entry.text);
		const [event] = (await eventsOfType(t.db, `incident:${incident.id}`, 'log.verified')).filter((e) => (e.data as { id: string }).id === entry.id);
		expect(event!.data).toEqual(verified);

		const twice = await expectServiceError(verifyLogEntry(t.db, crisis, incident.id, entry.id, ctx), 409, 'already_verified');
		expect(twice.message).toBe(`Logregel ${entry.number} is al geverifieerd.`);
		const own = await logEntry(t.db, crisis, incident.id, { text: 'Eigen melding' });
		const refused = await expectServiceError(verifyLogEntry(t.db, crisis, incident.id, own.id, ctx), 400, 'own_entry');
		expect(refused.message).toMatch(/eigen logregel niet verifiëren/);
	});

	it('finds the entry in this incident only', async () => {
		const elsewhere = await logEntry(t.db, oefenleider, oefening.id, { text: 'Oefenmelding' });
		await expectServiceError(verifyLogEntry(t.db, crisis, incident.id, elsewhere.id, ctx), 404, 'not_found');
		await expectServiceError(verifyLogEntry(t.db, crisis, incident.id, 'geen-id', ctx), 404, 'not_found');
	});

	it('by two managers at once: one wins, the other hears it was already done', async () => {
		const entry = await logEntry(t.db, brandweer, incident.id, { text: 'Verkeer omgeleid' });
		const results = await Promise.allSettled([verifyLogEntry(t.db, crisis, incident.id, entry.id, ctx), verifyLogEntry(t.db, crisisVelsen, incident.id, entry.id, ctx)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
	});
});

describe('reading', () => {
	let fresh: IncidentRecord;
	beforeAll(async () => {
		fresh = await makeIncident(t.db, crisis, { title: 'Duinbrand Bloemendaal', municipalities: ['bloemendaal'] });
		await logEntry(t.db, crisis, fresh.id, { kind: 'melding', discipline: 'brandweer', text: '1 melding brandweer' });
		await logEntry(t.db, brandweer, fresh.id, { kind: 'besluit', discipline: 'brandweer', text: '2 besluit brandweer' });
		await logEntry(t.db, bz, fresh.id, { kind: 'besluit', discipline: 'bevolkingszorg', text: '3 besluit bevolkingszorg' });
		await logEntry(t.db, crisis, fresh.id, { kind: 'actie', discipline: 'ghor', text: '4 actie ghor' });
	});

	it('filters by discipline and by type', async () => {
		const texts = async (filter: object) => (await logbookOf(t.db, waarnemer, fresh.id, parse(logFilterInput, filter))).entries.map((e) => e.number);
		expect(await texts({})).toEqual([1, 2, 3, 4]);
		expect(await texts({ disciplines: ['brandweer'] })).toEqual([1, 2]);
		expect(await texts({ kinds: ['besluit'] })).toEqual([2, 3]);
		expect(await texts({ kinds: ['besluit', 'actie'], disciplines: ['brandweer', 'ghor'] })).toEqual([2, 4]);
		expect(await texts({ kinds: ['oordeel'] })).toEqual([]);
	});

	it('reads filters from the query string, repeated or comma-separated', () => {
		const parsed = parse(logFilterInput, logFilterFromQuery(new URLSearchParams('soort=besluit,actie&discipline=ghor&discipline=politie&ongelezen=1')));
		expect(parsed).toEqual({ kinds: ['besluit', 'actie'], disciplines: ['ghor', 'politie'], unread: true });
		expect(schemaFields(logFilterInput, logFilterFromQuery(new URLSearchParams('soort=roddel')))[0]!.message).toMatch(/Onbekend soort logregel/);
	});

	it('keeps per user what is still unread (never their own entries), and moves only forward', async () => {
		expect(await logbookOf(t.db, waarnemer, fresh.id)).toMatchObject({ readPosition: 0, unread: [1, 2, 3, 4], highest: 4 });
		expect((await logbookOf(t.db, crisis, fresh.id)).unread).toEqual([2, 3]);
		expect((await logbookOf(t.db, crisis, fresh.id, { unread: true })).entries.map((e) => e.number)).toEqual([2, 3]);

		expect(await markLogRead(t.db, waarnemer, fresh.id, parse(readInput, { upTo: 2 }))).toEqual({ readPosition: 2, unread: [3, 4] });
		expect(await markLogRead(t.db, waarnemer, fresh.id, parse(readInput, { upTo: 1 }))).toEqual({ readPosition: 2, unread: [3, 4] });
		// Another user's position is their own.
		expect((await logbookOf(t.db, bz, fresh.id)).unread).toEqual([1, 2, 4]);

		await logEntry(t.db, brandweer, fresh.id, { text: '5 nieuw' });
		expect((await logbookOf(t.db, waarnemer, fresh.id)).unread).toEqual([3, 4, 5]);
		expect(await markLogRead(t.db, waarnemer, fresh.id, parse(readInput, { upTo: 5 }))).toEqual({ readPosition: 5, unread: [] });

		const beyond = await expectServiceError(markLogRead(t.db, waarnemer, fresh.id, parse(readInput, { upTo: 99 })), 400, 'validation_failed');
		expect(beyond.message).toBe('Logregel 99 bestaat (nog) niet; de laatste is 5.');
		expect(schemaFields(readInput, { upTo: -1 })).toEqual([{ field: 'upTo', message: 'upTo is 0 of meer.' }]);
		await expectServiceError(markLogRead(t.db, vergunning, fresh.id, { upTo: 1 }), 403, 'forbidden');
	});
});

describe('exercises and closed incidents', () => {
	it('marks every entry and event of an exercise', async () => {
		const entry = await logEntry(t.db, oefenleider, oefening.id, { kind: 'besluit', text: 'Oefenbesluit' });
		expect(entry.exercise).toBe(true);
		const events = await eventsOfType(t.db, `incident:${oefening.id}`, 'log.created');
		expect(events.length).toBeGreaterThan(0);
		expect(events.every((e) => e.exercise)).toBe(true);
		const real = await eventsOfType(t.db, `incident:${incident.id}`, 'log.created');
		expect(real.every((e) => !e.exercise)).toBe(true);
	});

	it('refuses new entries and verifications once the incident is closed; reading goes on', async () => {
		const closing = await makeIncident(t.db, crisis, { title: 'Afgerond incident' });
		const entry = await logEntry(t.db, brandweer, closing.id, { text: 'Laatste melding' });
		await changeStatus(t.db, crisis, closing.id, parse(statusChangeInput, { status: 'gesloten' }), ctx);
		const before = await logbookCounts(t.db);
		const refused = await expectServiceError(logEntry(t.db, crisis, closing.id, { text: 'Te laat' }), 409, 'incident_closed');
		expect(refused.message).toBe('Dit incident is gesloten; er komen geen logregels meer bij.');
		await expectServiceError(verifyLogEntry(t.db, crisis, closing.id, entry.id, ctx), 409, 'incident_closed');
		expect(await logbookCounts(t.db)).toEqual(before);
		expect((await logbookOf(t.db, waarnemer, closing.id)).entries).toHaveLength(1);
	});
});
