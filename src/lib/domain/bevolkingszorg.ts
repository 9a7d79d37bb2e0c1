// Bevolkingszorg (DOMAIN.md §5): the five municipal crisis processes, task states and the
// performance norms of "Bevolkingszorg op orde 2.0" (2014).

export const PROCESSES = ['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase'] as const;
export type Process = (typeof PROCESSES)[number];

export const PROCESS_LABELS: Record<Process, string> = {
	crisiscommunicatie: 'Crisiscommunicatie',
	publieke_zorg: 'Publieke zorg',
	informeren_verwanten: 'Informeren verwanten',
	omgevingszorg: 'Omgevingszorg',
	nafase: 'Nafase'
};

export const TASK_STATUSES = ['open', 'in_uitvoering', 'gereed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
	open: 'Open',
	in_uitvoering: 'In uitvoering',
	gereed: 'Gereed'
};

export const PRIORITIES = ['laag', 'normaal', 'hoog', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Why a task may not move to `to`, or null when it may. Any state may follow any other
 * (work is reopened in practice), but a blocked task is not finished until it is unblocked.
 */
export function transitionRefusal(task: { status: TaskStatus; blockedReason: string | null }, to: TaskStatus): string | null {
	if (to === 'gereed' && task.blockedReason) return 'Een geblokkeerde taak kan niet gereed zijn: hef eerst de blokkade op.';
	return null;
}

export interface NormClock {
	code: 'opvang' | 'tijdelijke_huisvesting';
	label: string;
	deadline: Date;
	minutesLeft: number;
	state: 'op_schema' | 'bijna' | 'verlopen';
}

const HOUR = 60 * 60 * 1000;
export const NORMS = {
	shelterHours: 3,
	housingHours: 48,
	shelterShare: 0.1,
	shelterCapacityCap: 200
} as const;

function clock(code: NormClock['code'], label: string, start: Date, hours: number, now: Date): NormClock {
	const deadline = new Date(start.getTime() + hours * HOUR);
	const minutesLeft = Math.floor((deadline.getTime() - now.getTime()) / 60_000);
	// Warn in the last quarter of the norm period.
	const warnFrom = (hours * 60) / 4;
	const state = minutesLeft < 0 ? 'verlopen' : minutesLeft <= warnFrom ? 'bijna' : 'op_schema';
	return { code, label, deadline, minutesLeft, state };
}

/** The norm clocks run from the incident's start. */
export function normClocks(incidentStart: Date, now: Date): NormClock[] {
	return [
		clock('opvang', `Opvang binnen ${NORMS.shelterHours} uur`, incidentStart, NORMS.shelterHours, now),
		clock('tijdelijke_huisvesting', `Tijdelijke huisvesting binnen ${NORMS.housingHours} uur`, incidentStart, NORMS.housingHours, now)
	];
}

/** Shelter places to arrange: 10% of those affected, at most 200. */
export function shelterCapacity(affectedPeople: number): number {
	if (!Number.isFinite(affectedPeople) || affectedPeople <= 0) return 0;
	return Math.min(Math.ceil(affectedPeople * NORMS.shelterShare), NORMS.shelterCapacityCap);
}
