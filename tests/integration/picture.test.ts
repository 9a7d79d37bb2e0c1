// The situation picture and SITRAPs against real PostgreSQL: one current text per section,
// written by its writers with optimistic versions (409 with the current text), SITRAPs as
// numbered, timed snapshots that stay readable, PDF export with the exercise mark on every
// page, closed incidents, and realtime events.
import { pdfLines, pdfPages } from '../support/poppler.ts';
import { dutchDateTime } from '../../src/lib/domain/wording/values.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { gripChangeInput, statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { changeGrip, changeStatus } from '../../src/lib/server/incidents/incident-service.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { sectionInput, sectionParam } from '../../src/lib/server/logbook/log-input.ts';
import {
	SectionConflictError,
	canPublishSitrap,
	changeSection,
	pictureOf,
	publishSitrap,
	sitrapOf,
	sitrapsOf,
	writableSections
} from '../../src/lib/server/logbook/picture-service.ts';
import { renderSitrapPdf, renderTimelinePdf } from '../../src/lib/server/logbook/pdf.ts';
import type { PictureSection } from '../../src/lib/domain/situation.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, installEventFault, makeIncident, parse, schemaFields, withEventFault } from '../support/incident-fixtures.ts';
import { eventsOfType, logbookCounts } from '../support/logbook-fixtures.ts';

let t: TestDatabase;
let crisis: SessionUser;
let crisisBeverwijk: SessionUser;
let brandweer: SessionUser;
let bz: SessionUser;
let oefenleider: SessionUser;
let waarnemer: SessionUser;
let incident: IncidentRecord;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	crisisBeverwijk = await createUser(t.db, { name: 'Bert Beverwijk', grants: [{ role: 'crisisteam', municipality: 'beverwijk' }] });
	brandweer = await createUser(t.db, { name: 'Bram Brandweer', grants: [{ role: 'brandweer', municipality: null }] });
	bz = await createUser(t.db, { name: 'Bea Bevolkingszorg', grants: [{ role: 'bevolkingszorg', municipality: 'uitgeest' }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: 'haarlem' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: null }] });
	incident = await makeIncident(t.db, crisis, { title: 'Grote brand Haarlem-Noord', grip: 1 });
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Hoogwater', kind: 'oefening', grip: 2 });
	await installEventFault(t.db);
});

afterAll(async () => {
	await t?.drop();
});

const edit = (user: SessionUser, incidentId: string, section: PictureSection, text: string, version: number) =>
	changeSection(t.db, user, incidentId, section, parse(sectionInput, { text, version }), ctx);

