// Deadlines of an application (DOMAIN.md §2): the municipality's term before the start (weeks,
// or working days by the Algemene termijnenwet), the "te laat ingediend" flag (a flag, never a
// refusal) and the vooraankondiging the year before. Everything works on local dates in
// Europe/Amsterdam, so a daylight-saving change between submission and start moves nothing.
import { addDays, addWorkingDays, type LocalDate } from '../working-days.ts';
import { localDate, type Instant } from './event-time.ts';

export interface Term {
	unit: 'weeks' | 'working_days';
	amount: number;
}

export function describeTerm(term: Term): string {
	if (term.unit === 'weeks') return `${term.amount} ${term.amount === 1 ? 'week' : 'weken'}`;
	return `${term.amount} ${term.amount === 1 ? 'werkdag' : 'werkdagen'}`;
}

/**
 * The last local date on which an application is on time: `term` before the local start date.
 * Weeks count calendar days; working days skip weekends and feestdagen.
 */
export function applicationDeadline(startsAt: Instant, term: Term): LocalDate {
	const start = localDate(startsAt);
	return term.unit === 'weeks' ? addDays(start, -7 * term.amount) : addWorkingDays(start, -term.amount);
}

/** Submitted after the deadline's local date. */
export function isLate(submittedAt: Instant, deadline: LocalDate): boolean {
	return localDate(submittedAt) > deadline;
}

/** Which events a municipality wants announced the year before, and by when. */
export interface PreannouncementRule {
	/** Every event, or only from this many visitors (total, else peak), "more than". */
	visitorsAbove: number | null;
	/** New events must always be announced. */
	newEvents: boolean;
	/** Due date in the year before the event: month (1–12) and day. */
	month: number;
	day: number;
}

export interface PreannouncementCheck {
	required: boolean;
	/** The local date by which it was due. */
	due: LocalDate;
	/** Why it is required. */
	reason: string;
}

export function preannouncement(
	rule: PreannouncementRule | null,
	facts: { startsAt: Instant; peakVisitors: number; totalVisitors: number | null; isNewEvent: boolean }
): PreannouncementCheck | null {
	if (!rule) return null;
	const year = Number(localDate(facts.startsAt).slice(0, 4)) - 1;
	const due = `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
	const visitors = facts.totalVisitors ?? facts.peakVisitors;
	let reason: string | null = null;
	if (rule.visitorsAbove === null) reason = 'elk evenement';
	else if (visitors > rule.visitorsAbove) reason = `meer dan ${new Intl.NumberFormat('nl-NL').format(rule.visitorsAbove)} bezoekers`;
	else if (rule.newEvents && facts.isNewEvent) reason = 'nieuw evenement';
	return reason ? { required: true, due, reason } : null;
}
