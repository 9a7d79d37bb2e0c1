// The order of a Bibob procedure: which step may follow which, with which dates. Pure; each check
// returns the refusal (status, code, field, Dutch message) or null, and the service refuses the
// whole change before anything is written.
import type { LocalDate } from '../working-days.ts';
import type { Decision, Intention } from './catalog.ts';
import { lbbAdviceDue } from './terms.ts';

export interface ProcedureState {
	status: 'open' | 'afgerond' | 'vernietigd';
	openedOn: LocalDate;
	questionnaireSentOn: LocalDate | null;
	lbbRequestedOn: LocalDate | null;
	lbbExtendedOn: LocalDate | null;
	lbbReceivedOn: LocalDate | null;
	intention: Intention | null;
	intentionOn: LocalDate | null;
	zienswijzeDueOn: LocalDate | null;
	zienswijzeReceivedOn: LocalDate | null;
}

export interface Refusal {
	status: 400 | 409;
	code: string;
	field: string;
	message: string;
}

const fmt = (d: LocalDate) => {
	const [y, m, day] = d.split('-');
	return `${Number(day)}-${Number(m)}-${y}`;
};

const order = (field: string, message: string): Refusal => ({ status: 400, code: 'date_order', field, message });
const conflict = (code: string, field: string, message: string): Refusal => ({ status: 409, code, field, message });

function notBefore(field: string, date: LocalDate, earlier: LocalDate | null, what: string): Refusal | null {
	if (earlier && date < earlier) return order(field, `Deze datum ligt vóór ${what} (${fmt(earlier)}).`);
	return null;
}

function notInFuture(field: string, date: LocalDate, today: LocalDate): Refusal | null {
	return date > today ? order(field, `Deze datum ligt in de toekomst (vandaag is ${fmt(today)}).`) : null;
}

export function requireOpen(state: ProcedureState): Refusal | null {
	if (state.status === 'open') return null;
	return conflict('file_closed', '(body)', 'Dit dossier is afgerond; er kan niets meer aan worden toegevoegd.');
}

export function checkQuestionnaire(state: ProcedureState, input: { sentOn: LocalDate; receivedOn: LocalDate | null }, today: LocalDate): Refusal | null {
	return (
		requireOpen(state) ??
		notBefore('sentOn', input.sentOn, state.openedOn, 'de opening van het dossier') ??
		notInFuture('sentOn', input.sentOn, today) ??
		(input.receivedOn ? notBefore('receivedOn', input.receivedOn, input.sentOn, 'de verzenddatum') : null) ??
		(input.receivedOn ? notInFuture('receivedOn', input.receivedOn, today) : null)
	);
}

export function checkDated(state: ProcedureState, field: string, date: LocalDate, today: LocalDate): Refusal | null {
	return requireOpen(state) ?? notBefore(field, date, state.openedOn, 'de opening van het dossier') ?? notInFuture(field, date, today);
}

export function checkLbbRequest(state: ProcedureState, requestedOn: LocalDate, today: LocalDate): Refusal | null {
	if (state.lbbRequestedOn) return conflict('lbb_already_requested', 'requestedOn', 'Er is al advies aan het LBB gevraagd voor dit dossier.');
	return checkDated(state, 'requestedOn', requestedOn, today);
}

export function checkLbbExtension(state: ProcedureState, extendedOn: LocalDate, today: LocalDate): Refusal | null {
	if (!state.lbbRequestedOn) return conflict('lbb_not_requested', 'extendedOn', 'Er is nog geen advies aan het LBB gevraagd.');
	if (state.lbbExtendedOn) return conflict('lbb_already_extended', 'extendedOn', 'De adviestermijn van het LBB kan maar één keer worden verlengd (met 4 weken).');
	if (state.lbbReceivedOn) return conflict('lbb_advice_received', 'extendedOn', 'Het advies is al ontvangen; verlengen kan niet meer.');
	const due = lbbAdviceDue(state.lbbRequestedOn, false);
	if (extendedOn > due) return order('extendedOn', `De verlenging moet vóór het einde van de adviestermijn (${fmt(due)}) zijn gemeld.`);
	return requireOpen(state) ?? notBefore('extendedOn', extendedOn, state.lbbRequestedOn, 'de adviesaanvraag') ?? notInFuture('extendedOn', extendedOn, today);
}

export function checkLbbAdvice(state: ProcedureState, receivedOn: LocalDate, today: LocalDate): Refusal | null {
	if (!state.lbbRequestedOn) return conflict('lbb_not_requested', 'receivedOn', 'Er is geen advies aan het LBB gevraagd; leg eerst de adviesaanvraag vast.');
	if (state.lbbReceivedOn) return conflict('lbb_advice_received', 'receivedOn', 'Het advies van het LBB is al vastgelegd.');
	return requireOpen(state) ?? notBefore('receivedOn', receivedOn, state.lbbRequestedOn, 'de adviesaanvraag') ?? notInFuture('receivedOn', receivedOn, today);
}

