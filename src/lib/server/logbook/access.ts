// Who may do what on one incident. Incidents are regional work, so a grant of any
// municipality counts; an oefenleider's grant counts in exercises only.
import type { SessionUser } from '../auth/roles.ts';
import { can, type Action } from '../auth/permissions.ts';

export function canOnIncident(user: SessionUser, action: Action, incident: { exercise: boolean }): boolean {
	return can(user, action, { exercise: incident.exercise });
}
