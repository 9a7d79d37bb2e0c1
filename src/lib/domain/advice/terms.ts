// Advice terms: an advice is due a number of whole days after the request, counted on the local
// calendar of Europe/Amsterdam (so a daylight-saving switch in between never moves the date), and
// a term ending on a Saturday, Sunday or feestdag runs on to the next working day (art. 1 Atw).
// @date-fns/tz gives the local date of an instant; working-days.ts does the day arithmetic.
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { addDays, extendToWorkingDay, workingDaysBetween, type LocalDate } from '../working-days.ts';
import type { AdviceStatus } from './vocabulary.ts';

export const ADVICE_TIME_ZONE = 'Europe/Amsterdam';

/** Our rule, configurable per municipality: class B three weeks, class C four. */
export const DEFAULT_ADVICE_TERMS = { termDaysB: 21, termDaysC: 28 } as const;

export interface AdviceTerms {
	termDaysB: number;
	termDaysC: number;
}

/** The local calendar date of an instant in Europe/Amsterdam. */
export function localDateOf(instant: Date): LocalDate {
	return format(instant, 'yyyy-MM-dd', { in: tz(ADVICE_TIME_ZONE) });
}

/** Class C gets the C term; B (and a voluntary request on an A event) the B term. */
export function termDaysFor(category: 'A' | 'B' | 'C', terms: AdviceTerms): number {
	return category === 'C' ? terms.termDaysC : terms.termDaysB;
}

/** The date the advice is due: the local request date plus the term, moved to a working day. */
export function adviceDueDate(requestedAt: Date, termDays: number): LocalDate {
	return extendToWorkingDay(addDays(localDateOf(requestedAt), termDays));
}

/** From this many working days before the due date an open request counts as "bijna verlopen". */
export const NEAR_DUE_WORKING_DAYS = 3;

export type DueState = 'verlopen' | 'bijna' | 'op_tijd';

export const DUE_STATE_LABELS: Record<DueState, string> = {
	verlopen: 'Termijn verstreken',
	bijna: 'Bijna verlopen',
	op_tijd: 'Op tijd'
};

/** How an open request stands against its due date on `today`; null once answered or withdrawn. */
export function dueState(request: { status: AdviceStatus; dueDate: LocalDate }, today: LocalDate): DueState | null {
	if (request.status !== 'gevraagd') return null;
	if (today > request.dueDate) return 'verlopen';
	return workingDaysBetween(today, request.dueDate) <= NEAR_DUE_WORKING_DAYS ? 'bijna' : 'op_tijd';
}

/** "31-03-2026" */
export function formatDueDate(date: LocalDate): string {
	const [year, month, day] = date.split('-');
	return `${day}-${month}-${year}`;
}
