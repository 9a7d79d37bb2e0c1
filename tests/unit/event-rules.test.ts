// The pure rules of event applications: melding conditions per municipality, application
// deadlines across daylight-saving changes and working days, the vooraankondiging, local times
// typed in forms, required documents and the "wat loopt af" overview.
import { describe, expect, it } from 'vitest';
import { meldingVerdict, localDatesSpanned, type MeldingFacts } from '../../src/lib/domain/events/melding.ts';
import { seededSettingsFor } from '../../src/lib/domain/events/settings.ts';
import { applicationDeadline, isLate, preannouncement } from '../../src/lib/domain/events/deadlines.ts';
import { fromLocalInput, localDate, localDayBounds, sameLocalTimeNextYear, toLocalInput } from '../../src/lib/domain/events/event-time.ts';
import { requiredDocuments } from '../../src/lib/domain/events/required-documents.ts';
import { dueItems } from '../../src/lib/domain/events/due.ts';
import { mayDecide, mayMove } from '../../src/lib/domain/events/application.ts';

const answers = { activities: [], roadClosures: false, oneStreet: true, emergencyLaneFree: true, musicFrom: '', musicUntil: '' } as MeldingFacts['answers'];

function facts(overrides: Partial<Omit<MeldingFacts, 'answers'>> & { answers?: Partial<MeldingFacts['answers']> } = {}): MeldingFacts {
	return {
		startsAt: '2027-06-12T10:00:00+02:00',
		endsAt: '2027-06-12T18:00:00+02:00',
		peakVisitors: 100,
		totalVisitors: 120,
		category: 'A',
		...overrides,
		answers: { ...answers, ...overrides.answers }
	};
}

const codes = (municipality: string, f: MeldingFacts) => meldingVerdict(f, seededSettingsFor(municipality).melding).reasons.map((r) => r.code);

