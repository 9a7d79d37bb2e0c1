// Advice routing (DOMAIN.md §2, our rule) trigger by trigger, the requests one action creates,
// advice terms across daylight saving and feestdagen, and the due marks.
import { describe, expect, it } from 'vitest';
import {
	JOINT_C,
	MEETING_C,
	POLITIE_ALWAYS_B,
	SAFETY_PLAN_C,
	VOLUNTARY,
	adviceDueDate,
	dueState,
	localDateOf,
	planAdviceRequests,
	risicoscanInputOf,
	routeAdvice,
	termDaysFor,
	DEFAULT_ADVICE_TERMS
} from '../../src/lib/domain/advice/index.ts';
import { adviceForCategory, scoreRisicoscan, type RisicoscanInput } from '../../src/lib/domain/risicoscan/index.ts';

/** 100 visitors in a park on a Saturday afternoon: no trigger at all. */
function application(overrides: Partial<RisicoscanInput> = {}): RisicoscanInput {
	return {
		peakVisitors: 100,
		startsAt: '2026-06-13T14:00:00+02:00',
		endsAt: '2026-06-13T18:00:00+02:00',
		audience: [],
		alcohol: 'none',
		drugsExpected: false,
		rivalGroups: false,
		activities: [],
		site: 'park',
		indoor: false,
		enclosed: false,
		roadClosures: false,
		poorAccess: false,
		nearHazard: false,
		...overrides
	};
}

// Each row: one trigger on an otherwise quiet class B event, and the reason label it must give.
const BRANDWEER_TRIGGERS: [string, Partial<RisicoscanInput>, string][] = [
	['open fire', { activities: ['open_fire'] }, 'Open vuur'],
	['gas', { activities: ['gas'] }, 'Gas'],
	['open fire and gas together, once', { activities: ['open_fire', 'gas'] }, 'Open vuur en gas'],
	['fireworks', { activities: ['fireworks'] }, 'Vuurwerk of pyrotechniek'],
	['temporary structures', { activities: ['temporary_structures'] }, 'Tijdelijke bouwwerken (tenten, podia, kramen)'],
	['funfair rides', { activities: ['funfair_rides'] }, 'Kermisattracties'],
	['indoors with 1 000 visitors', { indoor: true, peakVisitors: 1_000 }, 'Binnen met 1.000 of meer bezoekers (piek 1.000)'],
	['a nature site', { site: 'nature' }, 'Locatie: natuurgebied (duin, bos)'],
	['poor access', { poorAccess: true }, 'Slechte bereikbaarheid voor hulpdiensten'],
	['a nearby hazard', { nearHazard: true }, 'Nabij een risicobron (Brzo-bedrijf, spoor, hoogspanning, diep water)']
];

const GHOR_TRIGGERS: [string, Partial<RisicoscanInput>, string][] = [
	['peak of 2 000', { peakVisitors: 2_000 }, 'Piekbezetting 2.000 bezoekers (2.000 of meer)'],
	['heavy alcohol', { alcohol: 'heavy' }, 'Veel alcoholgebruik'],
	['drugs expected', { drugsExpected: true }, 'Drugsgebruik verwacht'],
	['children', { audience: ['children'] }, 'Risicogroepen onder het publiek: kinderen'],
	['elderly', { audience: ['elderly'] }, 'Risicogroepen onder het publiek: ouderen'],
	['less self-reliant', { audience: ['less_self_reliant'] }, 'Risicogroepen onder het publiek: minder zelfredzamen'],
	['endurance sport', { activities: ['endurance_sport'] }, 'Duursport (hardlopen, fietsen, zwemmen)'],
	['water activity', { activities: ['water_activity'] }, 'Activiteit op of in het water'],
	[
		'multi-day',
		{ startsAt: '2026-06-12T18:00:00+02:00', endsAt: '2026-06-14T18:00:00+02:00' },
		'Meer dan één kalenderdag (3 dagen, 12-06-2026 t/m 14-06-2026)'
	]
];

