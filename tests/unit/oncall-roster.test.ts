// The on-call roster's pure rules: local duty times in Europe/Amsterdam (also on the last Sundays of
// March and October), who is on duty at an instant, and which functions raising GRIP alerts.
import { describe, expect, it } from 'vitest';
import { dutyInstant, dutyPeriod, nextLocalDate, shiftSeries } from '../../src/lib/domain/oncall/duty-time.ts';
import { covers, gripAlertFunctions, onDutyAt, overlaps } from '../../src/lib/domain/oncall/roster.ts';

const HOUR = 3_600_000;

describe('duty times in Europe/Amsterdam', () => {
	it('reads winter time as UTC+1 and summer time as UTC+2', () => {
		expect(dutyInstant('2026-12-07', '08:00')).toEqual({ ok: true, at: new Date('2026-12-07T07:00:00Z') });
		expect(dutyInstant('2026-07-01', '08:00')).toEqual({ ok: true, at: new Date('2026-07-01T06:00:00Z') });
	});

	it('keeps the wall clock across the last Sunday of March: a night shift is an hour shorter', () => {
		// 2026-03-29: at 02:00 the clock goes to 03:00.
		const night = dutyPeriod({ date: '2026-03-28', time: '20:00' }, { date: '2026-03-29', time: '08:00' });
		expect(night).toEqual({ ok: true, startsAt: new Date('2026-03-28T19:00:00Z'), endsAt: new Date('2026-03-29T06:00:00Z') });
		if (night.ok) expect(night.endsAt.getTime() - night.startsAt.getTime()).toBe(11 * HOUR);
		const day = dutyPeriod({ date: '2026-03-29', time: '08:00' }, { date: '2026-03-30', time: '08:00' });
		if (!day.ok) throw new Error('day');
		expect(day.endsAt.getTime() - day.startsAt.getTime()).toBe(24 * HOUR);
	});

	it('keeps the wall clock across the last Sunday of October: a night shift is an hour longer', () => {
		// 2026-10-25: at 03:00 the clock goes back to 02:00.
		const night = dutyPeriod({ date: '2026-10-24', time: '20:00' }, { date: '2026-10-25', time: '08:00' });
		expect(night).toEqual({ ok: true, startsAt: new Date('2026-10-24T18:00:00Z'), endsAt: new Date('2026-10-25T07:00:00Z') });
		if (night.ok) expect(night.endsAt.getTime() - night.startsAt.getTime()).toBe(13 * HOUR);
		const weekend = dutyPeriod({ date: '2026-10-24', time: '08:00' }, { date: '2026-10-26', time: '08:00' });
		if (!weekend.ok) throw new Error('weekend');
		expect(weekend.endsAt.getTime() - weekend.startsAt.getTime()).toBe(49 * HOUR);
	});

	it('refuses the hour that does not exist in March, in Dutch, and reads the doubled October hour as winter time', () => {
		const gap = dutyInstant('2026-03-29', '02:30');
		expect(gap.ok).toBe(false);
		if (!gap.ok) expect(gap.message).toMatch(/bestaat niet.*klok een uur vooruit/);
		expect(dutyInstant('2026-10-25', '02:30')).toEqual({ ok: true, at: new Date('2026-10-25T01:30:00Z') });
	});

	it('refuses an end that is not after the start, and nonsense', () => {
		expect(dutyPeriod({ date: '2026-12-07', time: '20:00' }, { date: '2026-12-07', time: '08:00' })).toMatchObject({ ok: false, field: 'end' });
		expect(dutyPeriod({ date: '2026-12-07', time: '20:00' }, { date: '2026-12-07', time: '20:00' })).toMatchObject({ ok: false, field: 'end' });
		expect(dutyPeriod({ date: '2026-02-30', time: '08:00' }, { date: '2026-03-01', time: '08:00' })).toMatchObject({ ok: false, field: 'start' });
		expect(dutyInstant('morgen', '8 uur').ok).toBe(false);
	});

	it('makes back-to-back shifts without gaps across both DST changes', () => {
		for (const from of ['2026-03-27', '2026-10-23']) {
			const shifts = shiftSeries(from, 4, ['20:00', '08:00']);
			expect(shifts).toHaveLength(4 * 2 + 1);
			for (let i = 1; i < shifts.length; i++) expect(shifts[i]!.startsAt).toEqual(shifts[i - 1]!.endsAt);
			const lengths = shifts.map((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / HOUR);
			expect(lengths.filter((h) => h !== 12)).toEqual([from.includes('-03-') ? 11 : 13]);
		}
		expect(nextLocalDate('2026-12-31')).toBe('2027-01-01');
	});
});

describe('who is on duty', () => {
	const at = (iso: string) => new Date(iso);
	const periods = [
		{ id: 'a', functionCode: 'ovd_bz', userId: 'anna', backupUserId: 'bram', startsAt: at('2026-12-07T07:00:00Z'), endsAt: at('2026-12-07T19:00:00Z') },
		{ id: 'b', functionCode: 'ovd_bz', userId: 'carla', backupUserId: null, startsAt: at('2026-12-07T19:00:00Z'), endsAt: at('2026-12-08T07:00:00Z') },
		{ id: 'c', functionCode: 'ac_bz', userId: 'dirk', backupUserId: 'anna', startsAt: at('2026-12-06T07:00:00Z'), endsAt: at('2026-12-08T07:00:00Z') },
		// Planned over part of Dirk's period: the later start wins.
		{ id: 'd', functionCode: 'ac_bz', userId: 'eva', backupUserId: null, startsAt: at('2026-12-07T12:00:00Z'), endsAt: at('2026-12-07T14:00:00Z') }
	];

	it('finds the period that covers the instant per function; the start counts, the end does not', () => {
		const morning = onDutyAt(periods, at('2026-12-07T07:00:00Z'));
		expect(morning.get('ovd_bz')?.id).toBe('a');
		expect(morning.get('ac_bz')?.id).toBe('c');
		expect(onDutyAt(periods, at('2026-12-07T19:00:00Z')).get('ovd_bz')?.id).toBe('b');
		expect(onDutyAt(periods, at('2026-12-07T13:00:00Z')).get('ac_bz')?.id).toBe('d');
		expect(onDutyAt(periods, at('2026-12-09T00:00:00Z')).size).toBe(0);
		expect(covers(periods[0]!, at('2026-12-07T18:59:59Z'))).toBe(true);
	});

	it('finds the right person at 02:30 UTC on both DST Sundays', () => {
		const march = dutyPeriod({ date: '2026-03-28', time: '20:00' }, { date: '2026-03-29', time: '08:00' });
		const october = dutyPeriod({ date: '2026-10-24', time: '20:00' }, { date: '2026-10-25', time: '08:00' });
		if (!march.ok || !october.ok) throw new Error('periods');
		const roster = [
			{ functionCode: 'ovd_bz', userId: 'nacht-maart', backupUserId: null, ...march },
			{ functionCode: 'ovd_bz', userId: 'nacht-oktober', backupUserId: null, ...october }
		];
		expect(onDutyAt(roster, at('2026-03-29T05:59:00Z')).get('ovd_bz')?.userId).toBe('nacht-maart');
		expect(onDutyAt(roster, at('2026-03-29T06:00:00Z')).get('ovd_bz')).toBeUndefined();
		expect(onDutyAt(roster, at('2026-10-25T06:59:00Z')).get('ovd_bz')?.userId).toBe('nacht-oktober');
	});

	it('sees overlap only when two periods share an instant', () => {
		expect(overlaps(periods[0]!, periods[1]!)).toBe(false);
		expect(overlaps(periods[2]!, periods[3]!)).toBe(true);
	});
});

describe('functions alerted when GRIP goes up', () => {
	const config = [
		{ level: 1, functionCode: 'ovd_bz' },
		{ level: 2, functionCode: 'ac_bz' },
		{ level: 2, functionCode: 'informatiemanager' },
		{ level: 3, functionCode: 'tl_publieke_zorg' }
	];
	it('alerts the levels above the old one up to the new one, each function once', () => {
		expect(gripAlertFunctions(config, 0, 1)).toEqual(['ovd_bz']);
		expect(gripAlertFunctions(config, 1, 2)).toEqual(['ac_bz', 'informatiemanager']);
		expect(gripAlertFunctions(config, 0, 3)).toEqual(['ovd_bz', 'ac_bz', 'informatiemanager', 'tl_publieke_zorg']);
		expect(gripAlertFunctions([...config, { level: 3, functionCode: 'ovd_bz' }], 0, 3)).toEqual(['ovd_bz', 'ac_bz', 'informatiemanager', 'tl_publieke_zorg']);
	});
	it('alerts no one when GRIP stays or goes down', () => {
		expect(gripAlertFunctions(config, 2, 2)).toEqual([]);
		expect(gripAlertFunctions(config, 3, 1)).toEqual([]);
		expect(gripAlertFunctions(config, 3, 4)).toEqual([]);
	});
});
