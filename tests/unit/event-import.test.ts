// The pure parts of the events-list import: recognising columns, reading Dutch dates, times and
// counts, one row as an application validated by the form's own schema, and the key that makes a
// second import of the same list create nothing.
import { describe, expect, it } from 'vitest';
import { detectMapping, normaliseHeader, resolveMapping } from '../../src/lib/domain/events/import-columns.ts';
import { eventImportKey, listNumber, parseListDate, parseListTime } from '../../src/lib/domain/events/import-cells.ts';
import { checkRow } from '../../src/lib/server/events/event-import-rows.ts';
import { csvRows, csvText, separatorOf } from '../../src/lib/server/spreadsheet/read-csv.ts';

describe('columns', () => {
	it('recognises the usual Dutch headers in any order, ignoring case, accents and punctuation', () => {
		const headers = ['Bezoekers', 'LOCATIE', 'Naam evenement', 'Datum', 'Begintijd', 'Eindtijd', 'E-mail', 'Opmerking xyz'];
		expect(detectMapping(headers)).toEqual({
			peakVisitors: 'Bezoekers',
			address: 'LOCATIE',
			name: 'Naam evenement',
			startDate: 'Datum',
			startTime: 'Begintijd',
			endTime: 'Eindtijd',
			organiserEmail: 'E-mail'
		});
		expect(normaliseHeader(' Oppervlakte (m²) ')).toBe('oppervlakte m2');
	});

	it('takes the officer\'s choice over the remembered mapping over the recognised one, and names missing required fields', () => {
		const headers = ['Titel', 'Wanneer', 'Locatie', 'Bezoekers'];
		expect(resolveMapping(headers, {}).missing).toEqual(['startDate']); // "Titel" is a known name header
		const remembered = resolveMapping(headers, { startDate: 'Wanneer', address: 'Bestaat niet' });
		expect(remembered.mapping).toEqual({ name: 'Titel', startDate: 'Wanneer', address: 'Locatie', peakVisitors: 'Bezoekers' });
		expect(remembered.columns).toEqual({ name: 0, startDate: 1, address: 2, peakVisitors: 3 });
		expect(remembered.missing).toEqual([]);
		// An empty choice means "not this field", even when the header is recognised.
		const chosen = resolveMapping(headers, { startDate: 'Wanneer' }, { peakVisitors: '', name: 'wanneer' });
		expect(chosen.mapping.peakVisitors).toBeUndefined();
		expect(chosen.mapping.name).toBe('Wanneer');
		// A choice for a header this file lacks (the form of the previous file) falls back.
		expect(resolveMapping(headers, {}, { name: 'Naam evenement', peakVisitors: 'Aantal' }).mapping).toMatchObject({ name: 'Titel', peakVisitors: 'Bezoekers' });
	});
});

describe('cells', () => {
	it.each([
		['12-06-2027', { date: '2027-06-12' }],
		['2027-06-12', { date: '2027-06-12' }],
		['1/6/2027', { date: '2027-06-01' }],
		['12.06.2027 14:30', { date: '2027-06-12', time: '14:30' }],
		['za 12 juni 2027', { date: '2027-06-12' }],
		['3 mrt 2027', { date: '2027-03-03' }],
		['12 juni 2027, 20.00', { date: '2027-06-12', time: '20:00' }]
	])('reads the date %s', (text, expected) => {
		expect(parseListDate(text)).toEqual(expected);
	});

	it('refuses what is not a real date, and reads workbook dates and day counts', () => {
		for (const bad of ['31-02-2027', '2027-13-01', 'morgen', '12-06-27', '12-06-2027 25:00']) expect(parseListDate(bad), bad).toBeUndefined();
		expect(parseListDate(new Date(Date.UTC(2027, 5, 12)))).toEqual({ date: '2027-06-12' });
		expect(parseListDate(new Date(Date.UTC(2027, 5, 12, 14, 0)))).toEqual({ date: '2027-06-12', time: '14:00' });
		expect(parseListDate(46550)).toEqual({ date: '2027-06-12' }); // Excel's serial for 12-06-2027
		expect(parseListDate(12)).toBeUndefined();
	});

	it('reads times as officers write them', () => {
		expect(parseListTime('14:00')).toBe('14:00');
		expect(parseListTime('9.30')).toBe('09:30');
		expect(parseListTime('14u')).toBe('14:00');
		expect(parseListTime('23 uur')).toBe('23:00');
		expect(parseListTime('24:00')).toBe('24:00');
		expect(parseListTime(0.75)).toBe('18:00');
		expect(parseListTime(new Date(Date.UTC(1899, 11, 30, 22, 15)))).toBe('22:15');
		for (const bad of ['25:00', '14:61', 'middag', '1,5']) expect(parseListTime(bad), bad).toBeUndefined();
	});

	it('reads counts the Dutch way and hands text on for the schema to refuse', () => {
		expect(listNumber('1.500')).toBe(1500);
		expect(listNumber('ca. 2.000')).toBe(2000);
		expect(listNumber(' 350 ')).toBe(350);
		expect(listNumber(1234.5)).toBe(1234.5);
		expect(listNumber('veel')).toBe('veel');
		expect(listNumber('')).toBeUndefined();
	});
});

