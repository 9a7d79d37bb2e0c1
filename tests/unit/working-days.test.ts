import { describe, expect, it } from 'vitest';
import {
	addDays,
	addWorkingDays,
	easterSunday,
	extendToWorkingDay,
	feestdagen,
	isWorkingDay,
	workingDaysBetween
} from '../../src/lib/domain/working-days';

describe('easterSunday', () => {
	it.each([
		[2019, '2019-04-21'],
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2027, '2027-03-28'],
		[2028, '2028-04-16'],
		[2038, '2038-04-25'],
		[2285, '2285-03-22']
	])('%i → %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('feestdagen (Algemene termijnenwet)', () => {
	it('2026: the statutory days, Goede Vrijdag and the declared days', () => {
		expect(feestdagen(2026).map((f) => f.date)).toEqual([
			'2026-01-01',
			'2026-01-02',
			'2026-04-03',
			'2026-04-06',
			'2026-04-27',
			'2026-05-05',
			'2026-05-14',
			'2026-05-15',
			'2026-05-25',
			'2026-12-25',
			'2026-12-26'
		]);
	});
	it('Koningsdag moves to 26 April when the 27th is a Sunday (2025)', () => {
		expect(feestdagen(2025).find((f) => f.label === 'Koningsdag')?.date).toBe('2025-04-26');
	});
	it('a year without a published decree falls back to the Friday after Ascension and after Thursday feestdagen', () => {
		// 2032: Ascension 6 May (Thursday); 1 January and 5 May fall on a Thursday and a Wednesday.
		const dates = feestdagen(2032).map((f) => f.date);
		expect(dates).toContain('2032-05-07');
		expect(dates).toContain('2032-01-02');
	});
});

describe('working days', () => {
	it.each([
		['2026-11-20', true], // Friday
		['2026-11-21', false], // Saturday
		['2026-11-22', false], // Sunday
		['2026-12-25', false],
		['2026-05-15', false], // Friday after Ascension, declared
		['2027-04-27', false], // Koningsdag
		['2027-04-26', true]
	])('%s working day: %s', (date, expected) => expect(isWorkingDay(date)).toBe(expected));

	it('extends a term ending on a weekend or feestdag to the next working day', () => {
		expect(extendToWorkingDay('2026-11-21')).toBe('2026-11-23');
		expect(extendToWorkingDay('2026-12-25')).toBe('2026-12-28');
		expect(extendToWorkingDay('2026-04-03')).toBe('2026-04-07'); // Goede Vrijdag → over Easter to Tuesday
		expect(extendToWorkingDay('2026-11-23')).toBe('2026-11-23');
	});

	it('counts working days forwards and backwards over holidays', () => {
		expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-28');
		expect(addWorkingDays('2026-12-28', -2)).toBe('2026-12-23');
		// 15 working days before Monday 1 June 2026 skips Whit Monday 25 May, Ascension and its Friday.
		expect(addWorkingDays('2026-06-01', -15)).toBe('2026-05-06');
		expect(addWorkingDays('2026-06-01', 0)).toBe('2026-06-01');
		expect(workingDaysBetween('2026-05-06', '2026-06-01')).toBe(15);
		expect(workingDaysBetween('2026-06-01', '2026-05-06')).toBe(0);
	});

	it('is not moved by daylight saving (last Sunday of March and October)', () => {
		expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
		expect(addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
	});

	it('refuses impossible dates', () => {
		expect(() => addDays('2026-02-30', 1)).toThrow();
		expect(() => addDays('26-02-01', 1)).toThrow();
	});
});