describe('melding or vergunning per municipality', () => {
	it.each([
		// municipality, visitors allowed, visitors too many
		['haarlem', 150, 151],
		['velsen', 249, 250],
		['heemskerk', 200, 201],
		['zandvoort', 749, 750],
		['bloemendaal', 200, 201]
	])('%s: a melding up to %i visitors', (municipality, ok, tooMany) => {
		expect(codes(municipality, facts({ totalVisitors: ok, peakVisitors: ok }))).toEqual([]);
		expect(codes(municipality, facts({ totalVisitors: tooMany, peakVisitors: tooMany }))).toContain('visitors');
	});

	it('Haarlem: one street, one day 08:00–24:00, no music 23:00–08:00, not on Koningsdag, 4/5 May or 31 December', () => {
		expect(codes('haarlem', facts({ answers: { oneStreet: false } }))).toEqual(['one_street']);
		expect(codes('haarlem', facts({ startsAt: '2027-06-12T07:30:00+02:00' }))).toEqual(['window']);
		expect(codes('haarlem', facts({ endsAt: '2027-06-13T00:00:00+02:00' }))).toEqual([]); // until 24:00 is allowed
		expect(codes('haarlem', facts({ endsAt: '2027-06-13T00:30:00+02:00' }))).toEqual(['one_day', 'window']);
		expect(codes('haarlem', facts({ endsAt: '2027-06-12T23:30:00+02:00', answers: { activities: ['amplified_music'] } }))).toEqual(['music']);
		expect(codes('haarlem', facts({ endsAt: '2027-06-12T23:30:00+02:00', answers: { activities: ['amplified_music'], musicUntil: '23:00' } }))).toEqual([]);
		expect(codes('haarlem', facts({ startsAt: '2027-04-27T10:00:00+02:00', endsAt: '2027-04-27T18:00:00+02:00' }))).toEqual(['day_koningsdag']);
		// Koningsdag 2025 fell on a Sunday and was held on Saturday 26 April.
		expect(codes('haarlem', facts({ startsAt: '2025-04-26T10:00:00+02:00', endsAt: '2025-04-26T18:00:00+02:00' }))).toEqual(['day_koningsdag']);
		expect(codes('haarlem', facts({ startsAt: '2027-05-04T10:00:00+02:00', endsAt: '2027-05-04T18:00:00+02:00' }))).toEqual(['day_dodenherdenking']);
		expect(codes('haarlem', facts({ startsAt: '2027-05-05T10:00:00+02:00', endsAt: '2027-05-05T18:00:00+02:00' }))).toEqual(['day_bevrijdingsdag']);
		expect(codes('haarlem', facts({ startsAt: '2027-12-31T10:00:00+01:00', endsAt: '2027-12-31T18:00:00+01:00' }))).toEqual(['day_oudejaarsdag']);
		expect(codes('velsen', facts({ startsAt: '2027-04-27T10:00:00+02:00', endsAt: '2027-04-27T18:00:00+02:00' }))).toEqual([]);
	});

	it('Velsen: one day 10:00–24:00 and a free lane for emergency services', () => {
		expect(codes('velsen', facts({ startsAt: '2027-06-12T09:00:00+02:00' }))).toEqual(['window']);
		expect(codes('velsen', facts({ answers: { emergencyLaneFree: false } }))).toEqual(['emergency_lane']);
	});

	it('Heemskerk: one day 07:00–23:00', () => {
		expect(codes('heemskerk', facts({ startsAt: '2027-06-12T07:00:00+02:00', endsAt: '2027-06-12T23:00:00+02:00' }))).toEqual([]);
		expect(codes('heemskerk', facts({ endsAt: '2027-06-12T23:15:00+02:00' }))).toEqual(['window']);
	});

	it('Zandvoort: no road closures, music 07:00–22:00, several days allowed', () => {
		expect(codes('zandvoort', facts({ answers: { roadClosures: true } }))).toEqual(['road_closures']);
		expect(codes('zandvoort', facts({ endsAt: '2027-06-12T22:30:00+02:00', answers: { activities: ['amplified_music'] } }))).toEqual(['music']);
		expect(codes('zandvoort', facts({ endsAt: '2027-06-13T18:00:00+02:00' }))).toEqual([]);
	});

	it('a class above A needs a permit everywhere, and every reason is given at once', () => {
		const verdict = meldingVerdict(facts({ category: 'B', totalVisitors: 500, peakVisitors: 500, answers: { oneStreet: false } }), seededSettingsFor('haarlem').melding);
		expect(verdict.procedure).toBe('vergunning');
		expect(verdict.reasons.map((r) => r.code)).toEqual(['visitors', 'one_street', 'category']);
		expect(verdict.reasons[0]!.label).toBe('Meer dan 150 bezoekers (500)');
	});

	it('local dates spanned: an end at midnight closes the day before', () => {
		expect(localDatesSpanned('2027-06-12T10:00:00+02:00', '2027-06-13T00:00:00+02:00')).toEqual(['2027-06-12']);
		expect(localDatesSpanned('2027-06-12T10:00:00+02:00', '2027-06-14T02:00:00+02:00')).toEqual(['2027-06-12', '2027-06-13', '2027-06-14']);
	});
});

