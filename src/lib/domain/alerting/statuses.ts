// The states of one person's alert, as the API names them and the attendance board shows them.

export const ALERT_STATUSES = ['verzonden', 'ontvangen', 'komt', 'komt_niet', 'geescaleerd'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
	verzonden: 'Verzonden',
	ontvangen: 'Gezien',
	komt: 'Komt',
	komt_niet: 'Kan niet',
	geescaleerd: 'Geëscaleerd naar backup'
};

/** What an answer through the one-tap link may be. */
export const ALERT_ANSWERS = ['komt', 'komt_niet'] as const;
export type AlertAnswer = (typeof ALERT_ANSWERS)[number];

/** A new status after an answer: an answer always counts, also after escalation (late but coming). */
export function statusAfterAnswer(answer: AlertAnswer): AlertStatus {
	return answer;
}

/** Seeing the link page moves "verzonden" to "ontvangen"; anything further stays as it is. */
export function statusAfterSeen(status: AlertStatus): AlertStatus {
	return status === 'verzonden' ? 'ontvangen' : status;
}
