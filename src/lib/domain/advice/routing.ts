// Advice routing (DOMAIN.md §2 "Advice routing (our rule)"): which services advise on an event of
// a class, and why. The yes/no of the rule is the risicoscan's own `adviceForCategory` (the same
// function that fills `scan_result.advice`), so the rule lives in one place; this module adds the
// reasons per discipline ("waarom gevraagd") and the requests the officer's one action creates.
import {
	ALCOHOL_LABEL,
	SITE_NAME,
	adviceForCategory,
	yesNoCriteriaThatHold,
	yesNoLabel
} from '../risicoscan/score.ts';
import {
	DEFAULT_RISICOSCAN_MODEL,
	type Advice,
	type Category,
	type RisicoscanInput,
	type RisicoscanModel,
	type YesNoCriterion
} from '../risicoscan/model.ts';
import { ADVICE_DISCIPLINES, type AdviceDiscipline, type AdviceKind } from './vocabulary.ts';

export interface DisciplineRouting {
	required: boolean;
	/** Dutch labels of what makes this service's advice needed; empty when it is not. */
	reasons: string[];
}

export interface AdviceRouting {
	category: Category;
	/** Exactly `adviceForCategory(category, input, model)`. */
	advice: Advice;
	disciplines: Record<AdviceDiscipline, DisciplineRouting>;
	/** Class C: a meeting of municipality, organiser and emergency services. */
	meeting: boolean;
	/** Class C: the organiser must hand in a safety plan. */
	safetyPlan: boolean;
}

const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

export const POLITIE_ALWAYS_B = 'Klasse B: de politie adviseert altijd';
export const JOINT_C = 'Klasse C (risicovol): één gezamenlijk advies van brandweer, GHOR en politie';
export const MEETING_C = 'Multidisciplinair overleg van gemeente, organisator en hulpdiensten';
export const SAFETY_PLAN_C = 'Veiligheidsplan van de organisator vereist';
export const VOLUNTARY = 'Vrijwillig gevraagd door de vergunningverlener';

function criteriaReasons(criteria: readonly YesNoCriterion[], holds: Record<YesNoCriterion, boolean>, input: RisicoscanInput, model: RisicoscanModel): string[] {
	return criteria.filter((criterion) => holds[criterion]).map((criterion) => yesNoLabel(criterion, input, model));
}

/** What in the application concerns each service, whatever the class (the class decides who must advise). */
function concerns(input: RisicoscanInput, model: RisicoscanModel, holds: Record<YesNoCriterion, boolean>): Record<AdviceDiscipline, string[]> {
	const { brandweer, ghor } = model.advice;
	const fire = criteriaReasons(brandweer.criteria, holds, input, model);
	if (brandweer.sites.includes(input.site)) fire.push(`Locatie: ${SITE_NAME[input.site]}`);
	const medical: string[] = [];
	if (input.peakVisitors >= ghor.minPeakVisitors) {
		medical.push(
			`Piekbezetting ${integerFormat.format(input.peakVisitors)} bezoekers (${integerFormat.format(ghor.minPeakVisitors)} of meer)`
		);
	}
	if (ghor.alcohol.includes(input.alcohol)) medical.push(ALCOHOL_LABEL[input.alcohol]);
	medical.push(...criteriaReasons(ghor.criteria, holds, input, model));
	return { brandweer: fire, ghor: medical, politie: [] };
}

/**
 * Who advises on an event of `category` and why. Takes the class as an argument, so an officer's
 * override of the class routes the advice by the class that counts.
 */
export function routeAdvice(category: Category, input: RisicoscanInput, model: RisicoscanModel = DEFAULT_RISICOSCAN_MODEL): AdviceRouting {
	const holds = yesNoCriteriaThatHold(input, model);
	const advice = adviceForCategory(category, input, model, holds);
	const concern = concerns(input, model, holds);
	const disciplines = {} as Record<AdviceDiscipline, DisciplineRouting>;
	for (const discipline of ADVICE_DISCIPLINES) {
		const required = advice[discipline];
		let reasons: string[] = [];
		if (required && category === 'C') reasons = [JOINT_C, ...concern[discipline]];
		else if (required && discipline === 'politie') reasons = [POLITIE_ALWAYS_B];
		else if (required) reasons = concern[discipline];
		disciplines[discipline] = { required, reasons };
	}
	return { category, advice, disciplines, meeting: category === 'C', safetyPlan: category === 'C' };
}

/** One request the officer's action creates. */
export interface PlannedRequest {
	kind: AdviceKind;
	reasons: string[];
	voluntary: boolean;
}

/**
 * The requests to create: class C one joint request; class B one per required service plus any the
 * officer adds of their own accord; class A only those the officer asks for. Kinds that already
 * have a live (not withdrawn) request are skipped, so the action can be repeated safely.
 */
export function planAdviceRequests(
	routing: AdviceRouting,
	options: { voluntary?: readonly AdviceDiscipline[]; existing?: readonly AdviceKind[] } = {}
): PlannedRequest[] {
	const existing = new Set(options.existing ?? []);
	if (routing.category === 'C') {
		if (existing.has('joint')) return [];
		const reasons = [JOINT_C, MEETING_C, SAFETY_PLAN_C];
		for (const discipline of ADVICE_DISCIPLINES) {
			const own = routing.disciplines[discipline].reasons.filter((reason) => reason !== JOINT_C);
			for (const reason of own) reasons.push(`${DISCIPLINE_NAME[discipline]}: ${reason}`);
		}
		return [{ kind: 'joint', reasons, voluntary: false }];
	}
	const voluntary = new Set(options.voluntary ?? []);
	const planned: PlannedRequest[] = [];
	for (const discipline of ADVICE_DISCIPLINES) {
		if (existing.has(discipline)) continue;
		const { required, reasons } = routing.disciplines[discipline];
		if (required) planned.push({ kind: discipline, reasons, voluntary: false });
		else if (voluntary.has(discipline)) planned.push({ kind: discipline, reasons: [VOLUNTARY], voluntary: true });
	}
	return planned;
}

const DISCIPLINE_NAME: Record<AdviceDiscipline, string> = { brandweer: 'Brandweer', ghor: 'GHOR', politie: 'Politie' };
