// An exercise inject as /api/v1 returns it and `inject.*` events carry it.
import type { PersonRef } from './people.ts';

export interface InjectRecord {
	id: string;
	incidentId: string;
	text: string;
	/** The source the players see. */
	source: string;
	discipline: string;
	/** Minutes after the exercise's start. */
	dueMinutes: number;
	dueAt: string;
	deliveredAt: string | null;
	/** The log entry it became, once delivered. */
	entry: { id: string; number: number } | null;
	createdBy: PersonRef;
	createdAt: string;
	/** Injects exist in exercises only; the mark travels with every record. */
	exercise: boolean;
}