// Triggers that concern neither brandweer nor GHOR.
const NEUTRAL: [string, Partial<RisicoscanInput>][] = [
	['peak 1 999 outdoors', { peakVisitors: 1_999 }],
	['indoors with 999', { indoor: true, peakVisitors: 999 }],
	['limited alcohol', { alcohol: 'limited' }],
	['youth only', { audience: ['youth'] }],
	['amplified music', { activities: ['amplified_music'] }],
	['animals', { activities: ['animals'] }],
	['motor vehicles', { activities: ['motor_vehicles'] }],
	['late end', { endsAt: '2026-06-14T02:00:00+02:00' }],
	['street', { site: 'street' }],
	['beach', { site: 'beach' }],
	['water site', { site: 'water' }],
	['enclosed', { enclosed: true }],
	['road closures', { roadClosures: true }],
	['rival groups', { rivalGroups: true }],
	['concurrent events', { concurrentEvents: 2 }]
];

describe('class A', () => {
	it('needs no advice, whatever the triggers', () => {
		const routing = routeAdvice('A', application({ activities: ['fireworks'], peakVisitors: 5_000, alcohol: 'heavy' }));
		expect(routing.advice).toEqual({ brandweer: false, ghor: false, politie: false, joint: false });
		for (const d of ['brandweer', 'ghor', 'politie'] as const) expect(routing.disciplines[d]).toEqual({ required: false, reasons: [] });
		expect(routing).toMatchObject({ meeting: false, safetyPlan: false });
	});
});

describe('class B', () => {
	it('always asks the police, with that as the reason; nobody else without triggers', () => {
		const routing = routeAdvice('B', application());
		expect(routing.disciplines).toEqual({
			brandweer: { required: false, reasons: [] },
			ghor: { required: false, reasons: [] },
			politie: { required: true, reasons: [POLITIE_ALWAYS_B] }
		});
		expect(routing).toMatchObject({ meeting: false, safetyPlan: false });
	});

	it.each(BRANDWEER_TRIGGERS)('asks the brandweer for %s', (_name, overrides, label) => {
		const routing = routeAdvice('B', application(overrides));
		expect(routing.disciplines.brandweer).toEqual({ required: true, reasons: [label] });
		expect(routing.disciplines.ghor.required).toBe(false);
		expect(routing.disciplines.politie.required).toBe(true);
	});

	it.each(GHOR_TRIGGERS)('asks the GHOR for %s', (_name, overrides, label) => {
		const routing = routeAdvice('B', application(overrides));
		expect(routing.disciplines.ghor).toEqual({ required: true, reasons: [label] });
		expect(routing.disciplines.brandweer.required).toBe(false);
	});

	it.each(NEUTRAL)('asks neither brandweer nor GHOR for %s', (_name, overrides) => {
		const routing = routeAdvice('B', application(overrides));
		expect(routing.disciplines.brandweer.required).toBe(false);
		expect(routing.disciplines.ghor.required).toBe(false);
		expect(routing.disciplines.politie.required).toBe(true);
	});

	it('lists every reason of a service, in the order of the rule', () => {
		const routing = routeAdvice(
			'B',
			application({ peakVisitors: 3_000, alcohol: 'heavy', activities: ['gas', 'temporary_structures', 'water_activity'], site: 'nature' })
		);
		expect(routing.disciplines.brandweer.reasons).toEqual(['Gas', 'Tijdelijke bouwwerken (tenten, podia, kramen)', 'Locatie: natuurgebied (duin, bos)']);
		expect(routing.disciplines.ghor.reasons).toEqual([
			'Piekbezetting 3.000 bezoekers (2.000 of meer)',
			'Veel alcoholgebruik',
			'Activiteit op of in het water'
		]);
	});
});

