// The task as the API returns it (the wire contract), and what a conflict shows of it.
import type { TaskRecord } from '$lib/contracts/task';
import { fieldLabel } from '$lib/domain/wording/fields';

export type Task = TaskRecord;

/** The fields a conflict compares: what a person on the board can see of a task. */
const COMPARED = ['status', 'title', 'description', 'municipality', 'priority', 'dueAt', 'assignee', 'blockedReason', 'process'] as const;

/** Which fields someone else changed between the version we saw and the current one, in Dutch. */
export function changedFields(seen: Task, current: Task): string[] {
	return COMPARED.filter((key) => JSON.stringify(seen[key]) !== JSON.stringify(current[key])).map(fieldLabel);
}
