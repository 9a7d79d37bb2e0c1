// An advice request as the API returns it and as realtime events carry it (`advice.requested`,
// `advice.answered`, `advice.withdrawn`): the request with enough of its application to list it.
import type { LocalDate } from '../working-days.ts';
import type { AdviceConclusion, AdviceDiscipline, AdviceKind, AdviceStatus } from './vocabulary.ts';

export interface AdviceApplicationSummary {
	id: string;
	reference: string;
	name: string;
	municipality: string;
	category: 'A' | 'B' | 'C' | null;
	status: string;
	startsAt: string;
	endsAt: string;
	peakVisitors: number;
}

export interface PersonRef {
	id: string;
	name: string;
}

export interface AdviceRequestRecord {
	id: string;
	applicationId: string;
	application: AdviceApplicationSummary;
	discipline: AdviceKind;
	/** Why this service was asked, as Dutch labels ("waarom gevraagd"). */
	reasons: string[];
	voluntary: boolean;
	status: AdviceStatus;
	requestedAt: string;
	requestedBy: PersonRef | null;
	/** The whole local day (Europe/Amsterdam) by which the advice is due, YYYY-MM-DD. */
	dueDate: LocalDate;
	advice: string | null;
	/** Voorschriften, one per item. */
	conditions: string[];
	conclusion: AdviceConclusion | null;
	answeredAt: string | null;
	answeredBy: PersonRef | null;
	/** Who answered: the request's own discipline, or for a joint request the one that submitted it. */
	answeredDiscipline: AdviceDiscipline | null;
	withdrawnAt: string | null;
	withdrawnReason: string | null;
	version: number;
}

/** Open requests first by due date, then the rest newest first. */
export function byDueDate(a: AdviceRequestRecord, b: AdviceRequestRecord): number {
	const openA = a.status === 'gevraagd' ? 0 : 1;
	const openB = b.status === 'gevraagd' ? 0 : 1;
	if (openA !== openB) return openA - openB;
	if (openA === 0) return a.dueDate.localeCompare(b.dueDate) || a.application.startsAt.localeCompare(b.application.startsAt);
	return (b.answeredAt ?? b.withdrawnAt ?? '').localeCompare(a.answeredAt ?? a.withdrawnAt ?? '');
}
