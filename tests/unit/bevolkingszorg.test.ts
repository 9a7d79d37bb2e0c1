import { describe, expect, it } from 'vitest';
import { normClocks, shelterCapacity, transitionRefusal } from '../../src/lib/domain/bevolkingszorg.ts';

const start = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('normClocks', () => {
	it('runs shelter (3 h) and temporary housing (48 h) from the incident start', () => {
		const [opvang, huisvesting] = normClocks(start, at(0));
		expect(opvang).toMatchObject({ code: 'opvang', minutesLeft: 180, state: 'op_schema' });
		expect(opvang!.deadline.toISOString()).toBe('2026-11-22T05:00:00.000Z');
		expect(huisvesting).toMatchObject({ code: 'tijdelijke_huisvesting', minutesLeft: 2880, state: 'op_schema' });
	});

	it.each([
		[134, 'op_schema'],
		[135, 'bijna'], // 45 minutes left: the last quarter of 3 hours
		[180, 'bijna'],
		[181, 'verlopen']
	])('after %i minutes the shelter clock is %s', (minutes, state) => {
		expect(normClocks(start, at(minutes))[0]!.state).toBe(state);
	});

	it('turns housing amber in its last 12 hours', () => {
		expect(normClocks(start, at(36 * 60 - 1))[1]!.state).toBe('op_schema');
		expect(normClocks(start, at(36 * 60))[1]!.state).toBe('bijna');
		expect(normClocks(start, at(48 * 60 + 1))[1]!.state).toBe('verlopen');
	});
});

describe('shelterCapacity', () => {
	it.each([
		[0, 0],
		[-5, 0],
		[1, 1],
		[10, 1],
		[11, 2],
		[1999, 200],
		[2000, 200],
		[50_000, 200]
	])('for %i affected is %i places', (affected, places) => {
		expect(shelterCapacity(affected)).toBe(places);
	});
});

describe('transitionRefusal', () => {
	it('lets any state follow any other', () => {
		expect(transitionRefusal({ status: 'gereed', blockedReason: null }, 'open')).toBeNull();
		expect(transitionRefusal({ status: 'open', blockedReason: null }, 'gereed')).toBeNull();
	});

	it('refuses to finish a blocked task, in Dutch', () => {
		expect(transitionRefusal({ status: 'in_uitvoering', blockedReason: 'wacht op bus' }, 'gereed')).toMatch(/geblokkeerde taak/);
		expect(transitionRefusal({ status: 'open', blockedReason: 'wacht op bus' }, 'in_uitvoering')).toBeNull();
	});
});
