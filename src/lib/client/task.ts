// The task as the API returns it; one definition, shared with the server (types only, erased).
import type { TaskRecord } from '$lib/server/tasks/task-queries';

export type Task = TaskRecord;

/** Keeps the newest version of each task: events may arrive after a fresher page load. */
export function mergeTask(tasks: Record<string, Task>, incoming: Task): Record<string, Task> {
	const known = tasks[incoming.id];
	if (known && known.version >= incoming.version) return tasks;
	return { ...tasks, [incoming.id]: incoming };
}

const FIELD_LABELS: Record<string, string> = {
	status: 'status',
	title: 'titel',
	description: 'omschrijving',
	municipality: 'gemeente',
	priority: 'prioriteit',
	dueAt: 'deadline',
	assignee: 'uitvoerder',
	blockedReason: 'blokkade',
	process: 'proces'
};

/** Which fields someone else changed between the version we saw and the current one. */
export function changedFields(seen: Task, current: Task): string[] {
	return Object.keys(FIELD_LABELS)
		.filter((key) => JSON.stringify(seen[key as keyof Task]) !== JSON.stringify(current[key as keyof Task]))
		.map((key) => FIELD_LABELS[key]!);
}
