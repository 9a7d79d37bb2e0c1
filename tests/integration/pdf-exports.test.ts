// The three PDF exports (SITRAP, evaluation timeline, Bibob file) made by the real services from
// real records, read back with Poppler: every font embedded as a subset, the names a Dutch
// municipality meets come back out as written, the file is tagged (structure tree, nl-NL,
// title), and the OEFENING / VERTROUWELIJK marks and page numbers are on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { sectionInput } from '../../src/lib/server/logbook/log-input.ts';
import { changeSection, publishSitrap } from '../../src/lib/server/logbook/picture-service.ts';
import { renderSitrapPdf } from '../../src/lib/server/logbook/pdf.ts';
import { timelinePdf } from '../../src/lib/server/logbook/timeline-service.ts';
import * as bibob from '../../src/lib/server/bibob/bibob-service.ts';
import * as bibobInput from '../../src/lib/server/bibob/bibob-input.ts';
import { exportFile } from '../../src/lib/server/bibob/bibob-read-service.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, makeIncident, parse } from '../support/incident-fixtures.ts';
import { logEntry } from '../support/logbook-fixtures.ts';
import { ctx as bibobCtx, openOtherScreening } from '../support/bibob-fixtures.ts';
import { pdfFonts, pdfInfo, pdfLines, pdfPages, pdfStructure } from '../support/poppler.ts';

const NAMES = ['Şahin', 'Łukasz', 'Gödöllő', 'Ελένη', 'Юлия', 'Søren', 'Straße', 'François'];
const ARABIC = 'محمد';

let t: TestDatabase;
let crisis: SessionUser;
let oefenleider: SessionUser;
let officer: SessionUser;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	crisis = await createUser(t.db, { name: 'Łukasz Wiśniewski', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	oefenleider = await createUser(t.db, { name: 'Ελένη Παπαδοπούλου', grants: [{ role: 'oefenleider', municipality: 'haarlem' }] });
	officer = await createUser(t.db, { name: 'Юлия Иванова', grants: [{ role: 'bibob', municipality: 'haarlem' }] });
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Gödöllő', kind: 'oefening', grip: 1 });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

function expectAccessible(pdf: Buffer, title: string) {
	const fonts = pdfFonts(pdf);
	expect(fonts.length).toBeGreaterThan(0);
	for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
	expect(fonts.map((f) => f.name).every((n) => /^[A-Z]{6}\+DejaVuSans/.test(n))).toBe(true);
	const info = pdfInfo(pdf);
	expect(info.Tagged).toBe('yes');
	expect(info.Title).toBe(title);
	expect(pdfStructure(pdf)[0]).toBe('Document');
	expect(pdf.toString('latin1')).toMatch(/\/Lang \(nl-NL\)/);
	expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
}

describe('PDF exports print every name and are accessible', () => {
	it('the evaluation timeline', async () => {
		for (const name of NAMES) await logEntry(t.db, oefenleider, oefening.id, { text: `Contact met ${name} gelegd` });
		await logEntry(t.db, oefenleider, oefening.id, { text: `Tolk voor ${ARABIC} geregeld` });
		// Enough lines for several pages, so every page's marks and numbers can be checked.
		for (let i = 0; i < 70; i++) await logEntry(t.db, oefenleider, oefening.id, { text: `Voortgang ${i}` });
		const { pdf } = await timelinePdf(t.db, oefenleider, oefening.id, ctx);
		expectAccessible(pdf, 'OEFENING — Evaluatietijdlijn — Oefening Gödöllő');
		const text = pdfLines(pdf).join('\n');
		for (const name of NAMES) expect(text).toContain(`Contact met ${name} gelegd`);
		// Arabic: the glyphs are there (no replacement); Poppler extracts the right-to-left run in visual order.
		expect(text).toMatch(/Tolk voor .*[\u0600-\u06ff]{4}/);
		expect(text).not.toContain('?');
		const pages = pdfPages(pdf);
		expect(pages.length).toBeGreaterThan(1);
		pages.forEach((page, i) => {
			expect(page).toContain('OEFENING — dit is een oefening; niets hierin is echt');
			expect(page).toContain(`pagina ${i + 1} van ${pages.length}`);
		});
		// Reading order: the heading first, then the rows in time order.
		const structure = pdfStructure(pdf);
		expect(structure.slice(0, 3).map((l) => l.trim())).toEqual(['Document', 'H1 (block)', 'P (block)']);
	});

	it('a SITRAP', async () => {
		await changeSection(t.db, oefenleider, oefening.id, 'samenvatting', parse(sectionInput, { text: `Opvang voor ${NAMES.join(', ')} en ${ARABIC}.`, version: 0 }), ctx);
		const sitrap = await publishSitrap(t.db, oefenleider, oefening.id, ctx);
		const pdf = await renderSitrapPdf(sitrap);
		expectAccessible(pdf, 'OEFENING — SITRAP 1 — Oefening Gödöllő');
		const text = pdfLines(pdf).join(' ');
		for (const name of [...NAMES, 'Παπαδοπούλου']) expect(text).toContain(name);
		expect(pdfStructure(pdf).map((l) => l.trim())).toContain('H2 (block)');
		for (const page of pdfPages(pdf)) expect(page).toContain('OEFENING — dit is een oefening');
	});

	it('a real incident\'s SITRAP carries no exercise mark', async () => {
		const real = await makeIncident(t.db, crisis, { title: 'Brand bij Şahin Bakkerij' });
		await changeSection(t.db, crisis, real.id, 'samenvatting', parse(sectionInput, { text: 'Uitslaande brand.', version: 0 }), ctx);
		const pdf = await renderSitrapPdf(await publishSitrap(t.db, crisis, real.id, ctx));
		expectAccessible(pdf, 'SITRAP 1 — Brand bij Şahin Bakkerij');
		expect(pdfLines(pdf).join(' ')).not.toContain('OEFENING');
	});

	it('the Bibob file, VERTROUWELIJK on every page', async () => {
		let file = await openOtherScreening(t.db, officer, 'haarlem');
		for (const name of NAMES) {
			file = await bibob.addParty(t.db, officer, file.id, bibobInput.partyInput.parse({ kind: 'persoon', name: `${name} Yılmaz`, role: 'financier', note: 'Betrokken via de holding; '.repeat(30) }), bibobCtx);
		}
		const { body } = await exportFile(t.db, officer, file.id, 'pdf', bibobCtx);
		const pdf = Buffer.from(body as Buffer);
		expectAccessible(pdf, `Bibob-dossier — ${file.permit}`);
		const text = pdfLines(pdf).join('\n');
		for (const name of NAMES) expect(text).toContain(`${name} Yılmaz`);
		expect(text).toContain('Юлия Иванова');
		const pages = pdfPages(pdf);
		expect(pages.length).toBeGreaterThan(1);
		pages.forEach((page, i) => {
			expect(page).toContain('VERTROUWELIJK — art. 28 Wet Bibob');
			expect(page).toContain(`pagina ${i + 1} van ${pages.length}`);
		});
		// The parties are a list a screen reader announces as one.
		expect(pdfStructure(pdf).map((l) => l.trim())).toEqual(expect.arrayContaining(['L (block)', 'LI (block)', 'LBody (block)']));
	});
});
