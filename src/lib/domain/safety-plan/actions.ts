// The actions of a yearly execution programme (uitvoeringsprogramma): their statuses, and when an
// action is behind its planned quarter. Pure.

export const ACTION_STATUSES = ['gepland', 'in_uitvoering', 'gereed', 'uitgesteld', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
	gepland: 'Gepland',
	in_uitvoering: 'In uitvoering',
	gereed: 'Gereed',
	uitgesteld: 'Uitgesteld',
	vervallen: 'Vervallen'
};

export type Quarter = 1 | 2 | 3 | 4;

export function isActionStatus(value: unknown): value is ActionStatus {
	return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** The quarter (1–4) a calendar date falls in; months count from 0 as in Date. */
export function quarterOf(month0: number): Quarter {
	return (Math.floor(month0 / 3) + 1) as Quarter;
}

/** An action is finished when it is done or dropped: nothing more is expected of it. */
export function isFinished(status: ActionStatus): boolean {
	return status === 'gereed' || status === 'vervallen';
}

/**
 * Behind schedule: its planned quarter has ended (on `today`, as year and quarter) and it is not
 * finished. An action postponed (uitgesteld) is behind too: the council hears about it.
 */
export function isBehind(action: { year: number; plannedQuarter: number; status: ActionStatus }, today: { year: number; quarter: Quarter }): boolean {
	if (isFinished(action.status)) return false;
	return action.year < today.year || (action.year === today.year && action.plannedQuarter < today.quarter);
}

/** How many actions have each status, all statuses present (for the programme's summary line). */
export function statusCounts(actions: readonly { status: ActionStatus }[]): Record<ActionStatus, number> {
	const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
	for (const a of actions) counts[a.status]++;
	return counts;
}