describe('class C', () => {
	it('asks all three jointly, with a meeting and a safety plan', () => {
		const routing = routeAdvice('C', application({ peakVisitors: 20_000, activities: ['fireworks'] }));
		expect(routing.advice).toEqual({ brandweer: true, ghor: true, politie: true, joint: true });
		expect(routing.disciplines.brandweer.reasons).toEqual([JOINT_C, 'Vuurwerk of pyrotechniek']);
		expect(routing.disciplines.ghor.reasons).toEqual([JOINT_C, 'Piekbezetting 20.000 bezoekers (2.000 of meer)']);
		expect(routing.disciplines.politie.reasons).toEqual([JOINT_C]);
		expect(routing).toMatchObject({ meeting: true, safetyPlan: true });
	});
});

describe('the routing agrees with the risicoscan', () => {
	const inputs = [
		...BRANDWEER_TRIGGERS.map(([, o]) => o),
		...GHOR_TRIGGERS.map(([, o]) => o),
		...NEUTRAL.map(([, o]) => o),
		{ peakVisitors: 20_000 },
		{ drugsExpected: true, rivalGroups: true, activities: ['fireworks', 'motor_vehicles'] }
	] as Partial<RisicoscanInput>[];

	it.each(['A', 'B', 'C'] as const)('class %s: required exactly where adviceForCategory says, with a reason for each', (category) => {
		for (const overrides of inputs) {
			const input = application(overrides);
			const routing = routeAdvice(category, input);
			expect(routing.advice).toEqual(adviceForCategory(category, input));
			for (const d of ['brandweer', 'ghor', 'politie'] as const) {
				expect(routing.disciplines[d].required).toBe(routing.advice[d]);
				expect(routing.disciplines[d].reasons.length > 0).toBe(routing.advice[d]);
			}
		}
	});

	it('routes by the scanned class when scored', () => {
		const input = application({ peakVisitors: 6_000, activities: ['temporary_structures'] });
		const scan = scoreRisicoscan(input);
		expect(routeAdvice(scan.category, input).advice).toEqual(scan.advice);
	});
});

describe('the requests one action creates', () => {
	it('class C: one joint request that says why, with meeting and safety plan', () => {
		const [joint, ...rest] = planAdviceRequests(routeAdvice('C', application({ peakVisitors: 20_000, activities: ['gas'] })));
		expect(rest).toEqual([]);
		expect(joint).toEqual({
			kind: 'joint',
			voluntary: false,
			reasons: [JOINT_C, MEETING_C, SAFETY_PLAN_C, 'Brandweer: Gas', 'GHOR: Piekbezetting 20.000 bezoekers (2.000 of meer)']
		});
	});

	it('class C: a voluntary choice changes nothing, an existing joint request means nothing to do', () => {
		const routing = routeAdvice('C', application({ peakVisitors: 20_000 }));
		expect(planAdviceRequests(routing, { voluntary: ['ghor'] }).map((r) => r.kind)).toEqual(['joint']);
		expect(planAdviceRequests(routing, { existing: ['joint'] })).toEqual([]);
	});

	it('class B: one per required service, plus voluntary ones, skipping existing', () => {
		const routing = routeAdvice('B', application({ activities: ['gas'] }));
		expect(planAdviceRequests(routing).map((r) => r.kind)).toEqual(['brandweer', 'politie']);
		const withGhor = planAdviceRequests(routing, { voluntary: ['ghor', 'politie'] });
		expect(withGhor.map((r) => [r.kind, r.voluntary])).toEqual([
			['brandweer', false],
			['ghor', true],
			['politie', false]
		]);
		expect(withGhor[1]!.reasons).toEqual([VOLUNTARY]);
		expect(planAdviceRequests(routing, { existing: ['politie'] }).map((r) => r.kind)).toEqual(['brandweer']);
	});

	it('class A: only what the officer asks for of their own accord', () => {
		const routing = routeAdvice('A', application());
		expect(planAdviceRequests(routing)).toEqual([]);
		expect(planAdviceRequests(routing, { voluntary: ['brandweer'] })).toEqual([{ kind: 'brandweer', reasons: [VOLUNTARY], voluntary: true }]);
	});
});

