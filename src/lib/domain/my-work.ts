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
