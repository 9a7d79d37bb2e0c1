// The regional calendar's rules: local days in Europe/Amsterdam (midnight crossing, the 07:00
// night rule, both daylight-saving changes), the day load with its threshold (6 is not druk,
// 7 is), samenlopend groups, month grids and references.
import { describe, expect, it } from 'vitest';
import {
	dayLoads,
	eventDayOfEnd,
	eventReference,
	registrationYear,
	gridWindow,
	instantRange,
	isBusy,
	isLocalDate,
	loadLevel,
	localDateOf,
	localDaysOf,
	localInstant,
	monthGrid,
	monthWindow,
	addMonths,
	parseEventReference,
	samenlopend,
	samenlopendWith,
	formatEventTimes,
	type CalendarItem
} from '../../src/lib/domain/calendar/index.ts';

describe('localDaysOf', () => {
	it.each([
		// [what, startsAt, endsAt, days]
		['one afternoon', '2027-06-12T12:00:00Z', '2027-06-12T16:00:00Z', ['2027-06-12']],
		['14:00 to 02:00 is one late day', '2027-06-12T12:00:00Z', '2027-06-13T00:00:00Z', ['2027-06-12']],
		['an end at 06:59 still belongs to the evening before', '2027-06-12T18:00:00Z', '2027-06-13T04:59:00Z', ['2027-06-12']],
		['an end at 07:00 is a second day', '2027-06-12T18:00:00Z', '2027-06-13T05:00:00Z', ['2027-06-12', '2027-06-13']],
		['Friday to Sunday is three days', '2027-08-27T08:00:00Z', '2027-08-29T17:00:00Z', ['2027-08-27', '2027-08-28', '2027-08-29']],
		['Friday to Sunday night 01:00 is still three days', '2027-08-27T08:00:00Z', '2027-08-29T23:00:00Z', ['2027-08-27', '2027-08-28', '2027-08-29']],
		['UTC evening is the next local day in summer', '2027-06-12T22:30:00Z', '2027-06-13T01:00:00Z', ['2027-06-13']],
		['a start in the small hours keeps its own date', '2027-06-13T01:00:00Z', '2027-06-13T03:00:00Z', ['2027-06-13']],
		['offsets other than Amsterdam count in Amsterdam time', '2027-06-12T08:00:00-05:00', '2027-06-12T20:00:00-05:00', ['2027-06-12']],
		// 25 October 2026: 03:00 CEST becomes 02:00 CET. 06:59 CET is 05:59Z; 07:00 CET is 06:00Z.
		['autumn DST night: 06:59 CET is still the evening before', '2026-10-24T18:00:00Z', '2026-10-25T05:59:00Z', ['2026-10-24']],
		['autumn DST night: 07:00 CET is the next day', '2026-10-24T18:00:00Z', '2026-10-25T06:00:00Z', ['2026-10-24', '2026-10-25']],
		// 28 March 2027: 02:00 CET becomes 03:00 CEST. 06:59 CEST is 04:59Z; 07:00 CEST is 05:00Z.
		['spring DST night: 06:59 CEST is still the evening before', '2027-03-27T18:00:00Z', '2027-03-28T04:59:00Z', ['2027-03-27']],
		['spring DST night: 07:00 CEST is the next day', '2027-03-27T18:00:00Z', '2027-03-28T05:00:00Z', ['2027-03-27', '2027-03-28']],
		['a naive UTC+1 would put this on the 28th: 23:30 CET on the 27th', '2027-03-27T22:30:00Z', '2027-03-27T23:30:00Z', ['2027-03-27']],
		['across the year end', '2026-12-31T20:00:00Z', '2027-01-01T02:00:00Z', ['2026-12-31']],
		['across a leap day', '2028-02-28T10:00:00Z', '2028-03-01T10:00:00Z', ['2028-02-28', '2028-02-29', '2028-03-01']]
	])('%s', (_what, startsAt, endsAt, days) => {
		expect(localDaysOf(startsAt, endsAt)).toEqual(days);
	});

	it('clips to a window, possibly to nothing', () => {
		const kermis = ['2027-09-03T10:00:00Z', '2027-09-12T21:00:00Z'] as const;
		expect(localDaysOf(...kermis, { from: '2027-09-10', to: '2027-09-30' })).toEqual(['2027-09-10', '2027-09-11', '2027-09-12']);
		expect(localDaysOf(...kermis, { from: '2027-09-13', to: '2027-09-30' })).toEqual([]);
		// The night after the 30th still belongs to the 30th, not to the next window.
		expect(localDaysOf('2027-09-30T18:00:00Z', '2027-10-01T02:00:00Z', { from: '2027-10-01', to: '2027-10-31' })).toEqual([]);
	});

	it('caps a pathological span', () => {
		expect(localDaysOf('2020-01-01T10:00:00Z', '2030-01-01T10:00:00Z')).toHaveLength(400);
	});

	it('accepts Dates as read from timestamptz columns', () => {
		expect(localDaysOf(new Date('2027-06-12T12:00:00Z'), new Date('2027-06-14T12:00:00Z'))).toHaveLength(3);
	});
});