describe('application deadlines', () => {
	it.each([
		// start (local), term, deadline
		['2027-06-12T14:00:00+02:00', { unit: 'weeks', amount: 12 }, '2027-03-20'], // across the March DST change
		['2027-11-06T14:00:00+01:00', { unit: 'weeks', amount: 8 }, '2027-09-11'], // across the October change
		['2027-04-01T00:30:00+02:00', { unit: 'weeks', amount: 2 }, '2027-03-18'], // just after midnight local, 22:30 UTC the day before
		['2026-03-29T03:30:00+02:00', { unit: 'weeks', amount: 4 }, '2026-03-01'], // the day summer time starts
		['2026-10-25T02:30:00+01:00', { unit: 'weeks', amount: 6 }, '2026-09-13'], // the repeated hour
		// Zandvoort: 15 working days, skipping weekends, Koningsdag (27/4), Bevrijdingsdag (5/5), Hemelvaart (6/5) and the declared 7/5
		['2027-05-14T12:00:00+02:00', { unit: 'working_days', amount: 15 }, '2027-04-19'],
		// Over Easter 2027 (Goede Vrijdag 26 March, Tweede paasdag 29 March)
		['2027-04-09T12:00:00+02:00', { unit: 'working_days', amount: 10 }, '2027-03-24']
	] as const)('%s with %o → %s', (start, term, deadline) => {
		expect(applicationDeadline(start, term)).toBe(deadline);
	});

	it('late means submitted after the deadline date, local time', () => {
		expect(isLate('2027-03-20T22:59:00Z', '2027-03-20')).toBe(false); // 23:59 in Amsterdam
		expect(isLate('2027-03-20T23:00:00Z', '2027-03-20')).toBe(true); // 00:00 the next day
		expect(isLate('2027-06-30T21:59:00Z', '2027-06-30')).toBe(false); // summer: 23:59
		expect(isLate('2027-06-30T22:00:00Z', '2027-06-30')).toBe(true);
	});

	it('vooraankondiging: Haarlem above 3 000 or new by 20 October, Velsen every event by 1 October', () => {
		const haarlem = seededSettingsFor('haarlem').preannouncement;
		const base = { startsAt: '2027-06-12T12:00:00+02:00', peakVisitors: 2000, totalVisitors: 3000, isNewEvent: false };
		expect(preannouncement(haarlem, base)).toBeNull();
		expect(preannouncement(haarlem, { ...base, totalVisitors: 3001 })).toEqual({ required: true, due: '2026-10-20', reason: 'meer dan 3.000 bezoekers' });
		expect(preannouncement(haarlem, { ...base, isNewEvent: true })?.reason).toBe('nieuw evenement');
		expect(preannouncement(seededSettingsFor('velsen').preannouncement, { ...base, totalVisitors: 10 })).toEqual({ required: true, due: '2026-10-01', reason: 'elk evenement' });
		expect(preannouncement(seededSettingsFor('heemskerk').preannouncement, base)).toBeNull();
	});

	it('seeded terms per municipality', () => {
		expect(['haarlem', 'haarlemmermeer', 'velsen', 'heemskerk', 'zandvoort', 'uitgeest'].map((m) => seededSettingsFor(m).permitTerm.amount)).toEqual([12, 12, 12, 8, 8, 8]);
		expect(['haarlem', 'velsen', 'heemskerk'].map((m) => seededSettingsFor(m).meldingTerm)).toEqual([
			{ unit: 'weeks', amount: 2 },
			{ unit: 'weeks', amount: 4 },
			{ unit: 'weeks', amount: 6 }
		]);
		expect(seededSettingsFor('zandvoort').meldingTerm).toEqual({ unit: 'working_days', amount: 15 });
	});
});

describe('local times in forms', () => {
	it('reads datetime-local in Europe/Amsterdam, summer and winter', () => {
		expect(fromLocalInput('2027-06-12T14:00')).toEqual({ ok: true, iso: '2027-06-12T14:00:00+02:00' });
		expect(fromLocalInput('2027-01-12T14:00')).toEqual({ ok: true, iso: '2027-01-12T14:00:00+01:00' });
		expect(toLocalInput('2027-06-12T12:00:00Z')).toBe('2027-06-12T14:00');
	});

	it('refuses the hour skipped at the start of summer time and impossible dates; the repeated hour is winter time', () => {
		expect(fromLocalInput('2027-03-28T02:30')).toEqual({ ok: false, reason: 'nonexistent' });
		expect(fromLocalInput('2027-02-30T12:00')).toEqual({ ok: false, reason: 'format' });
		expect(fromLocalInput('12-06-2027 14:00')).toEqual({ ok: false, reason: 'format' });
		expect(fromLocalInput('2027-10-31T02:30')).toEqual({ ok: true, iso: '2027-10-31T02:30:00+01:00' });
	});

	it('local days are 23 or 25 hours long at the changes', () => {
		const spring = localDayBounds('2027-03-28');
		expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3600_000);
		const autumn = localDayBounds('2027-10-31');
		expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3600_000);
		expect(localDate('2027-03-27T23:30:00Z')).toBe('2027-03-28');
	});

	it('next year\'s edition keeps the local wall-clock time across a DST difference', () => {
		expect(sameLocalTimeNextYear('2027-03-27T10:00:00+01:00')).toBe('2028-03-27T10:00:00+02:00');
	});
});

