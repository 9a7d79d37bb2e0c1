// The vocabulary of an event application (DOMAIN.md §2) and its lifecycle as data.
import type { Category } from '../risicoscan/model.ts';

export const APPLICATION_STATUSES = ['concept', 'ingediend', 'in_behandeling', 'advies_gevraagd', 'besluit', 'ingetrokken'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
	concept: 'Concept',
	ingediend: 'Ingediend',
	in_behandeling: 'In behandeling',
	advies_gevraagd: 'Advies gevraagd',
	besluit: 'Besluit genomen',
	ingetrokken: 'Ingetrokken'
};

export const DECISIONS = ['verleend', 'verleend_met_voorschriften', 'geweigerd'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
	verleend: 'Verleend',
	verleend_met_voorschriften: 'Verleend met voorschriften',
	geweigerd: 'Geweigerd'
};

export type Procedure = 'melding' | 'vergunning';
export const PROCEDURE_LABELS: Record<Procedure, string> = { melding: 'Melding', vergunning: 'Vergunning' };

export const EVENT_TYPES = ['festival', 'concert', 'markt', 'sport', 'kermis', 'optocht', 'buurtfeest', 'beurs', 'herdenking', 'overig'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
	festival: 'Festival',
	concert: 'Concert',
	markt: 'Markt of braderie',
	sport: 'Sportevenement',
	kermis: 'Kermis',
	optocht: 'Optocht of parade',
	buurtfeest: 'Buurt- of straatfeest',
	beurs: 'Beurs of tentoonstelling',
	herdenking: 'Herdenking of ceremonie',
	overig: 'Overig'
};

export const DOCUMENT_KINDS = ['veiligheidsplan', 'situatietekening', 'constructieberekening', 'overig'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
	veiligheidsplan: 'Veiligheidsplan',
	situatietekening: 'Situatietekening',
	constructieberekening: 'Constructieberekening',
	overig: 'Overig document'
};

/** Statuses after which nothing about the application changes any more. */
export function isClosed(status: ApplicationStatus): boolean {
	return status === 'besluit' || status === 'ingetrokken';
}

/**
 * May a decision be taken now? After intake or advice; straight after submission only for a
 * melding or a class A event (nobody has to advise on those).
 */
export function mayDecide(status: ApplicationStatus, procedure: Procedure | null, category: Category | null): boolean {
	if (status === 'in_behandeling' || status === 'advies_gevraagd') return true;
	return status === 'ingediend' && (procedure === 'melding' || category === 'A');
}

/**
 * The status moves this module makes (`advies_gevraagd` is reached through the advice service's
 * requestAdvice; `besluit` through a decision, see mayDecide).
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
	concept: ['ingediend', 'ingetrokken'],
	ingediend: ['in_behandeling', 'ingetrokken'],
	in_behandeling: ['ingetrokken'],
	advies_gevraagd: ['in_behandeling', 'ingetrokken'],
	besluit: [],
	ingetrokken: []
};

export function mayMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
	return TRANSITIONS[from].includes(to);
}
