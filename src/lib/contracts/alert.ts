// An alert as the API returns it and `alert.created` / `alert.updated` carry it on
// `incident:<id>`: who was called for which function, and how each answered.
import type { AlertStatus } from '../domain/alerting/statuses.ts';
import type { PersonRef } from './people.ts';

export interface AlertRecipientRecord {
	id: string;
	userId: string;
	name: string;
	/** The crisis function's code (docs/alerting.md). */
	function: string;
	functionName: string;
	status: AlertStatus;
	sentAt: string;
	receivedAt: string | null;
	answeredAt: string | null;
	/** Expected arrival given with "Ik kom". */
	eta: string | null;
	/** When the alert passes to the backup if no answer comes; null: never. */
	escalateAt: string | null;
	escalatedAt: string | null;
	/** On a backup's row: the recipient whose alert it took over. */
	escalatedFrom: string | null;
}

export interface AlertRecord {
	id: string;
	incidentId: string;
	message: string;
	functions: string[];
	/** The GRIP level whose raising sent it; null for "Alarmeren". */
	gripLevel: number | null;
	createdBy: PersonRef;
	createdAt: string;
	exercise: boolean;
	recipients: AlertRecipientRecord[];
}

/** The answer to `POST /api/v1/incidents/:id/alerts`. */
export interface AlertCreated {
	id: string;
	recipients: { userId: string; function: string; status: AlertStatus }[];
	/** Chosen functions with nobody on duty now: no one was alerted for them. */
	unstaffed: string[];
}

/** `GET /api/v1/oncall`: one row per function with someone on duty now. */
export interface OnCallRecord {
	function: string;
	userId: string;
	name: string;
	backupUserId: string | null;
}