describe('required documents, lifecycle and what is due', () => {
	it('by class and activity', () => {
		const kinds = (procedure: 'melding' | 'vergunning', category: 'A' | 'B' | 'C', activities: 'temporary_structures'[] = []) =>
			requiredDocuments({ procedure, category, activities }).map((d) => d.kind);
		expect(kinds('melding', 'A', ['temporary_structures'])).toEqual(['situatietekening']);
		expect(kinds('vergunning', 'A', ['temporary_structures'])).toEqual(['situatietekening']);
		expect(kinds('vergunning', 'B')).toEqual(['situatietekening']);
		expect(kinds('vergunning', 'B', ['temporary_structures'])).toEqual(['situatietekening', 'constructieberekening']);
		expect(kinds('vergunning', 'C')).toEqual(['situatietekening', 'veiligheidsplan']);
		expect(kinds('vergunning', 'C', ['temporary_structures'])).toEqual(['situatietekening', 'veiligheidsplan', 'constructieberekening']);
	});

	it('decisions after intake or advice; straight after submission only for a melding or class A', () => {
		expect(mayDecide('in_behandeling', 'vergunning', 'C')).toBe(true);
		expect(mayDecide('advies_gevraagd', 'vergunning', 'C')).toBe(true);
		expect(mayDecide('ingediend', 'vergunning', 'B')).toBe(false);
		expect(mayDecide('ingediend', 'melding', 'A')).toBe(true);
		expect(mayDecide('ingediend', 'vergunning', 'A')).toBe(true);
		expect(mayDecide('concept', 'melding', 'A')).toBe(false);
		expect(mayMove('concept', 'in_behandeling')).toBe(false);
		expect(mayMove('advies_gevraagd', 'in_behandeling')).toBe(true);
		expect(mayMove('besluit', 'ingetrokken')).toBe(false);
	});

	it('wat loopt af: concepts by their deadline, submitted ones by their start, soonest first', () => {
		const items = dueItems(
			[
				{ id: '1', reference: 'HLM-1', name: 'Concept', status: 'concept', startsAt: '2027-06-12T12:00:00+02:00', deadlineDate: '2027-03-20' },
				{ id: '2', reference: 'HLM-2', name: 'Ingediend', status: 'in_behandeling', startsAt: '2027-04-02T12:00:00+02:00', deadlineDate: '2027-01-08' },
				{ id: '3', reference: 'HLM-3', name: 'Besloten', status: 'besluit', startsAt: '2027-04-01T12:00:00+02:00', deadlineDate: null },
				{ id: '4', reference: 'HLM-4', name: 'Ver weg', status: 'ingediend', startsAt: '2027-12-01T12:00:00+01:00', deadlineDate: null },
				{ id: '5', reference: 'HLM-5', name: 'Verlopen', status: 'concept', startsAt: '2027-04-20T12:00:00+02:00', deadlineDate: '2027-03-01' }
			],
			'2027-03-10',
			'2027-05-05'
		);
		expect(items.map((i) => [i.id, i.date, i.overdue])).toEqual([
			['5', '2027-03-01', true],
			['1', '2027-03-20', false],
			['2', '2027-04-02', false]
		]);
	});
});