export function checkIntention(state: ProcedureState, intentionOn: LocalDate, today: LocalDate): Refusal | null {
	if (state.lbbRequestedOn && !state.lbbReceivedOn) {
		return conflict('advice_pending', 'intentionOn', 'Het advies van het LBB is nog niet ontvangen; een voornemen volgt pas na het advies.');
	}
	if (state.intention && !state.zienswijzeReceivedOn && state.zienswijzeDueOn && intentionOn <= state.zienswijzeDueOn) {
		return conflict('hearing_term_running', 'intentionOn', `De zienswijzetermijn van het vorige voornemen loopt nog tot en met ${fmt(state.zienswijzeDueOn)}.`);
	}
	return (
		checkDated(state, 'intentionOn', intentionOn, today) ??
		notBefore('intentionOn', intentionOn, state.lbbReceivedOn, 'de ontvangst van het LBB-advies') ??
		notBefore('intentionOn', intentionOn, state.intentionOn, 'het vorige voornemen')
	);
}

export function checkZienswijze(state: ProcedureState, receivedOn: LocalDate, today: LocalDate): Refusal | null {
	if (!state.intention || !state.intentionOn) return conflict('no_intention', 'receivedOn', 'Er is geen voornemen verstuurd waarop een zienswijze kan komen.');
	return checkDated(state, 'receivedOn', receivedOn, today) ?? notBefore('receivedOn', receivedOn, state.intentionOn, 'het voornemen');
}

/** How far a decision goes against the applicant; an intention announces the furthest it may go. */
const SEVERITY: Record<Decision | Intention, number> = {
	verlenen: 0,
	verlenen_met_voorschriften: 1,
	voorschriften: 1,
	weigeren: 2,
	intrekken: 2
};

export function checkDecision(state: ProcedureState, input: { decision: Decision; decidedOn: LocalDate }, today: LocalDate): Refusal | null {
	const closed = requireOpen(state);
	if (closed) return closed;
	if (state.lbbRequestedOn && !state.lbbReceivedOn) {
		return conflict('advice_pending', 'decision', 'Er is advies aan het LBB gevraagd en dat is nog niet ontvangen. Neem pas een besluit als het advies binnen is.');
	}
	if (SEVERITY[input.decision] > 0) {
		if (!state.intention || !state.intentionOn) {
			return conflict(
				'hearing_required',
				'decision',
				'Voor een besluit tegen de aanvrager in (voorschriften, weigeren of intrekken) moet eerst een voornemen zijn verstuurd, zodat de aanvrager een zienswijze kan geven.'
			);
		}
		if (SEVERITY[input.decision] > SEVERITY[state.intention]) {
			return conflict('beyond_intention', 'decision', 'Dit besluit gaat verder dan het voornemen; stuur eerst een nieuw voornemen, zodat de aanvrager daarop kan reageren.');
		}
	}
	if (state.intention && state.zienswijzeDueOn && !state.zienswijzeReceivedOn && input.decidedOn <= state.zienswijzeDueOn) {
		return conflict('hearing_term_running', 'decidedOn', `De zienswijzetermijn loopt nog tot en met ${fmt(state.zienswijzeDueOn)}. Neem het besluit daarna, of leg eerst de ontvangen zienswijze vast.`);
	}
	return (
		notBefore('decidedOn', input.decidedOn, state.openedOn, 'de opening van het dossier') ??
		notBefore('decidedOn', input.decidedOn, state.lbbReceivedOn, 'de ontvangst van het LBB-advies') ??
		notBefore('decidedOn', input.decidedOn, state.zienswijzeReceivedOn ?? state.intentionOn, state.zienswijzeReceivedOn ? 'de ontvangen zienswijze' : 'het voornemen') ??
		notInFuture('decidedOn', input.decidedOn, today)
	);
}

export function checkExtraQuestion(state: ProcedureState, input: { sentOn: LocalDate; answeredOn: LocalDate | null }, today: LocalDate): Refusal | null {
	return (
		checkDated(state, 'sentOn', input.sentOn, today) ??
		(input.answeredOn ? notBefore('answeredOn', input.answeredOn, input.sentOn, 'het versturen van de vragen') ?? notInFuture('answeredOn', input.answeredOn, today) : null)
	);
}

export const STAGES = ['eigen_onderzoek', 'vragenlijst', 'lbb_advies', 'besluitvorming', 'zienswijze', 'afgerond', 'vernietigd'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
	eigen_onderzoek: 'Eigen onderzoek',
	vragenlijst: 'Wacht op de vragenlijst',
	lbb_advies: 'Wacht op LBB-advies',
	besluitvorming: 'Besluitvorming',
	zienswijze: 'Voornemen verstuurd, zienswijzetermijn',
	afgerond: 'Afgerond',
	vernietigd: 'Vernietigd'
};

/** Where a screening stands: the step it waits for. */
export function fileStage(state: ProcedureState & { questionnaireReceivedOn: LocalDate | null }): Stage {
	if (state.status !== 'open') return state.status;
	if (state.intention) return 'zienswijze';
	if (state.lbbRequestedOn && !state.lbbReceivedOn) return 'lbb_advies';
	if (state.lbbReceivedOn) return 'besluitvorming';
	if (state.questionnaireSentOn && !state.questionnaireReceivedOn) return 'vragenlijst';
	return 'eigen_onderzoek';
}
