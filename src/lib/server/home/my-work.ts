// The home page's "Mijn werk": running incidents, own open tasks, advice due. Each part only for a
// user whose roles allow it (the permission module decides); the rules are in domain/my-work.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { incidentsFor } from '../incidents/incident-service';
import { myTasks } from '../tasks/task-service';
import { adviceDueSoon, adviceInbox } from '../advice/advice-service';
import { MY_WORK_LIMIT, openTasksOf, runningIncidentsOf } from '../../domain/my-work';
import { byDueDate } from '../../domain/advice';

export async function loadMyWork(db: Kysely<DB>, user: SessionUser) {
	const readsIncidents = can(user, 'incident.read');
	const incidents = readsIncidents ? runningIncidentsOf(await incidentsFor(db, user), user.grants) : [];
	const tasks = readsIncidents ? openTasksOf(await myTasks(db, user)) : [];
	// Advisers: their own open requests; permit officers: their municipalities' advice that is (nearly) due.
	const advice = can(user, 'advice.read')
		? (await adviceInbox(db, user)).filter((r) => r.status === 'gevraagd').sort(byDueDate).slice(0, MY_WORK_LIMIT)
		: can(user, 'event.read')
			? (await adviceDueSoon(db, user)).slice(0, MY_WORK_LIMIT)
			: [];
	return {
		incidents: incidents.map((i) => ({ id: i.id, title: i.title, exercise: i.exercise, grip: i.grip, status: i.status, startedAt: i.startedAt })),
		tasks: tasks.map((t) => ({ id: t.id, incidentId: t.incidentId, title: t.title, status: t.status, dueAt: t.dueAt, exercise: t.exercise })),
		advice: advice.map((r) => ({ id: r.id, name: r.application.name, reference: r.application.reference, dueDate: r.dueDate, discipline: r.discipline })),
		shows: { incidents: readsIncidents, advice: can(user, 'advice.read') || can(user, 'event.read') }
	};
}