describe('local dates and instants', () => {
	it.each([
		['2026-10-24T22:30:00Z', '2026-10-25'],
		['2026-10-25T22:30:00Z', '2026-10-25'],
		['2027-03-27T23:30:00Z', '2027-03-28'],
		['2027-03-27T22:59:59Z', '2027-03-27']
	])('%s is local date %s', (instant, date) => expect(localDateOf(instant)).toBe(date));

	it.each([
		['2026-10-25T05:59:00Z', '2026-10-24'],
		['2026-10-25T06:00:00Z', '2026-10-25'],
		['2027-03-28T04:59:00Z', '2027-03-27'],
		['2027-03-28T05:00:00Z', '2027-03-28']
	])('an end at %s belongs to %s', (end, date) => expect(eventDayOfEnd(end)).toBe(date));

	it('local midnight and 07:00 are the right instants on both DST days', () => {
		expect(localInstant('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
		expect(localInstant('2026-10-25', 7).toISOString()).toBe('2026-10-25T06:00:00.000Z');
		expect(localInstant('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
		expect(localInstant('2027-03-28', 7).toISOString()).toBe('2027-03-28T05:00:00.000Z');
		expect(instantRange({ from: '2027-06-01', to: '2027-06-30' })).toEqual({
			from: new Date('2027-05-31T22:00:00Z'),
			to: new Date('2027-07-01T05:00:00Z')
		});
	});

	it.each([
		['2027-02-28', true],
		['2027-02-29', false],
		['2028-02-29', true],
		['2027-13-01', false],
		['2027-6-1', false],
		['morgen', false]
	])('isLocalDate(%s) is %s', (value, ok) => expect(isLocalDate(value)).toBe(ok));
});

const item = (id: string, category: CalendarItem['category'], startsAt: string, endsAt: string, municipality = 'haarlem'): CalendarItem => ({
	id,
	municipality,
	category,
	startsAt,
	endsAt
});

describe('day load and druk', () => {
	it.each([
		[0, false],
		[5, false],
		[6, false],
		[7, true],
		[12, true]
	])('load %i busy: %s', (load, busy) => expect(isBusy(load)).toBe(busy));

	it('counts 3 per C and 1 per B across the region; A and unclassified count 0', () => {
		const day = (id: string, c: CalendarItem['category'], m: string) => item(id, c, '2027-08-28T08:00:00Z', '2027-08-28T20:00:00Z', m);
		const six = [day('gp', 'C', 'zandvoort'), day('strand', 'B', 'bloemendaal'), day('jazz', 'B', 'haarlem'), day('kermis', 'B', 'heemskerk'), day('buurt', 'A', 'uitgeest'), day('nieuw', null, 'velsen')];
		expect(dayLoads(six)).toEqual([{ date: '2027-08-28', load: 6, busy: false, events: ['gp', 'strand', 'jazz', 'kermis', 'buurt', 'nieuw'] }]);
		const seven = [...six, day('loop', 'B', 'haarlemmermeer')];
		expect(dayLoads(seven)[0]).toMatchObject({ load: 7, busy: true });
		expect(dayLoads([day('a', 'C', 'zandvoort'), day('b', 'C', 'velsen')])[0]).toMatchObject({ load: 6, busy: false });
		expect(dayLoads([day('a', 'C', 'zandvoort'), day('b', 'C', 'velsen'), day('c', 'B', 'haarlem')])[0]).toMatchObject({ load: 7, busy: true });
	});

	it('a multi-day event loads every day it runs, a late night only its evening', () => {
		const loads = dayLoads([
			item('gp', 'C', '2027-08-27T08:00:00Z', '2027-08-29T17:00:00Z', 'zandvoort'),
			item('feest', 'B', '2027-08-28T18:00:00Z', '2027-08-29T00:30:00Z', 'haarlem')
		]);
		expect(loads.map((d) => [d.date, d.load])).toEqual([
			['2027-08-27', 3],
			['2027-08-28', 4],
			['2027-08-29', 3]
		]);
	});

	it('limits to a window', () => {
		const loads = dayLoads([item('gp', 'C', '2027-08-27T08:00:00Z', '2027-08-29T17:00:00Z')], { from: '2027-08-28', to: '2027-08-28' });
		expect(loads.map((d) => d.date)).toEqual(['2027-08-28']);
	});

	it.each([
		[0, 'geen'],
		[1, 'laag'],
		[3, 'laag'],
		[4, 'hoog'],
		[6, 'hoog'],
		[7, 'druk']
	])('load %i is heat level %s', (load, level) => expect(loadLevel(load)).toBe(level));
});

describe('samenlopend', () => {
	it('groups overlapping events of one municipality, chains included; touching or elsewhere is not', () => {
		const entries = [
			item('markt', 'A', '2027-04-27T07:00:00Z', '2027-04-27T15:00:00Z'),
			item('podium', 'B', '2027-04-27T12:00:00Z', '2027-04-27T20:00:00Z'),
			item('nacht', 'B', '2027-04-27T19:00:00Z', '2027-04-27T22:00:00Z'),
			item('na', 'A', '2027-04-27T22:00:00Z', '2027-04-27T23:00:00Z'),
			item('velsen', 'B', '2027-04-27T12:00:00Z', '2027-04-27T20:00:00Z', 'velsen'),
			item('ijmuiden', 'A', '2027-04-27T13:00:00Z', '2027-04-27T14:00:00Z', 'velsen'),
			item('alleen', 'C', '2027-04-27T12:00:00Z', '2027-04-27T20:00:00Z', 'zandvoort')
		];
		expect(samenlopend(entries)).toEqual([
			['markt', 'podium', 'nacht'],
			['velsen', 'ijmuiden']
		]);
	});

	it('finds what runs alongside one application (itself excluded, new ones without id too)', () => {
		const entries = [item('a', 'A', '2027-05-05T10:00:00Z', '2027-05-05T18:00:00Z'), item('b', 'C', '2027-05-05T17:00:00Z', '2027-05-05T22:00:00Z')];
		expect(samenlopendWith(entries[0]!, entries).map((e) => e.id)).toEqual(['b']);
		expect(samenlopendWith({ municipality: 'haarlem', startsAt: '2027-05-05T09:00:00Z', endsAt: '2027-05-05T10:30:00Z' }, entries).map((e) => e.id)).toEqual(['a']);
		expect(samenlopendWith({ municipality: 'velsen', startsAt: '2027-05-05T09:00:00Z', endsAt: '2027-05-05T23:00:00Z' }, entries)).toEqual([]);
	});

	it('has no groups without overlap', () => {
		expect(samenlopend([])).toEqual([]);
		expect(samenlopend([item('a', 'A', '2027-05-05T10:00:00Z', '2027-05-05T18:00:00Z')])).toEqual([]);
	});
});

describe('month grid', () => {
	it('shows whole weeks from Monday', () => {
		const weeks = monthGrid('2027-02');
		expect(weeks[0]![0]).toBe('2027-02-01'); // a Monday
		expect(weeks.at(-1)![6]).toBe('2027-02-28');
		expect(weeks).toHaveLength(4);
		const june = monthGrid('2027-06');
		expect(june[0]![0]).toBe('2027-05-31');
		expect(june.at(-1)![6]).toBe('2027-07-04');
		expect(gridWindow('2027-06')).toEqual({ from: '2027-05-31', to: '2027-07-04' });
		expect(monthWindow('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
		expect(addMonths('2026-12', 1)).toBe('2027-01');
		expect(addMonths('2027-01', -1)).toBe('2026-12');
		expect(addMonths('2027-01', -13)).toBe('2025-12');
	});
});

describe('references', () => {
	it('is <GEMEENTE>-<jaar>-<volgnummer>', () => {
		expect(eventReference('zandvoort', 2027, 1)).toBe('ZVT-2027-0001');
		expect(eventReference('haarlem', 2027, 12)).toBe('HLM-2027-0012');
		expect(eventReference('haarlemmermeer', 2027, 12345)).toBe('HLMR-2027-12345');
		expect(parseEventReference('HLMR-2027-0012')).toEqual({ municipality: 'haarlemmermeer', year: 2027, sequence: 12 });
		expect(parseEventReference('XYZ-2027-0012')).toBeNull();
		expect(() => eventReference('amsterdam', 2027, 1)).toThrow();
		expect(() => eventReference('haarlem', 2027, 0)).toThrow();
	});

	it('takes the local (Amsterdam) year of registration', () => {
		const cases: [string, number][] = [
			['2026-12-07T10:00:00Z', 2026],
			['2026-12-31T22:59:59Z', 2026], // 23:59:59 local
			['2026-12-31T23:00:00Z', 2027], // midnight local: already the new year
			['2027-01-01T00:30:00Z', 2027],
			['2027-07-01T21:59:00Z', 2027]
		];
		for (const [at, year] of cases) expect(registrationYear(new Date(at)), at).toBe(year);
	});
});

describe('formatEventTimes', () => {
	it('says when an event runs in Dutch', () => {
		expect(formatEventTimes('2027-06-12T12:00:00Z', '2027-06-13T00:00:00Z')).toBe('zaterdag 12 juni 2027 14:00–02:00');
		expect(formatEventTimes('2027-08-27T08:00:00Z', '2027-08-29T17:00:00Z')).toBe('vrijdag 27 augustus 2027 10:00 tot zondag 29 augustus 2027 19:00');
	});
});

describe('the remembered Amsterdam offset', () => {
	it('gives the same local date as Intl for every quarter hour around both DST changes and across years', async () => {
		const { toLocalDateTime } = await import('../../src/lib/domain/risicoscan/index.ts');
		const intlDate = (ms: number) => {
			const l = toLocalDateTime(new Date(ms));
			return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
		};
		const spans = [
			['2026-10-24T00:00:00Z', '2026-10-26T12:00:00Z'],
			['2027-03-27T00:00:00Z', '2027-03-29T12:00:00Z'],
			['2026-12-31T20:00:00Z', '2027-01-01T04:00:00Z']
		] as const;
		for (const [from, to] of spans) {
			for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 15 * 60_000) expect(localDateOf(new Date(ms)), new Date(ms).toISOString()).toBe(intlDate(ms));
		}
		for (let i = 0; i < 2000; i++) {
			const ms = Date.parse('2020-01-01T00:00:00Z') + Math.floor(Math.random() * 15 * 365 * 86_400_000);
			expect(localDateOf(new Date(ms))).toBe(intlDate(ms));
		}
	});
});
