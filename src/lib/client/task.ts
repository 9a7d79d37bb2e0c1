// The task as the API returns it; one definition, shared with the server (types only, erased).
import type { TaskRecord } from '$lib/server/tasks/task-queries';
import { fieldLabel } from '$lib/domain/wording/fields';

export type Task = TaskRecord;

/** Keeps the newest version of each task: events may arrive after a fresher page load. */
export function mergeTask(tasks: Record<string, Task>, incoming: Task): Record<string, Task> {
	const known = tasks[incoming.id];
	if (known && known.version >= incoming.version) return tasks;
	return { ...tasks, [incoming.id]: incoming };
}

/** The fields a conflict compares: what a person on the board can see of a task. */
const COMPARED = ['status', 'title', 'description', 'municipality', 'priority', 'dueAt', 'assignee', 'blockedReason', 'process'] as const;

/** Which fields someone else changed between the version we saw and the current one, in Dutch. */
export function changedFields(seen: Task, current: Task): string[] {
	return COMPARED.filter((key) => JSON.stringify(seen[key]) !== JSON.stringify(current[key])).map(fieldLabel);
}