describe('the key of an event', () => {
	it('is the same for the same municipality, name, start and location however they are written', () => {
		const a = eventImportKey('haarlem', 'Koningsdag  Grote Markt', '2027-04-27T10:00:00+02:00', 'Grote Markt, Haarlem');
		expect(eventImportKey('haarlem', 'koningsdag grote markt!', '2027-04-27T08:00:00Z', 'GROTE MARKT HAARLEM')).toBe(a);
		expect(eventImportKey('haarlem', 'Kóningsdag Grote Markt', '2027-04-27T10:00:00+02:00', 'Grote Markt, Haarlem')).toBe(a);
		expect(eventImportKey('velsen', 'Koningsdag Grote Markt', '2027-04-27T10:00:00+02:00', 'Grote Markt, Haarlem')).not.toBe(a);
		expect(eventImportKey('haarlem', 'Koningsdag Grote Markt', '2027-04-27T11:00:00+02:00', 'Grote Markt, Haarlem')).not.toBe(a);
		expect(eventImportKey('haarlem', 'Koningsdag Grote Markt', '2027-04-27T10:00:00+02:00', 'Botermarkt, Haarlem')).not.toBe(a);
		expect(eventImportKey('haarlem', 'Koningsnacht Grote Markt', '2027-04-27T10:00:00+02:00', 'Grote Markt, Haarlem')).not.toBe(a);
	});
});

describe('a row as an application', () => {
	const columns = { name: 0, startDate: 1, startTime: 2, endTime: 3, address: 4, peakVisitors: 5, eventType: 6 };
	const row = (cells: (string | number | Date)[]) => checkRow(cells, columns, 'haarlem', 7);

	it('becomes the body of the form, times in Dutch local time, the type from its Dutch label', () => {
		const checked = row(['Braderie Zijlstraat', '12-06-2027', '10:00', '17:00', 'Zijlstraat, Haarlem', '1.500', 'Markt of braderie']);
		expect(checked).toMatchObject({
			ok: true,
			input: { municipality: 'haarlem', name: 'Braderie Zijlstraat', startsAt: '2027-06-12T10:00:00+02:00', endsAt: '2027-06-12T17:00:00+02:00', address: 'Zijlstraat, Haarlem', peakVisitors: 1500, eventType: 'markt' }
		});
	});

	it('lasts the whole local day without times, and runs past midnight when the end is before the start', () => {
		const day = row(['Kermis', '27-04-2027', '', '', 'Grote Markt', 400, '']);
		expect(day).toMatchObject({ ok: true, input: { startsAt: '2027-04-27T00:00:00+02:00', endsAt: '2027-04-28T00:00:00+02:00' } });
		const night = row(['Nachtfestival', '12-06-2027', '20:00', '02:00', 'Strand', 800, 'festival']);
		expect(night).toMatchObject({ ok: true, input: { startsAt: '2027-06-12T20:00:00+02:00', endsAt: '2027-06-13T02:00:00+02:00' } });
		const winter = row(['Lichtjesavond', '12-12-2027', '18:00', '24:00', 'Centrum', 300, '']);
		expect(winter).toMatchObject({ ok: true, input: { startsAt: '2027-12-12T18:00:00+01:00', endsAt: '2027-12-13T00:00:00+01:00' } });
	});

	it('names every wrong field of the row with the schema\'s own Dutch reasons', () => {
		const checked = row(['', '31-02-2027', '10:00', '', 'Ergens', 'veel', 'rave']);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.errors.map((e) => [e.row, e.field])).toEqual([
			[7, 'startsAt'],
			[7, 'name'],
			[7, 'eventType'],
			[7, 'peakVisitors']
		]);
		expect(checked.errors.find((e) => e.field === 'startsAt')!.message).toBe('Datum (begin) «31-02-2027» is geen datum; schrijf bijvoorbeeld 12-06-2027.');
		expect(checked.errors.find((e) => e.field === 'name')!.message).toBe('Vul naam van het evenement in.');
		expect(checked.errors.find((e) => e.field === 'peakVisitors')!.message).toMatch(/^Piekbezetting moet een geheel getal/);
	});

	it('refuses a start in the hour skipped when summer time starts, and an end before the start', () => {
		const skipped = row(['Nachtloop', '28-03-2027', '02:30', '04:00', 'Duinen', 50, '']);
		expect(skipped.ok || skipped.errors).toEqual([{ row: 7, field: 'startsAt', message: expect.stringContaining('zomertijd') }]);
		const columnsWithEnd = { name: 0, startDate: 1, endDate: 2 };
		const backwards = checkRow(['Omgekeerd', '12-06-2027', '10-06-2027'], columnsWithEnd, 'haarlem', 3);
		expect(backwards.ok || backwards.errors).toEqual([{ row: 3, field: 'endsAt', message: 'Het einde moet na het begin liggen.' }]);
	});
});

describe('the CSV reader', () => {
	it('takes the separator the header uses, so a comma in a ;-file stays in its cell', () => {
		expect(separatorOf('Naam;Locatie\nA;"B, C"')).toBe(';');
		expect(separatorOf('Naam,Locatie,Datum\n')).toBe(',');
		expect(separatorOf('Naam\tLocatie\n')).toBe('\t');
		expect(csvRows('Naam evenement;Locatie;Bezoekers\nBraderie;Grote Markt 2, Haarlem;1,5\n')).toEqual([
			['Naam evenement', 'Locatie', 'Bezoekers'],
			['Braderie', 'Grote Markt 2, Haarlem', '1,5']
		]);
	});

	it('reads UTF-8 and the Windows-1252 that Dutch Excel writes', () => {
		expect(csvText(new TextEncoder().encode('Café'))).toBe('Café');
		expect(csvText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toBe('Café');
	});
});
