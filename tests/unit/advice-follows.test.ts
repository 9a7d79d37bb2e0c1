// The rules by which advice follows its application: what a decision still misses (and when it may
// be taken anyway), and which requests a class change withdraws and asks.
import { describe, expect, it } from 'vitest';
import { DESPITE_MISSING, decisionGaps, despiteNote, guardDecision, type DecisionFacts } from '../../src/lib/domain/events/decision-guard.ts';
import { planReroute, routeAdvice, type ExistingRequest } from '../../src/lib/domain/advice/index.ts';
import type { RisicoscanInput } from '../../src/lib/domain/risicoscan/model.ts';

const docs = (present: Record<string, boolean>) => Object.entries(present).map(([kind, p]) => ({ kind: kind as 'veiligheidsplan', present: p }));

describe('decisionGaps', () => {
	const cases: [string, DecisionFacts, string[]][] = [
		['nothing required, nothing missing', { requiredAdvice: [], requests: [], requiredDocuments: [] }, []],
		['all answered, all present', { requiredAdvice: ['politie'], requests: [{ kind: 'politie', status: 'uitgebracht' }], requiredDocuments: docs({ situatietekening: true }) }, []],
		['an open request', { requiredAdvice: ['politie'], requests: [{ kind: 'politie', status: 'gevraagd' }], requiredDocuments: [] }, ['advice_open:politie']],
		['a voluntary open request counts too', { requiredAdvice: [], requests: [{ kind: 'ghor', status: 'gevraagd' }], requiredDocuments: [] }, ['advice_open:ghor']],
		['required but never asked', { requiredAdvice: ['joint'], requests: [], requiredDocuments: [] }, ['advice_not_asked:joint']],
		['a withdrawn request is not asked', { requiredAdvice: ['politie'], requests: [{ kind: 'politie', status: 'ingetrokken' }], requiredDocuments: [] }, ['advice_not_asked:politie']],
		[
			'open advice first, then never asked, then documents in their order',
			{
				requiredAdvice: ['brandweer', 'politie'],
				requests: [{ kind: 'brandweer', status: 'gevraagd' }],
				requiredDocuments: docs({ situatietekening: false, veiligheidsplan: true, constructieberekening: false })
			},
			['advice_open:brandweer', 'advice_not_asked:politie', 'document:situatietekening', 'document:constructieberekening']
		]
	];
	for (const [name, facts, expected] of cases) {
		it(name, () => {
			expect(decisionGaps(facts).map((g) => `${g.kind}:${g.kind === 'document' ? g.document : g.advice}`)).toEqual(expected);
		});
	}

	it('names what is missing in Dutch', () => {
		const gaps = decisionGaps({ requiredAdvice: ['joint'], requests: [{ kind: 'ghor', status: 'gevraagd' }], requiredDocuments: docs({ veiligheidsplan: false }) });
		expect(gaps.map((g) => g.label)).toEqual([
			'Het advies van de GHOR is gevraagd maar nog niet uitgebracht',
			'Het gezamenlijke advies (brandweer, GHOR, politie) is nog niet gevraagd',
			'Document ontbreekt: veiligheidsplan'
		]);
	});
});

describe('guardDecision', () => {
	const gaps = decisionGaps({ requiredAdvice: ['politie'], requests: [{ kind: 'politie', status: 'gevraagd' }], requiredDocuments: [] });
	it('lets a complete application through, with or without a reason', () => {
		expect(guardDecision([], '')).toEqual({ ok: true, despite: null });
		expect(guardDecision([], 'toch')).toEqual({ ok: true, despite: null });
	});
	it('refuses with the list when something is missing and no reason is given', () => {
		for (const reason of ['', '   ', '\n']) {
			const verdict = guardDecision(gaps, reason);
			expect(verdict.ok).toBe(false);
			if (!verdict.ok) {
				expect(verdict.gaps).toEqual(gaps);
				expect(verdict.message).toBe(`Nog niet compleet voor een besluit: het advies van de politie is gevraagd maar nog niet uitgebracht. Wacht tot dit binnen is, of geef een reden om toch te besluiten (${DESPITE_MISSING}).`);
			}
		}
	});
	it('decides anyway with a reason, which stays with the gaps', () => {
		expect(guardDecision(gaps, '  Spoed  ')).toEqual({ ok: true, despite: { reason: 'Spoed', gaps } });
		expect(despiteNote('Verleend', { reason: 'Spoed', gaps })).toBe('Verleend — Besluit ondanks ontbrekend advies: Spoed (ontbrak: het advies van de politie is gevraagd maar nog niet uitgebracht)');
	});
});

