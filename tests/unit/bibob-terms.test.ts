import { describe, expect, it } from 'vitest';
import {
	answerDue,
	daysBetween,
	decisionTerm,
	lbbAdviceDue,
	localDateOf,
	pastRetention,
	retentionEnds,
	zienswijzeDue,
	type DecisionTermInput
} from '../../src/lib/domain/bibob/terms.ts';

const base: DecisionTermInput = { originalDeadline: '2026-05-01', lbb: null, extraQuestions: [], today: '2026-03-01', warningDays: 10 };

describe('LBB advice term', () => {
	it.each([
		// requested, extended, due (8 or 12 weeks, moved past non-working days by the Atw)
		['2026-03-02', false, '2026-04-28', '8 weeks end on Koningsdag (Mon 27 April) → Tuesday'],
		['2026-03-02', true, '2026-05-26', '12 weeks end on Tweede Pinksterdag → Tuesday'],
		['2026-03-03', false, '2026-04-28', '8 weeks end on a plain Tuesday'],
		['2026-10-31', false, '2026-12-28', '8 weeks end on Saturday 26 December (Tweede Kerstdag) → Monday'],
		['2026-02-06', false, '2026-04-07', '8 weeks end on Goede Vrijdag, then the weekend and Tweede Paasdag → Tuesday']
	])('%s (extended %s) → %s: %s', (requested, extended, due) => {
		expect(lbbAdviceDue(requested, extended)).toBe(due);
	});
});

describe('answer and zienswijze terms', () => {
	it.each([
		['2026-04-13', 2, '2026-04-28'], // ends on Koningsdag
		['2026-12-11', 2, '2026-12-28'], // ends on Eerste Kerstdag, then Tweede Kerstdag (Sat), Sunday
		['2026-03-16', 2, '2026-03-30'], // across the spring DST change: still 14 calendar days
		['2026-10-19', 2, '2026-11-02'], // across the autumn DST change
		['2026-05-01', 3, '2026-05-22']
	])('zienswijze after an intention of %s with %i weeks ends %s', (on, weeks, due) => {
		expect(zienswijzeDue(on, weeks)).toBe(due);
	});

	it.each([
		['2026-04-17', 4, '2026-05-18'], // ends on the day declared equal to a feestdag (15 May 2026), then the weekend
		['2026-01-05', 4, '2026-02-02'],
		['2025-12-05', 4, '2026-01-05'] // ends Friday 2 January 2026, a declared day, then the weekend
	])('questionnaire sent %s with %i weeks is due %s', (sent, weeks, due) => {
		expect(answerDue(sent, weeks)).toBe(due);
	});
});

