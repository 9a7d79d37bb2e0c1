// What must be in before a permit decision (our rule): every advice the class requires answered,
// and every required document present. A decision with something missing is refused, listing
// what is missing, unless the officer gives a reason to decide anyway ("besluit ondanks
// ontbrekend advies"); that reason and the list stay with the decision.
import { type AdviceKind, type AdviceStatus } from '../advice/vocabulary.ts';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './application.ts';

export type DecisionGap =
	| { kind: 'advice_open'; advice: AdviceKind; label: string }
	| { kind: 'advice_not_asked'; advice: AdviceKind; label: string }
	| { kind: 'document'; document: DocumentKind; label: string };

export interface DecisionFacts {
	/** The advice the class requires (routing), e.g. ['joint'] for C, ['politie', 'ghor'] for B. */
	requiredAdvice: readonly AdviceKind[];
	/** Every request on the application, voluntary ones included. */
	requests: readonly { kind: AdviceKind; status: AdviceStatus }[];
	requiredDocuments: readonly { kind: DocumentKind; present: boolean }[];
}

const ADVICE_NAME: Record<AdviceKind, string> = {
	brandweer: 'het advies van de brandweer',
	ghor: 'het advies van de GHOR',
	politie: 'het advies van de politie',
	joint: 'het gezamenlijke advies (brandweer, GHOR, politie)'
};
const adviceName = (kind: AdviceKind) => ADVICE_NAME[kind];

/**
 * What is missing, in a fixed order: open advice (asked, not answered), required advice never
 * asked, then missing documents. A required advice that was answered counts as in, whatever the
 * kind it came under (a joint answer covers the three services).
 */
export function decisionGaps(facts: DecisionFacts): DecisionGap[] {
	const gaps: DecisionGap[] = [];
	const open = facts.requests.filter((r) => r.status === 'gevraagd');
	for (const r of open) gaps.push({ kind: 'advice_open', advice: r.kind, label: `${capitalise(adviceName(r.kind))} is gevraagd maar nog niet uitgebracht` });
	const asked = new Set(facts.requests.filter((r) => r.status !== 'ingetrokken').map((r) => r.kind));
	for (const kind of facts.requiredAdvice) {
		if (!asked.has(kind)) gaps.push({ kind: 'advice_not_asked', advice: kind, label: `${capitalise(adviceName(kind))} is nog niet gevraagd` });
	}
	for (const d of facts.requiredDocuments) {
		if (!d.present) gaps.push({ kind: 'document', document: d.kind, label: `Document ontbreekt: ${DOCUMENT_KIND_LABELS[d.kind].toLowerCase()}` });
	}
	return gaps;
}

export const DESPITE_MISSING = 'besluit ondanks ontbrekend advies';

export type GuardVerdict = { ok: true; despite: { reason: string; gaps: DecisionGap[] } | null } | { ok: false; message: string; gaps: DecisionGap[] };

/** Whether a decision may be taken now; with gaps only when `despiteReason` says why. */
export function guardDecision(gaps: readonly DecisionGap[], despiteReason: string): GuardVerdict {
	if (gaps.length === 0) return { ok: true, despite: null };
	const reason = despiteReason.trim();
	if (reason.length > 0) return { ok: true, despite: { reason, gaps: [...gaps] } };
	return {
		ok: false,
		gaps: [...gaps],
		message: `Nog niet compleet voor een besluit: ${gaps.map((g) => lowerFirst(g.label)).join('; ')}. Wacht tot dit binnen is, of geef een reden om toch te besluiten (${DESPITE_MISSING}).`
	};
}

/** The line in the status history for a decision taken despite gaps. */
export function despiteNote(decisionLabel: string, despite: { reason: string; gaps: readonly DecisionGap[] }): string {
	return `${decisionLabel} — ${capitalise(DESPITE_MISSING)}: ${despite.reason} (ontbrak: ${despite.gaps.map((g) => lowerFirst(g.label)).join('; ')})`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
	return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
