// What the one-tap page (/alarm) shows of an alert: enough to decide, nothing confidential.
import type { AlertStatus } from '../domain/alerting/statuses.ts';

export interface AlertLinkAlert {
	name: string;
	functionName: string;
	incidentTitle: string;
	exercise: boolean;
	gripLevel: number | null;
	message: string;
	senderName: string;
	sentAt: string;
}

/** `open` offers the two buttons; the other states say in Dutch why not. */
export type AlertLinkView =
	| { state: 'unknown' }
	| { state: 'expired' | 'closed'; alert: AlertLinkAlert }
	| { state: 'used'; alert: AlertLinkAlert; status: AlertStatus; answeredAt: string | null; eta: string | null }
	| { state: 'open'; alert: AlertLinkAlert; expiresAt: string };

export type AlertAnswerOutcome = AlertLinkView | { state: 'answered'; alert: AlertLinkAlert; status: AlertStatus; eta: string | null };
