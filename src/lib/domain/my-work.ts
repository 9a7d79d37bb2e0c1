// What the home page puts first after login (our rule): the user's running incidents (not closed,
// in a municipality of their grants, or any when a grant is regional), their unfinished tasks
// (earliest due first, undated last) and the advice due soonest. Pure, so it is table-tested.

export interface WorkIncident {
	id: string;
	status: 'actief' | 'afgeschaald' | 'gesloten';
	municipalities: string[];
	startedAt: string;
}

export interface WorkTask {
	status: string;
	dueAt: string | null;
	createdAt: string;
}

export const MY_WORK_LIMIT = 5;

export function runningIncidentsOf<T extends WorkIncident>(incidents: readonly T[], grants: readonly { municipality: string | null }[]): T[] {
	const regional = grants.some((g) => g.municipality === null);
	const mine = new Set(grants.map((g) => g.municipality));
	return incidents
		.filter((i) => i.status !== 'gesloten' && (regional || i.municipalities.some((m) => mine.has(m))))
		.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export function openTasksOf<T extends WorkTask>(tasks: readonly T[], limit = MY_WORK_LIMIT): T[] {
	return tasks
		.filter((t) => t.status !== 'gereed')
		.sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.createdAt.localeCompare(b.createdAt))
		.slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Live: the page keeps the records it loaded and lays every newer version an event brings over
// them (incidents on `incidents`, tasks on `user:<id>`, advice on its inbox or application topics),
// then asks these rules again, so the home page and the server agree on what "mijn werk" is.

/** Keeps the newest version of each record; an event may be older than a fresher page load. */
export function mergeNewest<T extends { id: string; version: number }>(records: Record<string, T>, incoming: T): Record<string, T> {
	const known = records[incoming.id];
	if (known && known.version >= incoming.version) return records;
	return { ...records, [incoming.id]: incoming };
}

/**
 * The user's own unfinished tasks: a task re-assigned to someone else leaves the list, and so do
 * the tasks of an incident that was closed meanwhile.
 */
export function ownOpenTasksOf<T extends WorkTask & { incidentId: string; assignee: { id: string } | null }>(
	tasks: readonly T[],
	userId: string,
	closedIncidents: ReadonlySet<string>,
	limit = MY_WORK_LIMIT
): T[] {
	return openTasksOf(
		tasks.filter((t) => t.assignee?.id === userId && !closedIncidents.has(t.incidentId)),
		limit
	);
}

/** Which advice the home page lists: an adviser's open requests, or a permit officer's nearly due ones. */
export type AdviceRule = 'inbox' | 'due';

export interface WorkAdvice {
	status: string;
	dueDate: string;
	application: { startsAt: string };
}

/**
 * The advice due soonest: open requests, and for a permit officer only those within
 * `nearDueBy` (the last local date that counts as nearly due, like the server's query).
 */
export function adviceDueFirst<A extends WorkAdvice>(advice: readonly A[], rule: AdviceRule, nearDueBy: string, limit = MY_WORK_LIMIT): A[] {
	return advice
		.filter((a) => a.status === 'gevraagd' && (rule === 'inbox' || a.dueDate <= nearDueBy))
		.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.application.startsAt.localeCompare(b.application.startsAt))
		.slice(0, limit);
}

export interface MyWorkRecords<I extends WorkIncident, T extends WorkTask & { incidentId: string; assignee: { id: string } | null }, A extends WorkAdvice> {
	userId: string;
	grants: readonly { municipality: string | null }[];
	incidents: readonly I[];
	tasks: readonly T[];
	advice: readonly A[];
	adviceRule: AdviceRule | null;
	nearDueBy: string;
}

/** What the home page lists: the same rules on the server's load and on every live update. */
export function myWorkLists<I extends WorkIncident, T extends WorkTask & { incidentId: string; assignee: { id: string } | null }, A extends WorkAdvice>(
	work: MyWorkRecords<I, T, A>
): { incidents: I[]; tasks: T[]; advice: A[] } {
	const closed = new Set(work.incidents.filter((i) => i.status === 'gesloten').map((i) => i.id));
	return {
		incidents: runningIncidentsOf(work.incidents, work.grants),
		tasks: ownOpenTasksOf(work.tasks, work.userId, closed),
		advice: work.adviceRule ? adviceDueFirst(work.advice, work.adviceRule, work.nearDueBy) : []
	};
}
