// The demo year of events: believable, relative to any today, with the busy days and samenlopende
// events the calendar is meant to show, references in the agreed format, and classes from the
// real risicoscan.
import { describe, expect, it } from 'vitest';
import { demoEventPlan, demoPlanEntries } from '../../src/lib/server/demo/demo-event-plan.ts';
import { DEMO_GRAND_PRIX } from '../../src/lib/server/demo/demo-yearly-events.ts';
import { dayLoads, localDateOf, localDaysOf, parseEventReference, samenlopend } from '../../src/lib/domain/calendar/index.ts';
import { isOnCalendar } from '../../src/lib/server/calendar/calendar-entry.ts';
import { DEFAULT_RISICOSCAN_MODEL, scoreRisicoscan } from '../../src/lib/domain/risicoscan/index.ts';
import { weekday } from '../../src/lib/domain/working-days.ts';

const TODAYS = ['2026-11-22T03:00:00Z', '2027-03-28T01:30:00Z', '2027-08-30T10:00:00Z', '2027-12-31T22:59:00Z', '2028-02-29T12:00:00Z'];

describe.each(TODAYS)('demo plan on %s', (now) => {
	const plan = demoEventPlan(new Date(now));
	const entries = demoPlanEntries(plan);
	const onCalendar = entries.filter(isOnCalendar);
	const today = localDateOf(now);

	it('spans two months back to ten months ahead, with something in the coming month', () => {
		const starts = plan.map((p) => localDateOf(p.startsAt)).sort();
		const days = (d: string) => (Date.parse(d) - Date.parse(today)) / 86_400_000;
		expect(days(starts[0]!)).toBeGreaterThanOrEqual(-61);
		expect(days(starts.at(-1)!)).toBeLessThan(310);
		expect(plan.filter((p) => days(localDateOf(p.startsAt)) >= 0 && days(localDateOf(p.startsAt)) < 31).length).toBeGreaterThanOrEqual(4);
	});

	it('has each life story in order: created, submitted well before advice and decision, nothing in the future', () => {
		const at = Date.parse(now);
		for (const p of plan) {
			expect(p.createdAt.getTime()).toBeLessThan(at);
			if (p.submittedAt) {
				expect(p.createdAt.getTime()).toBeLessThanOrEqual(p.submittedAt.getTime());
				expect(p.submittedAt.getTime()).toBeLessThan(at);
			}
			// Advice is asked up to 33 days ago; decisions follow weeks after submission.
			if (p.status === 'advies_gevraagd') expect(at - p.submittedAt!.getTime()).toBeGreaterThanOrEqual(40 * 86_400_000);
			if (p.decidedAt) expect(p.decidedAt.getTime() - p.submittedAt!.getTime()).toBeGreaterThanOrEqual(40 * 86_400_000);
			if (p.decision) expect(p.decisionReason).toBeTruthy();
		}
	});

	it('is mostly class A, with B and C, classes from the default risicoscan', () => {
		const count = (c: string) => plan.filter((p) => p.computedCategory === c).length;
		expect(count('A')).toBeGreaterThan(plan.length / 2);
		expect(count('B')).toBeGreaterThan(5);
		expect(count('C')).toBeGreaterThan(5);
		for (const p of plan) {
			const rescored = scoreRisicoscan({ ...p.scanAnswers, peakVisitors: p.peakVisitors, totalVisitors: p.totalVisitors ?? undefined, areaM2: p.areaM2 ?? undefined, startsAt: p.startsAt, endsAt: p.endsAt }, DEFAULT_RISICOSCAN_MODEL);
			expect(rescored).toEqual(p.scanResult);
			expect(p.computedCategory).toBe(p.scanResult.category);
			expect(p.scanModelVersion).toBe(0);
		}
	});

	it('has the Grand Prix on a Friday to Sunday in late August, class C, 105 000 a day', () => {
		const gp = plan.find((p) => p.name === DEMO_GRAND_PRIX)!;
		expect(gp).toMatchObject({ municipalityCode: 'zandvoort', computedCategory: 'C', peakVisitors: 105_000, status: 'besluit' });
		const days = localDaysOf(gp.startsAt, gp.endsAt);
		expect(days).toHaveLength(3);
		expect(weekday(days[0]!)).toBe(5);
		expect(days[0]!.slice(5, 7)).toBe('08');
	});

	it('has busy days (load above 6) and samenlopende events', () => {
		const busy = dayLoads(onCalendar).filter((d) => d.busy);
		expect(busy.length).toBeGreaterThanOrEqual(2);
		const groups = samenlopend(onCalendar);
		expect(groups.length).toBeGreaterThanOrEqual(2);
		const names = (ids: string[]) => ids.map((id) => entries.find((e) => e.id === id)!.name);
		expect(groups.map(names)).toEqual(expect.arrayContaining([expect.arrayContaining([DEMO_GRAND_PRIX, 'Grand Prix Beach Party'])]));
	});

	it('walks the whole lifecycle', () => {
		const statuses = new Set(plan.map((p) => p.status));
		for (const s of ['concept', 'ingediend', 'in_behandeling', 'advies_gevraagd', 'besluit', 'ingetrokken']) expect(statuses).toContain(s);
		const decisions = new Set(plan.map((p) => p.decision));
		for (const d of ['verleend', 'verleend_met_voorschriften', 'geweigerd']) expect(decisions).toContain(d);
		for (const p of plan) {
			expect(p.submittedAt === null).toBe(p.status === 'concept');
			expect(p.decision !== null).toBe(p.status === 'besluit');
			if (p.submittedAt) expect(p.submittedAt.getTime()).toBeLessThan(Date.parse(now));
			expect(p.createdAt.getTime()).toBeLessThan(Date.parse(now));
		}
	});

	it('numbers references per municipality and registration year, uniquely', () => {
		expect(new Set(plan.map((p) => p.reference)).size).toBe(plan.length);
		for (const p of plan) {
			const parsed = parseEventReference(p.reference)!;
			expect(parsed.municipality).toBe(p.municipalityCode);
			expect(parsed.year).toBe(Number(localDateOf(p.createdAt).slice(0, 4)));
		}
	});

	it('uses fictitious organisers only', () => {
		for (const p of plan) expect(p.organiserEmail).toMatch(/@[a-z-]+\.example\.nl$/);
	});
});