describe('planReroute', () => {
	const input: RisicoscanInput = {
		peakVisitors: 3000,
		startsAt: '2027-06-12T12:00:00+02:00',
		endsAt: '2027-06-12T23:00:00+02:00',
		audience: [],
		alcohol: 'heavy',
		drugsExpected: false,
		rivalGroups: false,
		activities: ['gas', 'temporary_structures'],
		site: 'park',
		indoor: false,
		enclosed: false,
		roadClosures: false,
		poorAccess: false,
		nearHazard: false
	};
	const B = routeAdvice('B', input);
	const C = routeAdvice('C', input);
	const A = routeAdvice('A', input);
	const req = (id: string, kind: ExistingRequest['kind'], status: ExistingRequest['status'], voluntary = false): ExistingRequest => ({ id, kind, status, voluntary });
	const summary = (plan: ReturnType<typeof planReroute>) => ({ withdraw: plan.withdraw.map((w) => w.id), create: plan.create.map((c) => c.kind) });

	it('B → C: withdraws the open separate requests, keeps answered ones, asks one joint', () => {
		const plan = planReroute('B', C, [req('b', 'brandweer', 'gevraagd'), req('g', 'ghor', 'gevraagd'), req('p', 'politie', 'uitgebracht')]);
		expect(summary(plan)).toEqual({ withdraw: ['b', 'g'], create: ['joint'] });
		expect(plan.reason).toMatch(/van B naar C/);
	});
	it('B → C with a joint request already there asks nothing new', () => {
		expect(summary(planReroute('B', C, [req('j', 'joint', 'gevraagd'), req('p', 'politie', 'gevraagd')]))).toEqual({ withdraw: ['p'], create: [] });
	});
	it('C → B: withdraws an open joint request and asks the services the routing needs', () => {
		expect(summary(planReroute('C', B, [req('j', 'joint', 'gevraagd')]))).toEqual({ withdraw: ['j'], create: ['brandweer', 'ghor', 'politie'] });
	});
	it('C → B keeps an answered joint advice and asks nothing', () => {
		expect(summary(planReroute('C', B, [req('j', 'joint', 'uitgebracht')]))).toEqual({ withdraw: [], create: [] });
	});
	it('C → B does not ask again what was asked separately before', () => {
		expect(summary(planReroute('C', B, [req('j', 'joint', 'gevraagd'), req('p', 'politie', 'uitgebracht'), req('x', 'brandweer', 'ingetrokken')]))).toEqual({
			withdraw: ['j'],
			create: ['brandweer', 'ghor']
		});
	});
	it('does nothing without advice asked, without a class change, or to or from class A', () => {
		expect(summary(planReroute('B', C, []))).toEqual({ withdraw: [], create: [] });
		expect(summary(planReroute('B', C, [req('b', 'brandweer', 'ingetrokken')]))).toEqual({ withdraw: [], create: [] });
		expect(summary(planReroute('C', C, [req('j', 'joint', 'gevraagd')]))).toEqual({ withdraw: [], create: [] });
		expect(summary(planReroute('B', A, [req('p', 'politie', 'gevraagd')]))).toEqual({ withdraw: [], create: [] });
		expect(summary(planReroute('A', C, [req('p', 'politie', 'gevraagd', true)]))).toEqual({ withdraw: [], create: [] });
		expect(summary(planReroute(null, C, [req('p', 'politie', 'gevraagd')]))).toEqual({ withdraw: [], create: [] });
	});
});
