// Incidents (DOMAIN.md §4): crisis or exercise, status, GRIP. The GRIP levels themselves are
// data (table grip_level), because the national system is being reformed.

export const INCIDENT_KINDS = ['crisis', 'oefening'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['actief', 'afgeschaald', 'gesloten'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
	actief: 'Actief',
	afgeschaald: 'Afgeschaald',
	gesloten: 'Gesloten'
};

/** Every record, message and export of an exercise carries this mark. */
export const EXERCISE_MARK = 'OEFENING';

export function isExercise(kind: IncidentKind): boolean {
	return kind === 'oefening';
}

/** A closed incident is history: nothing about it changes any more. */
export function incidentIsOpen(status: IncidentStatus): boolean {
	return status !== 'gesloten';
}