describe('advice terms', () => {
	const at = (iso: string) => new Date(iso);

	it.each([
		// requested at (instant), term, due (local date)
		['B across the spring switch (29 March)', '2026-03-10T09:00:00+01:00', 21, '2026-03-31'],
		['B requested late in the evening, UTC already the next day', '2026-03-10T23:30:00+01:00', 21, '2026-03-31'],
		['B requested just after local midnight (UTC still the day before)', '2026-03-10T00:30:00+01:00', 21, '2026-03-31'],
		['C across the autumn switch (25 October)', '2026-10-06T10:00:00+02:00', 28, '2026-11-03'],
		['ends on a Saturday: runs on to Monday', '2026-05-12T10:00:00+02:00', 18, '2026-06-01'],
		['ends on Sunday 5 April (Pasen): Monday is Tweede Paasdag, so Tuesday', '2026-03-15T10:00:00+01:00', 21, '2026-04-07'],
		['ends on Koningsdag (Monday 27 April 2026): Tuesday', '2026-04-06T10:00:00+02:00', 21, '2026-04-28'],
		['ends on Christmas: after both Christmas days and the weekend', '2026-12-04T10:00:00+01:00', 21, '2026-12-28']
	])('%s', (_name, requestedAt, term, due) => {
		expect(adviceDueDate(at(requestedAt), term)).toBe(due);
	});

	it('takes the local date, not the UTC date', () => {
		expect(localDateOf(at('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
		expect(localDateOf(at('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
		expect(localDateOf(at('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
	});

	it('gives class C the C term and everything else the B term', () => {
		expect(termDaysFor('C', DEFAULT_ADVICE_TERMS)).toBe(28);
		expect(termDaysFor('B', DEFAULT_ADVICE_TERMS)).toBe(21);
		expect(termDaysFor('A', { termDaysB: 14, termDaysC: 42 })).toBe(14);
	});
});

describe('due marks', () => {
	const open = (dueDate: string) => ({ status: 'gevraagd' as const, dueDate });

	it.each([
		['a day late', '2026-03-31', '2026-04-01', 'verlopen'],
		['due today', '2026-03-31', '2026-03-31', 'bijna'],
		['3 working days left', '2026-03-31', '2026-03-26', 'bijna'],
		['4 working days left', '2026-03-31', '2026-03-25', 'op_tijd'],
		['over a weekend: Fri → Wed is 3 working days', '2026-04-01', '2026-03-27', 'bijna']
	])('%s', (_name, dueDate, today, state) => {
		expect(dueState(open(dueDate), today)).toBe(state);
	});

	it('marks nothing once answered or withdrawn', () => {
		expect(dueState({ status: 'uitgebracht', dueDate: '2026-01-01' }, '2026-03-01')).toBeNull();
		expect(dueState({ status: 'ingetrokken', dueDate: '2026-01-01' }, '2026-03-01')).toBeNull();
	});
});

describe('the risicoscan input of a stored application', () => {
	const row = {
		peakVisitors: 3_000,
		totalVisitors: null,
		areaM2: 2_000,
		startsAt: new Date('2026-06-13T12:00:00Z'),
		endsAt: new Date('2026-06-13T20:00:00Z'),
		scanAnswers: { audience: ['children'], alcohol: 'limited', drugsExpected: false, rivalGroups: false, activities: ['gas'], site: 'park', indoor: false, enclosed: false, roadClosures: false, poorAccess: false, nearHazard: false, peakVisitors: 1 }
	};

	it('takes the event columns over the answers', () => {
		expect(risicoscanInputOf(row)).toMatchObject({ peakVisitors: 3_000, areaM2: 2_000, activities: ['gas'], startsAt: '2026-06-13T12:00:00.000Z' });
	});

	it('refuses half an answer sheet', () => {
		expect(risicoscanInputOf({ ...row, scanAnswers: { alcohol: 'limited' } })).toBeUndefined();
		expect(risicoscanInputOf({ ...row, scanAnswers: null })).toBeUndefined();
	});
});
