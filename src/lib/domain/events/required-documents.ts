// Which documents an application must carry (our rule, as data): a site map for every
// application; for class B and C a construction calculation when temporary structures stand;
// for class C also a safety plan (DOMAIN.md §2: "a safety plan required").
import type { Activity, Category } from '../risicoscan/model.ts';
import type { DocumentKind, Procedure } from './application.ts';

export interface RequiredDocumentRule {
	kind: DocumentKind;
	/** Classes for which it is required (a melding counts as none). */
	categories: readonly Category[];
	/** Required for a melding too. */
	melding: boolean;
	/** Only when the application has this activity. */
	whenActivity?: Activity;
	reason: string;
}

export const REQUIRED_DOCUMENT_RULES: readonly RequiredDocumentRule[] = [
	{ kind: 'situatietekening', categories: ['A', 'B', 'C'], melding: true, reason: 'Altijd: de indeling van het terrein met nooduitgangen en opstelplaatsen' },
	{ kind: 'veiligheidsplan', categories: ['C'], melding: false, reason: 'Klasse C: een veiligheidsplan is verplicht' },
	{
		kind: 'constructieberekening',
		categories: ['B', 'C'],
		melding: false,
		whenActivity: 'temporary_structures',
		reason: 'Klasse B of C met tijdelijke bouwwerken (tenten, podia, tribunes)'
	}
];

export interface RequiredDocument {
	kind: DocumentKind;
	reason: string;
}

export function requiredDocuments(facts: { procedure: Procedure | null; category: Category | null; activities: readonly Activity[] }): RequiredDocument[] {
	return REQUIRED_DOCUMENT_RULES.filter((rule) => {
		const byClass = facts.procedure === 'melding' ? rule.melding : facts.category !== null && rule.categories.includes(facts.category);
		return byClass && (!rule.whenActivity || facts.activities.includes(rule.whenActivity));
	}).map((rule) => ({ kind: rule.kind, reason: rule.reason }));
}