describe('the situation picture', () => {
	it('starts with six empty sections and the stale threshold', async () => {
		const picture = await pictureOf(t.db, waarnemer, incident.id);
		expect(picture.sections.map((s) => [s.section, s.text, s.version, s.updatedAt])).toEqual([
			['samenvatting', '', 0, null],
			['brandweer', '', 0, null],
			['ghor', '', 0, null],
			['politie', '', 0, null],
			['bevolkingszorg', '', 0, null],
			['communicatie', '', 0, null]
		]);
		expect(picture.sitraps).toEqual([]);
		expect(picture.staleMinutes).toBe(30);
	});

	it('keeps one current text per section with its age, audits and announces each change', async () => {
		const first = await edit(crisis, incident.id, 'samenvatting', '  Brand onder controle, geen slachtoffers.  ', 0);
		expect(first).toMatchObject({ section: 'samenvatting', text: 'Brand onder controle, geen slachtoffers.', version: 1, updatedBy: { id: crisis.id }, exercise: false });
		expect(Math.abs(Date.parse(first.updatedAt!) - Date.now())).toBeLessThan(5_000);
		const second = await edit(crisisBeverwijk, incident.id, 'samenvatting', 'Brand meester; nablussen.', 1);
		expect(second).toMatchObject({ version: 2, updatedBy: { id: crisisBeverwijk.id, name: 'Bert Beverwijk' } });

		const picture = await pictureOf(t.db, waarnemer, incident.id);
		expect(picture.sections.find((s) => s.section === 'samenvatting')).toEqual(second);
		const events = await eventsOfType(t.db, `incident:${incident.id}`, 'picture.updated');
		expect(events.map((e) => e.data)).toEqual([first, second]);
		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('action', '=', 'picture.updated').execute();
		expect(audit.map((a) => a.details)).toEqual([
			{ section: 'samenvatting', version: 1, exercise: false },
			{ section: 'samenvatting', version: 2, exercise: false }
		]);
	});

	it('refuses a stale version with 409 and the current text; nothing is overwritten', async () => {
		const base = await edit(brandweer, incident.id, 'brandweer', 'Twee TS ter plaatse.', 0);
		// Two writers start from version 1; the first to save wins.
		const winner = await edit(crisis, incident.id, 'brandweer', 'Drie TS ter plaatse, hoogwerker onderweg.', base.version);
		const before = await logbookCounts(t.db);
		const err = await expectServiceError(edit(brandweer, incident.id, 'brandweer', 'Twee TS en een WO.', base.version), 409, 'version_conflict');
		expect(err).toBeInstanceOf(SectionConflictError);
		expect((err as SectionConflictError).current).toEqual(winner);
		expect(err.message).toBe(
			`Chris Crisis heeft de sectie Brandweer om ${dutchDateTime(winner.updatedAt!)} gewijzigd. Je tekst is niet opgeslagen: bekijk de nieuwe tekst, neem je aanvulling over en sla opnieuw op.`
		);
		expect(err.extra).toEqual({ current: winner });
		// Version 0 ("it was empty") for a section someone already wrote is stale too.
		await expectServiceError(edit(brandweer, incident.id, 'brandweer', 'Leeg?', 0), 409, 'version_conflict');
		expect(await logbookCounts(t.db)).toEqual(before);
	});

	it('lets two writers of an empty section race: exactly one first version', async () => {
		const results = await Promise.allSettled([crisis, crisisBeverwijk, crisis].map((u, i) => edit(u, incident.id, 'politie', `Afzetting ${i}`, 0)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect((await pictureOf(t.db, waarnemer, incident.id)).sections.find((s) => s.section === 'politie')!.version).toBe(1);
	});

	it('has writers per section; a waarnemer only reads; an oefenleider writes in exercises', async () => {
		const before = await logbookCounts(t.db);
		const ghor = await expectServiceError(edit(brandweer, incident.id, 'ghor', 'Geen gewonden', 0), 403, 'forbidden');
		expect(ghor.message).toBe('Je mag de sectie GHOR van het beeld niet wijzigen; dat doen de verantwoordelijken ervoor.');
		await expectServiceError(edit(brandweer, incident.id, 'samenvatting', 'x', 2), 403, 'forbidden');
		await expectServiceError(edit(bz, incident.id, 'politie', 'x', 1), 403, 'forbidden');
		await expectServiceError(edit(waarnemer, incident.id, 'communicatie', 'x', 0), 403, 'forbidden');
		await expectServiceError(edit(oefenleider, incident.id, 'samenvatting', 'x', 2), 403, 'forbidden');
		expect(await logbookCounts(t.db)).toEqual(before);

		await edit(bz, incident.id, 'bevolkingszorg', 'Opvang in De Pellikaan.', 0);
		await edit(bz, incident.id, 'communicatie', 'NL-Alert verzonden.', 0);
		await edit(oefenleider, oefening.id, 'ghor', 'Oefen-GHOR-beeld.', 0);

		expect(writableSections(crisis, incident)).toEqual(['samenvatting', 'brandweer', 'ghor', 'politie', 'bevolkingszorg', 'communicatie']);
		expect(writableSections(brandweer, incident)).toEqual(['brandweer']);
		expect(writableSections(bz, incident)).toEqual(['bevolkingszorg', 'communicatie']);
		expect(writableSections(waarnemer, incident)).toEqual([]);
		expect(writableSections(oefenleider, incident)).toEqual([]);
		expect(writableSections(oefenleider, oefening)).toHaveLength(6);
	});

	it('validates input in Dutch', () => {
		expect(schemaFields(sectionInput, { text: 'x' })[0]).toMatchObject({ field: 'version' });
		expect(schemaFields(sectionInput, { text: 'x', version: -1 })).toEqual([{ field: 'version', message: 'version is 0 of meer.' }]);
		expect(schemaFields(sectionInput, { text: 'x'.repeat(10_001), version: 0 })[0]!.message).toMatch(/hoogstens 10\.000 tekens/);
		expect(sectionParam.safeParse('meldkamer').error?.issues[0]?.message).toMatch(/^Onbekende sectie; kies uit samenvatting/);
	});
});

describe('SITRAPs', () => {
	let fresh: IncidentRecord;
	beforeAll(async () => {
		fresh = await makeIncident(t.db, crisis, { title: 'Treinongeval Heemskerk', municipalities: ['heemskerk', 'beverwijk'], grip: 2 });
	});

	it('are not published from an empty picture', async () => {
		const before = await logbookCounts(t.db);
		const err = await expectServiceError(publishSitrap(t.db, crisis, fresh.id, ctx), 400, 'picture_empty');
		expect(err.message).toMatch(/Het beeld is nog leeg/);
		expect(await logbookCounts(t.db)).toEqual(before);
	});

	it('publish numbered, timed snapshots of the whole picture; earlier ones stay as they were', async () => {
		await edit(crisis, fresh.id, 'samenvatting', 'Trein ontspoord, 40 reizigers.', 0);
		await edit(brandweer, fresh.id, 'brandweer', 'Technische hulpverlening.', 0);
		const one = await publishSitrap(t.db, crisis, fresh.id, ctx);
		expect(one).toMatchObject({ incidentId: fresh.id, number: 1, publishedBy: { id: crisis.id, name: 'Chris Crisis' }, exercise: false });
		expect(one.snapshot.incident).toMatchObject({ id: fresh.id, title: 'Treinongeval Heemskerk', grip: 2, status: 'actief', exercise: false, municipalities: ['beverwijk', 'heemskerk'] });
		expect(one.snapshot.sections).toHaveLength(6);
		expect(one.snapshot.sections.find((s) => s.section === 'samenvatting')!.text).toBe('Trein ontspoord, 40 reizigers.');

		await edit(crisisBeverwijk, fresh.id, 'samenvatting', 'Alle reizigers opgevangen.', 1);
		await changeGrip(t.db, crisis, fresh.id, parse(gripChangeInput, { grip: 3, reason: 'Effecten voor de bevolking van Heemskerk' }), ctx);
		const two = await publishSitrap(t.db, crisisBeverwijk, fresh.id, ctx);
		expect(two.number).toBe(2);
		expect(two.snapshot.incident.grip).toBe(3);
		expect(two.snapshot.sections.find((s) => s.section === 'samenvatting')).toMatchObject({ text: 'Alle reizigers opgevangen.', version: 2 });

		// SITRAP 1 is still readable exactly as published.
		expect(await sitrapOf(t.db, waarnemer, fresh.id, '1')).toEqual(one);
		expect((await sitrapsOf(t.db, waarnemer, fresh.id)).map((s) => s.number)).toEqual([2, 1]);
		const events = await eventsOfType(t.db, `incident:${fresh.id}`, 'sitrap.published');
		expect(events.map((e) => (e.data as { number: number }).number)).toEqual([1, 2]);
		await expectServiceError(sitrapOf(t.db, waarnemer, fresh.id, '3'), 404, 'not_found');
		await expectServiceError(sitrapOf(t.db, waarnemer, fresh.id, 'laatste'), 404, 'not_found');
	});

	it('are numbered without gaps or doubles when published at the same moment', async () => {
		const race = await makeIncident(t.db, crisis, { title: 'Gelijktijdig' });
		await edit(crisis, race.id, 'samenvatting', 'Beeld', 0);
		const published = await Promise.all(Array.from({ length: 6 }, (_, i) => publishSitrap(t.db, i % 2 ? crisis : crisisBeverwijk, race.id, ctx)));
		expect(published.map((s) => s.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('are published by the crisis team (and the oefenleider in an exercise), read by everyone', async () => {
		const before = await logbookCounts(t.db);
		await expectServiceError(publishSitrap(t.db, waarnemer, fresh.id, ctx), 403, 'forbidden');
		await expectServiceError(publishSitrap(t.db, brandweer, fresh.id, ctx), 403, 'forbidden');
		await expectServiceError(publishSitrap(t.db, oefenleider, fresh.id, ctx), 403, 'forbidden');
		expect(await logbookCounts(t.db)).toEqual(before);
		expect(canPublishSitrap(waarnemer, fresh)).toBe(false);
		expect(canPublishSitrap(crisisBeverwijk, fresh)).toBe(true);

		const sitrap = await publishSitrap(t.db, oefenleider, oefening.id, ctx);
		expect(sitrap).toMatchObject({ number: 1, exercise: true, snapshot: { incident: { exercise: true } } });
		const [event] = await eventsOfType(t.db, `incident:${oefening.id}`, 'sitrap.published');
		expect(event!.exercise).toBe(true);
	});

	it('of a closed incident are refused in Dutch, and nothing is written; earlier ones stay readable', async () => {
		const closing = await makeIncident(t.db, crisis, { title: 'Gesloten brand' });
		await edit(crisis, closing.id, 'samenvatting', 'Klaar', 0);
		await publishSitrap(t.db, crisis, closing.id, ctx);
		await changeStatus(t.db, crisis, closing.id, parse(statusChangeInput, { status: 'gesloten' }), ctx);
		const before = await logbookCounts(t.db);
		const err = await expectServiceError(publishSitrap(t.db, crisis, closing.id, ctx), 409, 'incident_closed');
		expect(err.message).toBe('Dit incident is gesloten; er wordt geen SITRAP meer gepubliceerd.');
		const section = await expectServiceError(edit(crisis, closing.id, 'samenvatting', 'Toch nog', 1), 409, 'incident_closed');
		expect(section.message).toBe('Dit incident is gesloten; het beeld wijzigt niet meer.');
		expect(await logbookCounts(t.db)).toEqual(before);
		expect((await sitrapOf(t.db, waarnemer, closing.id, 1)).number).toBe(1);
	});

	it('roll back completely when announcing fails', async () => {
		const fault = await makeIncident(t.db, crisis, { title: 'Storing bij publiceren' });
		await edit(crisis, fault.id, 'samenvatting', 'Beeld', 0);
		const before = await logbookCounts(t.db);
		await withEventFault(t.db, { topic: `incident:${fault.id}`, type: 'sitrap.published' }, async () => {
			await expect(publishSitrap(t.db, crisis, fault.id, ctx)).rejects.toThrow(/injected fault/);
		});
		expect(await logbookCounts(t.db)).toEqual(before);
		expect((await publishSitrap(t.db, crisis, fault.id, ctx)).number).toBe(1);
	});
});

/**
 * The text lines of a PDF made by pdfkit: content streams inflated, each TJ array's hex strings
 * joined (kerning splits words), WinAnsi's dash back to Unicode. pdfkit writes `stream\n`, the
 * compressed bytes and `\nendstream`: a `\r` before that newline is the data's own last byte
 * (about one stream in 256, depending on the timestamps in the text), so it must not be eaten.
 */
/** What Poppler reads from the real file: the page count and every line of text. */
function pdfText(pdf: Buffer): { pages: number; lines: string[] } {
	return { pages: pdfPages(pdf).length, lines: pdfLines(pdf) };
}
const BANNER = 'OEFENING — dit is een oefening; niets hierin is echt';

describe('PDF export', () => {
	it('of an exercise SITRAP carries the OEFENING mark on every page', async () => {
		await edit(oefenleider, oefening.id, 'samenvatting', 'Lange oefentekst. '.repeat(520), 0);
		const sitrap = await publishSitrap(t.db, oefenleider, oefening.id, ctx);
		const pdf = await renderSitrapPdf(sitrap);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const { pages, lines } = pdfText(pdf);
		expect(pages).toBeGreaterThanOrEqual(2);
		// The banner once per page, and the footer of every page marked too.
		expect(lines.filter((l) => l === BANNER)).toHaveLength(pages);
		expect(lines.filter((l) => l.startsWith('OEFENING · Paraat · SITRAP'))).toHaveLength(pages);
		// Under the banner, the title comes first (in the wider Unicode font it takes two lines).
		expect(lines.filter((l) => l !== BANNER).slice(0, 2).join(' ')).toBe('OEFENING — SITRAP 2 — Oefening Hoogwater');
	});

	it('of a real SITRAP has no exercise mark', async () => {
		const real = await makeIncidentWithSitrap();
		const sitrap = await sitrapOf(t.db, waarnemer, real.id, 1);
		const { pages, lines } = pdfText(await renderSitrapPdf(sitrap));
		expect(pages).toBe(1);
		expect(lines.some((l) => l.includes('OEFENING'))).toBe(false);
		expect(lines[0]).toBe('SITRAP 1 — Echt incident met SITRAP');
		expect(lines).toContain('Echt beeld');
	});

	it('of the evaluation timeline marks an exercise too', async () => {
		const rows = [{ at: new Date().toISOString(), offsetMinutes: 3, type: 'grip' as const, discipline: '', description: 'GRIP 1 → 2: uitbreiding', actor: 'O', responseMinutes: null, loggingDelayMinutes: null, verificationMinutes: null }];
		const { pages, lines } = pdfText(await renderTimelinePdf({ title: 'Oefening', exercise: true, startedAt: new Date().toISOString(), rows }));
		expect(lines.filter((l) => l === BANNER)).toHaveLength(pages);
		expect(lines).toContain('GRIP 1 → 2: uitbreiding');
	});
});

async function makeIncidentWithSitrap(): Promise<IncidentRecord> {
	const real = await makeIncident(t.db, crisis, { title: 'Echt incident met SITRAP' });
	await edit(crisis, real.id, 'samenvatting', 'Echt beeld', 0);
	await publishSitrap(t.db, crisis, real.id, ctx);
	return real;
}
