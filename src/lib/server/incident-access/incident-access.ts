// Who may read one incident, and do what inside it. Shared by every capability that works within
// an incident (crisis, tasks, logbook, injects, bluswater), so none of them imports another's
// service for it. Incidents are regional work, so a grant of any municipality counts; an
// oefenleider's grant counts in exercises only.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can, type Action } from '../auth/permissions.ts';
import { forbidden, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { findIncident, type IncidentRecord } from './incident-record-queries.ts';

export async function requireReadableIncident(db: Kysely<DB>, user: SessionUser, id: string): Promise<IncidentRecord> {
	if (!can(user, 'incident.read')) throw forbidden('Je hebt geen toegang tot incidenten.');
	const incident = isUuid(id) ? await findIncident(db, id) : undefined;
	if (!incident) throw notFound('Dit incident bestaat niet.');
	return incident;
}

export function canOnIncident(user: SessionUser, action: Action, incident: { exercise: boolean }): boolean {
	return can(user, action, { exercise: incident.exercise });
}

/** The oefenleider manages the injects of an exercise; a real incident has none. */
export function canManageInjects(user: SessionUser, incident: { exercise: boolean }): boolean {
	return incident.exercise && canOnIncident(user, 'inject.manage', incident);
}
