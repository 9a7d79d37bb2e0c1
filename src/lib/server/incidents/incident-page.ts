// What the incident page needs in one load: incident, GRIP, tasks, who may do what, and the
// topic position the data reflects (so the live subscription starts exactly there).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Role, SessionUser } from '../auth/roles';
import { can, rolesAllowed } from '../auth/permissions';
import { currentSeq } from '../realtime/event-log';
import { incidentDetail } from './incident-service';
import { tasksOfIncident } from '../tasks/task-service';
import { taskReceiverGrants } from '../tasks/task-queries';
import { refillPointsFor, requestsOfIncident, unitsFor } from '../bluswater/bluswater-service';

/** The incident's water on its map, for those who may see the bluswater board. */
async function incidentWater(db: Kysely<DB>, user: SessionUser, id: string) {
	if (!can(user, 'bluswater.read')) return null;
	const requests = await requestsOfIncident(db, user, id);
	const units = (await unitsFor(db, user)).filter((u) => u.incident?.id === id || u.status === 'beschikbaar');
	return { requests, units, refillPoints: await refillPointsFor(db, user) };
}

export async function loadIncidentPage(db: Kysely<DB>, user: SessionUser, id: string) {
	// Position first: anything after it is replayed by the subscription, anything before is loaded.
	const seq = await currentSeq(db, `incident:${id}`);
	const detail = await incidentDetail(db, user, id);
	const tasks = await tasksOfIncident(db, user, id);
	const scope = { exercise: detail.incident.exercise };
	const assignees = await taskReceiverGrants(db, rolesAllowed('task.receive'));
	return {
		...detail,
		tasks,
		water: await incidentWater(db, user, id),
		seq,
		// One entry per person, even when they hold several fitting grants.
		assignees: [...new Map(assignees.filter((a) => can({ id: a.id, email: '', name: '', grants: [{ role: a.role as Role, municipality: a.municipalityCode, discipline: null }] }, 'task.receive', scope)).map((a) => [a.id, { id: a.id, name: a.name, municipality: a.municipalityCode }])).values()],
		canWrite: can(user, 'task.write', scope),
		canManage: can(user, 'incident.manage', scope)
	};
}
