// "Wat loopt af": an officer's deadlines across the open applications, soonest first. A concept
// must be submitted by its deadline; a submitted application must be decided before the event
// starts; a required vooraankondiging that is not done is due on its own date.
import type { LocalDate } from '../working-days.ts';
import { localDate, type Instant } from './event-time.ts';
import { isClosed, type ApplicationStatus } from './application.ts';

export interface DueFacts {
	id: string;
	reference: string;
	name: string;
	status: ApplicationStatus;
	startsAt: Instant;
	deadlineDate: LocalDate | null;
}

export interface DueItem {
	id: string;
	reference: string;
	name: string;
	date: LocalDate;
	what: string;
	overdue: boolean;
}

/** Open applications' next deadline within `horizonDays` of today (overdue ones always). */
export function dueItems(applications: readonly DueFacts[], today: LocalDate, horizon: LocalDate): DueItem[] {
	const items: DueItem[] = [];
	for (const app of applications) {
		if (isClosed(app.status)) continue;
		const start = localDate(app.startsAt);
		if (start < today) continue; // the event is over; nothing left to meet
		const item =
			app.status === 'concept' && app.deadlineDate
				? { date: app.deadlineDate, what: 'Uiterste indiendatum' }
				: { date: start, what: 'Besluit vóór de start van het evenement' };
		if (item.date > horizon) continue;
		items.push({ id: app.id, reference: app.reference, name: app.name, ...item, overdue: item.date < today });
	}
	return items.sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference));
}
