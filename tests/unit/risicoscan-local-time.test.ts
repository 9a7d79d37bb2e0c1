// "Ends after 01:00" and "more than one calendar day" in Europe/Amsterdam wall-clock time,
// whatever offset an instant is written in, and across both daylight-saving changes of 2026
// (29 March: 02:00 CET becomes 03:00 CEST; 25 October: 03:00 CEST becomes 02:00 CET).
import { describe, expect, it } from 'vitest';
import {
	calendarDaysSpanned,
	endsAfterOneAm,
	spansMoreThanOneCalendarDay,
	toLocalDateTime
} from '../../src/lib/domain/risicoscan/index.ts';

describe('toLocalDateTime', () => {
	it.each([
		['2026-06-13T12:00:00Z', { year: 2026, month: 6, day: 13, hour: 14, minute: 0, second: 0, millisecond: 0 }],
		[
			'2026-01-10T12:34:56.789Z',
			{ year: 2026, month: 1, day: 10, hour: 13, minute: 34, second: 56, millisecond: 789 }
		],
		['2026-06-13T23:30:00Z', { year: 2026, month: 6, day: 14, hour: 1, minute: 30, second: 0, millisecond: 0 }],
		['2026-12-31T23:00:00Z', { year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }],
		['2026-03-29T00:59:59Z', { year: 2026, month: 3, day: 29, hour: 1, minute: 59, second: 59, millisecond: 0 }],
		['2026-03-29T01:00:00Z', { year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0, millisecond: 0 }],
		['2026-10-25T00:30:00Z', { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 }],
		['2026-10-25T01:30:00Z', { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 }],
		['2026-06-13T09:00:00-05:00', { year: 2026, month: 6, day: 13, hour: 16, minute: 0, second: 0, millisecond: 0 }]
	])('%s is %o in Amsterdam', (instant, local) => {
		expect(toLocalDateTime(instant)).toEqual(local);
	});

	it('accepts a Date', () => {
		expect(toLocalDateTime(new Date('2026-06-13T22:00:00Z')).hour).toBe(0);
	});

	it('refuses a string that is no instant', () => {
		expect(() => toLocalDateTime('morgen')).toThrow(RangeError);
	});
});

describe('endsAfterOneAm', () => {
	it.each([
		// summer time (+02:00)
		['2026-06-14T00:00:00+02:00', false],
		['2026-06-14T00:30:00+02:00', false],
		['2026-06-14T00:59:59+02:00', false],
		['2026-06-14T01:00:00+02:00', false],
		['2026-06-14T01:00:00.001+02:00', true],
		['2026-06-14T01:00:01+02:00', true],
		['2026-06-14T02:00:00+02:00', true],
		['2026-06-14T06:59:00+02:00', true],
		['2026-06-14T06:59:59.999+02:00', true],
		['2026-06-14T07:00:00+02:00', false],
		['2026-06-14T12:00:00+02:00', false],
		['2026-06-13T23:59:59+02:00', false],
		// the same moments written in UTC
		['2026-06-13T23:00:00Z', false],
		['2026-06-13T23:30:00Z', true],
		['2026-06-14T04:59:00Z', true],
		['2026-06-14T05:00:00Z', false],
		// winter time (+01:00)
		['2026-01-10T00:00:00Z', false],
		['2026-01-10T00:00:01Z', true],
		['2026-01-10T05:59:00Z', true],
		['2026-01-10T06:00:00Z', false],
		// 29 March 2026, clocks go forward at 01:00Z
		['2026-03-29T00:00:00Z', false],
		['2026-03-29T00:30:00Z', true],
		['2026-03-29T01:00:00Z', true],
		['2026-03-29T04:59:00Z', true],
		['2026-03-29T05:00:00Z', false],
		['2026-03-29T06:00:00+01:00', false],
		// 25 October 2026, clocks go back at 01:00Z
		['2026-10-24T23:00:00Z', false],
		['2026-10-24T23:00:01Z', true],
		['2026-10-25T00:30:00Z', true],
		['2026-10-25T01:30:00Z', true],
		['2026-10-25T05:59:00Z', true],
		['2026-10-25T06:00:00Z', false],
		['2026-10-25T07:30:00+02:00', true],
		['2026-10-25T08:00:00+02:00', false]
	])('an end at %s is late: %s', (endsAt, late) => {
		expect(endsAfterOneAm(endsAt)).toBe(late);
	});
});

describe('calendarDaysSpanned and spansMoreThanOneCalendarDay', () => {
	it.each([
		['14:00–02:00 next night', '2026-06-13T14:00:00+02:00', '2026-06-14T02:00:00+02:00', 1],
		['14:00–23:59 the same day', '2026-06-13T14:00:00+02:00', '2026-06-13T23:59:00+02:00', 1],
		['20:00–midnight', '2026-06-13T20:00:00+02:00', '2026-06-14T00:00:00+02:00', 1],
		['20:00–06:59 next morning', '2026-06-13T20:00:00+02:00', '2026-06-14T06:59:00+02:00', 1],
		['20:00–07:00 next morning', '2026-06-13T20:00:00+02:00', '2026-06-14T07:00:00+02:00', 2],
		['10:00–10:00 next day', '2026-06-13T10:00:00+02:00', '2026-06-14T10:00:00+02:00', 2],
		['Friday 18:00 – Sunday 23:00', '2026-06-12T18:00:00+02:00', '2026-06-14T23:00:00+02:00', 3],
		['Friday 18:00 – Sunday 03:00', '2026-06-12T18:00:00+02:00', '2026-06-14T03:00:00+02:00', 2],
		['00:30–02:00 in one night', '2026-06-14T00:30:00+02:00', '2026-06-14T02:00:00+02:00', 1],
		['a start written in UTC on the day before', '2026-06-12T22:30:00Z', '2026-06-13T21:00:00Z', 1],
		['an end written in UTC that is 02:30 local', '2026-06-13T14:00:00+02:00', '2026-06-14T00:30:00Z', 1],
		['DST start: to 06:30 summer time', '2026-03-28T20:00:00+01:00', '2026-03-29T04:30:00Z', 1],
		['DST start: to 07:00 summer time', '2026-03-28T20:00:00+01:00', '2026-03-29T05:00:00Z', 2],
		['DST end: to 06:59 winter time', '2026-10-24T20:00:00+02:00', '2026-10-25T05:59:00Z', 1],
		['DST end: to 07:00 winter time', '2026-10-24T20:00:00+02:00', '2026-10-25T06:00:00Z', 2],
		['New Year’s Eve to 03:00', '2026-12-31T21:00:00+01:00', '2027-01-01T03:00:00+01:00', 1],
		['a week', '2026-07-01T10:00:00+02:00', '2026-07-07T18:00:00+02:00', 7]
	])('%s spans %i day(s)', (_name, startsAt, endsAt, days) => {
		expect(calendarDaysSpanned(startsAt, endsAt)).toBe(days);
		expect(spansMoreThanOneCalendarDay(startsAt, endsAt)).toBe(days > 1);
	});
});
