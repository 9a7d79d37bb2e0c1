// The CSV and Excel exports side by side, read back with parsers: ExcelJS opens the workbook
// (a separate, widely used implementation, not the writer), csv-parse the CSV. The workbook has
// real date and number cells holding what the CSV says, the CSV keeps its BOM and ';', and each
// file uses one date-time format, named in the header.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { insertApplication } from '../support/calendar-fixtures.ts';
import { makeIncident } from '../support/incident-fixtures.ts';
import { logEntry } from '../support/logbook-fixtures.ts';
import * as calendarCsvRoute from '../../src/routes/api/v1/calendar.csv/+server.ts';
import * as calendarXlsxRoute from '../../src/routes/api/v1/calendar.xlsx/+server.ts';
import * as timelineCsvRoute from '../../src/routes/api/v1/incidents/[id=uuid]/timeline/csv/+server.ts';
import * as timelineXlsxRoute from '../../src/routes/api/v1/incidents/[id=uuid]/timeline/xlsx/+server.ts';

type Handler = (event: never) => Promise<Response>;

let t: TestDatabase;
let reader: SessionUser;
let crisis: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	reader = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: null }] });
	crisis = await createUser(t.db, { name: 'Şahin Yılmaz', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

async function call(handler: Handler, user: SessionUser, path: string, params: Record<string, string> = {}) {
	const url = new URL(`http://paraat.test${path}`);
	const response = await handler({ locals: { user }, params, url, request: new Request(url), getClientAddress: () => '192.0.2.1' } as never);
	expect(response.status).toBe(200);
	return { headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function readCsv(body: Buffer): string[][] {
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	return parseCsv(body, { bom: true, delimiter: ';' }) as string[][];
}

async function readXlsx(body: Buffer): Promise<{ sheet: string; rows: ExcelJS.CellValue[][]; cells: ExcelJS.Cell[][] }> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(body as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0]!;
	const cells: ExcelJS.Cell[][] = [];
	sheet.eachRow((row) => {
		const line: ExcelJS.Cell[] = [];
		for (let c = 1; c <= sheet.columnCount; c++) line.push(row.getCell(c));
		cells.push(line);
	});
	return { sheet: sheet.name, rows: cells.map((r) => r.map((c) => c.value)), cells };
}

/** An Excel date-time is wall-clock time: read its UTC fields as the Dutch local time. */
function wallClock(d: Date): string {
	const [date, time] = d.toISOString().slice(0, 19).split('T') as [string, string];
	const [year, month, day] = date.split('-');
	return `${day}-${month}-${year} ${time}`;
}

describe('calendar: /api/v1/calendar.csv and /api/v1/calendar.xlsx', () => {
	it('hold the same rows; the workbook has date and number cells; one date format, named in the header', async () => {
		await insertApplication(t.db, { name: 'Zomerfeest Gödöllő', municipality: 'haarlem', category: 'B', startsAt: '2027-07-03T10:00:00Z', endsAt: '2027-07-03T20:30:00Z', peakVisitors: 2500, totalVisitors: 6000 });
		await insertApplication(t.db, { name: 'Kerstmarkt', municipality: 'velsen', category: 'A', startsAt: '2027-12-11T09:00:00Z', endsAt: '2027-12-11T17:00:00Z', peakVisitors: 800 });
		const query = '?from=2027-07-01&to=2027-12-31';
		const csv = await call(calendarCsvRoute.GET as Handler, reader, `/api/v1/calendar.csv${query}`);
		const xlsx = await call(calendarXlsxRoute.GET as Handler, reader, `/api/v1/calendar.xlsx${query}`);
		expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="evenementenkalender-regio-2027-07-01-2027-12-31.xlsx"');

		const csvRows = readCsv(csv.body);
		const book = await readXlsx(xlsx.body);
		expect(book.sheet).toBe('Evenementen');
		expect(book.rows[0]).toEqual(csvRows[0]);
		expect(csvRows[0]).toEqual([
			'Kenmerk', 'Naam', 'Gemeente', 'Klasse', 'Procedure', 'Status', 'Begin (dd-mm-jjjj uu:mm)', 'Einde (dd-mm-jjjj uu:mm)',
			'Bezoekers tegelijk (piek)', 'Bezoekers totaal', 'Hoogste dagbelasting regio', 'Druk', 'Samenlopend met'
		]);
		expect(csvRows).toHaveLength(3);
		expect(csvRows[1]!.slice(1, 11)).toEqual(['Zomerfeest Gödöllő', 'Haarlem', 'B', 'vergunning', 'ingediend', '03-07-2027 12:00', '03-07-2027 22:30', '2500', '6000', '1']);
		// Every date column of the CSV in the one format.
		for (const row of csvRows.slice(1)) for (const value of row.slice(6, 8)) expect(value).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);

		const [, summer, winter] = book.cells;
		expect(summer![6]!.type).toBe(ExcelJS.ValueType.Date);
		expect(summer![6]!.numFmt).toBe('dd-mm-yyyy hh:mm');
		expect((summer![6]!.value as Date).toISOString()).toBe('2027-07-03T12:00:00.000Z'); // 12:00 in Haarlem (CEST)
		expect((winter![7]!.value as Date).toISOString()).toBe('2027-12-11T18:00:00.000Z'); // 18:00 in Velsen (CET)
		expect(summer![8]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 2500 });
		expect(summer![9]).toMatchObject({ type: ExcelJS.ValueType.Number, value: 6000 });
		expect(winter![9]!.type).toBe(ExcelJS.ValueType.Null); // no total given: empty, not 0
		expect(summer![1]).toMatchObject({ type: ExcelJS.ValueType.String, value: 'Zomerfeest Gödöllő' });
		// Round trip: the workbook's values are the CSV's.
		book.rows.slice(1).forEach((row, i) => {
			const expected = csvRows[i + 1]!;
			row.forEach((value, c) => {
				const text = value instanceof Date ? wallClock(value).slice(0, 16) : value === null ? '' : String(value);
				expect(text, `rij ${i + 1}, kolom ${csvRows[0]![c]}`).toBe(expected[c]);
			});
		});
	});
});

describe('evaluation timeline: …/timeline/csv and …/timeline/xlsx', () => {
	it('hold the same rows with Dutch headers, seconds in the one date format, minutes as numbers', async () => {
		const incident = await makeIncident(t.db, crisis, { title: 'Brand Łódź-straat', grip: 1 });
		await logEntry(t.db, crisis, incident.id, { text: 'Contact met Ελένη en Юлия', discipline: 'brandweer' });
		const csv = await call(timelineCsvRoute.GET as Handler, crisis, '/x', { id: incident.id });
		const xlsx = await call(timelineXlsxRoute.GET as Handler, crisis, '/x', { id: incident.id });
		const csvRows = readCsv(csv.body);
		const book = await readXlsx(xlsx.body);
		expect(book.sheet).toBe('Evaluatietijdlijn');
		expect(csvRows[0]).toEqual([
			'Markering', 'Tijdstip (dd-mm-jjjj uu:mm:ss)', 'Minuten na start (T)', 'Soort', 'Discipline', 'Omschrijving', 'Door',
			'Reactietijd (minuten)', 'Registratievertraging (minuten)', 'Verificatietijd (minuten)'
		]);
		expect(book.rows[0]).toEqual(csvRows[0]);
		const entry = csvRows.findIndex((r) => r[3] === 'Logregel');
		expect(csvRows[entry]!.slice(3, 7)).toEqual(['Logregel', 'Brandweer', '#1 melding: Contact met Ελένη en Юлия', 'Şahin Yılmaz']);
		expect(csvRows[entry]![1]).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d:\d\d$/);
		const cells = book.cells[entry]!;
		expect(cells[1]!.type).toBe(ExcelJS.ValueType.Date);
		expect(cells[1]!.numFmt).toBe('dd-mm-yyyy hh:mm:ss');
		expect(wallClock(cells[1]!.value as Date)).toBe(csvRows[entry]![1]);
		expect(cells[2]).toMatchObject({ type: ExcelJS.ValueType.Number, value: Number(csvRows[entry]![2]) });
		expect(cells[5]).toMatchObject({ type: ExcelJS.ValueType.String, value: '#1 melding: Contact met Ελένη en Юлия' });
	});
});
