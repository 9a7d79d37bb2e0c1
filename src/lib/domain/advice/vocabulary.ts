// The words of advice work: who advises, the states of a request and what an advice concludes.
// Framework-free and shared by server and browser.

/** The emergency services that advise on events (same values as a grant's `discipline`). */
export const ADVICE_DISCIPLINES = ['brandweer', 'ghor', 'politie'] as const;
export type AdviceDiscipline = (typeof ADVICE_DISCIPLINES)[number];

/** A request goes to one discipline, or (class C) is one joint request of all three. */
export const ADVICE_KINDS = [...ADVICE_DISCIPLINES, 'joint'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

export const ADVICE_STATUSES = ['gevraagd', 'uitgebracht', 'ingetrokken'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];

export const ADVICE_CONCLUSIONS = ['positief', 'positief_met_voorwaarden', 'negatief'] as const;
export type AdviceConclusion = (typeof ADVICE_CONCLUSIONS)[number];

export const ADVICE_KIND_LABELS: Record<AdviceKind, string> = {
	brandweer: 'Brandweer',
	ghor: 'GHOR',
	politie: 'Politie',
	joint: 'Gezamenlijk advies (brandweer, GHOR, politie)'
};

export const ADVICE_STATUS_LABELS: Record<AdviceStatus, string> = {
	gevraagd: 'Gevraagd',
	uitgebracht: 'Uitgebracht',
	ingetrokken: 'Ingetrokken'
};

export const ADVICE_CONCLUSION_LABELS: Record<AdviceConclusion, string> = {
	positief: 'Positief',
	positief_met_voorwaarden: 'Positief met voorwaarden',
	negatief: 'Negatief'
};

/** Which kinds of request an adviser of `discipline` works on: their own, and every joint one. */
export function kindCoversDiscipline(kind: AdviceKind, discipline: AdviceDiscipline): boolean {
	return kind === 'joint' || kind === discipline;
}

/** The disciplines a request of this kind goes to. */
export function disciplinesOfKind(kind: AdviceKind): AdviceDiscipline[] {
	return kind === 'joint' ? [...ADVICE_DISCIPLINES] : [kind];
}

export function isAdviceDiscipline(value: unknown): value is AdviceDiscipline {
	return typeof value === 'string' && (ADVICE_DISCIPLINES as readonly string[]).includes(value);
}
