// The legal terms of a Bibob screening as pure functions on local dates (Europe/Amsterdam).
// - The LBB has 8 weeks for its advice, extendable once by 4 (at most 12).
// - The permit's decision term is suspended from the request for advice until its receipt (at most
//   the LBB term), and further for every period between sending extra questions to the applicant
//   and receiving the answer. Overlapping suspensions count once.
// - Terms that end on a Saturday, Sunday or feestdag run on to the next working day (art. 1
//   Algemene termijnenwet): the LBB term, the answer term, the zienswijze term, the decision term.
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { addDays, extendToWorkingDay, type LocalDate } from '../working-days.ts';

export const TIME_ZONE = 'Europe/Amsterdam';
export const LBB_TERM_WEEKS = 8;
export const LBB_EXTENSION_WEEKS = 4;

/** The calendar date in Amsterdam at this instant (a day starts at local midnight, DST or not). */
export function localDateOf(instant: Date | number): LocalDate {
	return format(instant, 'yyyy-MM-dd', { in: tz(TIME_ZONE) });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
	return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY_MS);
}

/** `weeks` weeks after `start`, moved to a working day by the Algemene termijnenwet. */
export function termEnd(start: LocalDate, weeks: number): LocalDate {
	return extendToWorkingDay(addDays(start, weeks * 7));
}

/** The last day for the LBB's advice: 8 weeks after the request, 12 when extended. */
export function lbbAdviceDue(requestedOn: LocalDate, extended: boolean): LocalDate {
	return termEnd(requestedOn, LBB_TERM_WEEKS + (extended ? LBB_EXTENSION_WEEKS : 0));
}

/** The applicant's last day to return the questionnaire. */
export function answerDue(sentOn: LocalDate, weeks: number): LocalDate {
	return termEnd(sentOn, weeks);
}

/** The last day for a zienswijze after an intention was sent. */
export function zienswijzeDue(intentionOn: LocalDate, weeks: number): LocalDate {
	return termEnd(intentionOn, weeks);
}

export interface Suspension {
	reason: 'lbb' | 'vragen';
	from: LocalDate;
	/** Exclusive end; null while it still runs. */
	to: LocalDate | null;
}

export interface LbbDates {
	requestedOn: LocalDate;
	extendedOn: LocalDate | null;
	receivedOn: LocalDate | null;
}

/** The LBB suspension: from the request to the receipt of the advice, at most until the LBB term ends. */
export function lbbSuspension(lbb: LbbDates, today: LocalDate): Suspension {
	const cap = lbbAdviceDue(lbb.requestedOn, lbb.extendedOn !== null);
	if (lbb.receivedOn) return { reason: 'lbb', from: lbb.requestedOn, to: lbb.receivedOn < cap ? lbb.receivedOn : cap };
	return { reason: 'lbb', from: lbb.requestedOn, to: today < cap ? null : cap };
}

export interface DecisionTermInput {
	/** The permit's decision deadline before any suspension. */
	originalDeadline: LocalDate;
	lbb: LbbDates | null;
	extraQuestions: { sentOn: LocalDate; answeredOn: LocalDate | null }[];
	today: LocalDate;
	/** Warn this many days (or fewer) before the term lapses. */
	warningDays: number;
}

export type DecisionTermState = 'loopt' | 'opgeschort' | 'verstreken';

export interface DecisionTerm {
	originalDeadline: LocalDate;
	/** The deadline after the suspensions so far (open ones counted up to today), Atw applied. */
	deadline: LocalDate;
	suspendedDays: number;
	suspensions: Suspension[];
	state: DecisionTermState;
	/** Calendar days from today to the deadline (frozen while suspended; negative when lapsed). */
	daysLeft: number;
	/** Dutch warning when the term lapses within `warningDays` or has lapsed; null otherwise. */
	warning: string | null;
}

/** Merges overlapping [from, to) periods (open ones end today) so no day counts twice. */
function merged(periods: { from: LocalDate; to: LocalDate }[]): { from: LocalDate; to: LocalDate }[] {
	const sorted = periods.filter((p) => p.to > p.from).sort((a, b) => a.from.localeCompare(b.from));
	const out: { from: LocalDate; to: LocalDate }[] = [];
	for (const p of sorted) {
		const last = out.at(-1);
		if (last && p.from <= last.to) {
			if (p.to > last.to) last.to = p.to;
		} else out.push({ ...p });
	}
	return out;
}

export function decisionTerm(input: DecisionTermInput): DecisionTerm {
	const { today } = input;
	const suspensions: Suspension[] = [];
	if (input.lbb) suspensions.push(lbbSuspension(input.lbb, today));
	for (const q of input.extraQuestions) suspensions.push({ reason: 'vragen', from: q.sentOn, to: q.answeredOn });

	// Only what has started counts; a running suspension counts up to today.
	const periods = merged(
		suspensions.filter((s) => s.from <= today).map((s) => ({ from: s.from, to: s.to ?? today }))
	);
	let deadline = input.originalDeadline;
	let suspendedDays = 0;
	for (const p of periods) {
		// A suspension that starts after the term lapsed cannot revive it.
		if (p.from > deadline) continue;
		const days = daysBetween(p.from, p.to);
		deadline = addDays(deadline, days);
		suspendedDays += days;
	}
	deadline = extendToWorkingDay(deadline);
	const suspendedNow = suspensions.some((s) => s.from <= today && (s.to === null || s.to > today));
	const daysLeft = daysBetween(today, deadline);
	const state: DecisionTermState = suspendedNow ? 'opgeschort' : daysLeft < 0 ? 'verstreken' : 'loopt';
	return {
		originalDeadline: input.originalDeadline,
		deadline,
		suspendedDays,
		suspensions,
		state,
		daysLeft,
		warning: termWarning(state, daysLeft, input.warningDays)
	};
}

export function termWarning(state: DecisionTermState, daysLeft: number, warningDays: number): string | null {
	if (state === 'opgeschort') return null;
	if (daysLeft < 0) return `Beslistermijn is ${-daysLeft} ${-daysLeft === 1 ? 'dag' : 'dagen'} geleden verlopen`;
	if (daysLeft === 0) return 'Beslistermijn verloopt vandaag';
	if (daysLeft <= warningDays) return `Beslistermijn verloopt over ${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagen'}`;
	return null;
}

/** The last day a closed file may be kept: `years` after closing (29 February → 28 February). */
export function retentionEnds(closedOn: LocalDate, years: number): LocalDate {
	const [y, m, d] = closedOn.split('-').map(Number) as [number, number, number];
	const year = y + years;
	const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
	return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/** Past its retention: the day after the retention end has come. */
export function pastRetention(closedOn: LocalDate, years: number, today: LocalDate): boolean {
	return today > retentionEnds(closedOn, years);
}
