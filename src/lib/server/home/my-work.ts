// The home page's "Mijn werk": running incidents, own open tasks, advice due. Each part only for a
// user whose roles allow it (the permission module decides); the rules are in domain/my-work.ts.
// Live: the records come with the topics that bring their news and the position the load
// reflects (read before the records), so the page lays events over them without a reload.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { currentSeq } from '../realtime/event-log';
import { incidentsFor } from '../incidents/incident-service';
import type { IncidentRecord } from '../incidents/incident-queries';
import { myTasks } from '../tasks/task-service';
import type { TaskRecord } from '../tasks/task-queries';
import { adviceDueSoon, adviceInbox } from '../advice/advice-service';
import { adviceTopic, inboxTopicsOf } from '../advice/advice-access';
import type { AdviceRule } from '../../domain/my-work';
import { NEAR_DUE_WORKING_DAYS, localDateOf, type AdviceRequestRecord } from '../../domain/advice';
import { addWorkingDays } from '../../domain/working-days';
import { KENNEMERLAND } from '../../domain/region';

export interface MyWork {
	userId: string;
	/** The user's grants' municipalities (null: regional), for which incidents are theirs. */
	grants: { municipality: string | null }[];
	/** Every running incident the user may read; the page picks theirs with `runningIncidentsOf`. */
	incidents: IncidentRecord[];
	/** The user's own tasks in running incidents (all, so a finished one makes room for the next). */
	tasks: TaskRecord[];
	advice: AdviceRequestRecord[];
	adviceRule: AdviceRule | null;
	/** The last local date that counts as nearly due (a permit officer's rule). */
	nearDueBy: string;
	shows: { incidents: boolean; advice: boolean };
	/** Topic → the position the records above reflect. */
	topics: Record<string, number>;
}

async function positions(db: Kysely<DB>, topics: string[]): Promise<Record<string, number>> {
	const seqs: Record<string, number> = {};
	for (const topic of topics) seqs[topic] = await currentSeq(db, topic);
	return seqs;
}

export async function loadMyWork(db: Kysely<DB>, user: SessionUser): Promise<MyWork> {
	const readsIncidents = can(user, 'incident.read');
	// Advisers: their own open requests; permit officers: their municipalities' advice that is (nearly) due.
	const adviceRule: AdviceRule | null = can(user, 'advice.read') ? 'inbox' : can(user, 'event.read') ? 'due' : null;
	const fixedTopics = [...(readsIncidents ? ['incidents', `user:${user.id}`] : []), ...(adviceRule === 'inbox' ? inboxTopicsOf(user, KENNEMERLAND.map((m) => m.code)) : [])];
	const topics = await positions(db, fixedTopics);

	const incidents = readsIncidents ? await incidentsFor(db, user) : [];
	const tasks = readsIncidents ? await myTasks(db, user) : [];
	let advice: AdviceRequestRecord[] = [];
	if (adviceRule === 'inbox') advice = await adviceInbox(db, user);
	else if (adviceRule === 'due') {
		// A permit officer follows the applications of the advice listed: their answers and withdrawals.
		const listed = await adviceDueSoon(db, user);
		Object.assign(topics, await positions(db, [...new Set(listed.map((r) => adviceTopic(r.applicationId)))]));
		// Read again after the positions, so nothing between the two reads is lost.
		advice = await adviceDueSoon(db, user);
	}
	return {
		userId: user.id,
		grants: user.grants.map((g) => ({ municipality: g.municipality })),
		incidents,
		tasks,
		advice,
		adviceRule,
		nearDueBy: addWorkingDays(localDateOf(new Date()), NEAR_DUE_WORKING_DAYS),
		shows: { incidents: readsIncidents, advice: adviceRule !== null },
		topics
	};
}