describe('decision term with suspensions', () => {
	it('without suspension the original deadline holds (Atw applied)', () => {
		expect(decisionTerm(base)).toMatchObject({ deadline: '2026-05-01', suspendedDays: 0, state: 'loopt', warning: null });
		expect(decisionTerm({ ...base, originalDeadline: '2026-12-25', today: '2026-12-01' }).deadline).toBe('2026-12-28');
	});

	it('is suspended from the request to the receipt of the advice', () => {
		const term = decisionTerm({ ...base, lbb: { requestedOn: '2026-03-02', extendedOn: null, receivedOn: '2026-04-13' }, today: '2026-04-20' });
		expect(term).toMatchObject({ suspendedDays: 42, deadline: '2026-06-12', state: 'loopt', daysLeft: 53 });
	});

	it('while the advice is pending, the deadline moves day by day and days left stay frozen', () => {
		const lbb = { requestedOn: '2026-03-02', extendedOn: null, receivedOn: null };
		const a = decisionTerm({ ...base, lbb, today: '2026-03-20' });
		const b = decisionTerm({ ...base, lbb, today: '2026-03-27' });
		expect(a).toMatchObject({ suspendedDays: 18, deadline: '2026-05-19', state: 'opgeschort', warning: null });
		expect(b).toMatchObject({ suspendedDays: 25, deadline: '2026-05-26', state: 'opgeschort' });
		expect(a.daysLeft).toBe(b.daysLeft);
	});

	it('suspends at most 8 weeks without an extension, 12 with one', () => {
		const pending = { requestedOn: '2026-03-02', extendedOn: null, receivedOn: null };
		// The cap is 28 April (Koningsdag moved the end): 57 days; 1 May + 57 = Saturday 27 June → Monday 29 June.
		expect(decisionTerm({ ...base, lbb: pending, today: '2026-05-10' })).toMatchObject({ suspendedDays: 57, deadline: '2026-06-29', state: 'loopt' });
		// Advice later than the cap: the suspension still ends at the cap.
		expect(decisionTerm({ ...base, lbb: { ...pending, receivedOn: '2026-05-05' }, today: '2026-05-10' }).suspendedDays).toBe(57);
		// Extended: the cap is 26 May (Tweede Pinksterdag moved it): 85 days.
		const extended = { ...pending, extendedOn: '2026-04-20' };
		expect(decisionTerm({ ...base, lbb: extended, today: '2026-05-10' }).state).toBe('opgeschort');
		expect(decisionTerm({ ...base, lbb: extended, today: '2026-06-10' })).toMatchObject({ suspendedDays: 85, deadline: '2026-07-27' });
	});

	it('adds the time the applicant takes to answer extra questions, counting overlap once', () => {
		const lbb = { requestedOn: '2026-03-02', extendedOn: null, receivedOn: '2026-04-13' };
		const overlapping = decisionTerm({ ...base, lbb, extraQuestions: [{ sentOn: '2026-04-01', answeredOn: '2026-04-20' }], today: '2026-04-21' });
		expect(overlapping).toMatchObject({ suspendedDays: 49, deadline: '2026-06-19' });
		const separate = decisionTerm({ ...base, lbb, extraQuestions: [{ sentOn: '2026-02-02', answeredOn: '2026-02-12' }], today: '2026-04-21' });
		expect(separate).toMatchObject({ suspendedDays: 52, deadline: '2026-06-22' });
		const open = decisionTerm({ ...base, extraQuestions: [{ sentOn: '2026-04-01', answeredOn: null }], today: '2026-04-11' });
		expect(open).toMatchObject({ suspendedDays: 10, deadline: '2026-05-11', state: 'opgeschort' });
	});

	it('questions sent in the future do not suspend yet', () => {
		expect(decisionTerm({ ...base, extraQuestions: [{ sentOn: '2026-04-01', answeredOn: null }], today: '2026-03-15' })).toMatchObject({ suspendedDays: 0, state: 'loopt' });
	});

	it('a suspension after the term lapsed does not revive it', () => {
		const term = decisionTerm({ ...base, originalDeadline: '2026-02-01', extraQuestions: [{ sentOn: '2026-03-01', answeredOn: '2026-03-10' }], today: '2026-03-20' });
		expect(term).toMatchObject({ deadline: '2026-02-02', suspendedDays: 0, state: 'verstreken', daysLeft: -46 });
		expect(term.warning).toBe('Beslistermijn is 46 dagen geleden verlopen');
	});

	it.each([
		['2026-04-20', 11, null],
		['2026-04-21', 10, 'Beslistermijn verloopt over 10 dagen'],
		['2026-04-30', 1, 'Beslistermijn verloopt over 1 dag'],
		['2026-05-01', 0, 'Beslistermijn verloopt vandaag'],
		['2026-05-02', -1, 'Beslistermijn is 1 dag geleden verlopen']
	])('on %s with 1 May as deadline: %i days left, warning %s', (today, left, warning) => {
		const term = decisionTerm({ ...base, today });
		expect(term.daysLeft).toBe(left);
		expect(term.warning).toBe(warning);
	});

	it('counts whole calendar days across both daylight-saving changes', () => {
		expect(daysBetween('2026-03-20', '2026-04-03')).toBe(14);
		expect(daysBetween('2026-10-20', '2026-11-03')).toBe(14);
		const spring = decisionTerm({ ...base, originalDeadline: '2026-04-10', lbb: { requestedOn: '2026-03-20', extendedOn: null, receivedOn: '2026-04-03' }, today: '2026-04-03' });
		expect(spring).toMatchObject({ suspendedDays: 14, deadline: '2026-04-24' });
		const autumn = decisionTerm({ ...base, originalDeadline: '2026-10-30', lbb: { requestedOn: '2026-10-20', extendedOn: null, receivedOn: '2026-11-03' }, today: '2026-11-03' });
		expect(autumn).toMatchObject({ suspendedDays: 14, deadline: '2026-11-13' });
	});
});

describe('local dates from instants', () => {
	it.each([
		['2026-03-28T23:30:00Z', '2026-03-29'], // 00:30 CET, the night the clocks go forward
		['2026-03-29T21:59:00Z', '2026-03-29'], // 23:59 CEST
		['2026-03-29T22:00:00Z', '2026-03-30'],
		['2026-10-24T22:30:00Z', '2026-10-25'], // 00:30 CEST, the night the clocks go back
		['2026-10-25T22:59:00Z', '2026-10-25'], // 23:59 CET
		['2026-10-25T23:00:00Z', '2026-10-26'],
		['2026-12-31T23:00:00Z', '2027-01-01']
	])('%s is %s in Amsterdam', (instant, date) => {
		expect(localDateOf(new Date(instant))).toBe(date);
	});
});

describe('retention', () => {
	it.each([
		['2024-02-29', 5, '2029-02-28'],
		['2024-02-29', 4, '2028-02-29'],
		['2026-06-30', 7, '2033-06-30']
	])('closed %s, kept %i years: until %s', (closed, years, until) => {
		expect(retentionEnds(closed, years)).toBe(until);
	});
	it('is past its retention from the day after', () => {
		expect(pastRetention('2020-06-30', 5, '2025-06-30')).toBe(false);
		expect(pastRetention('2020-06-30', 5, '2025-07-01')).toBe(true);
	});
});
