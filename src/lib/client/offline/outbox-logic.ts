// The offline queue's rules, pure (tested in tests/unit/outbox-logic.test.ts): what a queued write
// is, what an answer means for it, how a user's own earlier change moves the version a later one
// carries, and how pending changes show on the board. The IndexedDB store and the sending are in
// outbox-store.ts and outbox.svelte.ts.
import type { TaskRecord } from '../../contracts/task.ts';

interface QueuedBase {
	/** The Idempotency-Key: the server answers this write once, however often it is sent. */
	key: string;
	userId: string;
	incidentId: string;
	/** When the user made the change (ISO 8601). */
	at: string;
	path: string;
	method: 'POST' | 'PATCH';
}

export interface QueuedTaskChange extends QueuedBase {
	kind: 'task.change';
	taskId: string;
	/** The change as the user made it, with the version they saw (`version`). */
	body: { version: number } & Record<string, unknown>;
	/** In Dutch, for the pending mark and a conflict: "status naar gereed". */
	description: string;
	/** The task as the user saw it when making the change: a conflict shows what others changed since. */
	seen: TaskRecord;
}

export interface QueuedLogEntry extends QueuedBase {
	kind: 'log.create';
	body: { kind: string; discipline: string; text: string; source?: string; happenedAt?: string; correctsId?: string };
}

export interface QueuedNewTask extends QueuedBase {
	kind: 'task.create';
	body: { process: string; title: string } & Record<string, unknown>;
}

export type QueuedWrite = QueuedTaskChange | QueuedLogEntry | QueuedNewTask;

export function queuedTaskChange(input: { key: string; userId: string; task: TaskRecord; change: Record<string, unknown>; description: string; at: Date }): QueuedTaskChange {
	return {
		kind: 'task.change',
		key: input.key,
		userId: input.userId,
		incidentId: input.task.incidentId,
		taskId: input.task.id,
		at: input.at.toISOString(),
		method: 'PATCH',
		path: `/api/v1/tasks/${input.task.id}`,
		body: { ...input.change, version: input.task.version },
		description: input.description,
		seen: input.task
	};
}

export function queuedLogEntry(input: { key: string; userId: string; incidentId: string; body: QueuedLogEntry['body']; at: Date }): QueuedLogEntry {
	return {
		kind: 'log.create',
		key: input.key,
		userId: input.userId,
		incidentId: input.incidentId,
		at: input.at.toISOString(),
		method: 'POST',
		path: `/api/v1/incidents/${input.incidentId}/log`,
		body: input.body
	};
}

export function queuedNewTask(input: { key: string; userId: string; incidentId: string; body: QueuedNewTask['body']; at: Date }): QueuedNewTask {
	return {
		kind: 'task.create',
		key: input.key,
		userId: input.userId,
		incidentId: input.incidentId,
		at: input.at.toISOString(),
		method: 'POST',
		path: `/api/v1/incidents/${input.incidentId}/tasks`,
		body: input.body
	};
}

/**
 * What an answer means for a queued write:
 * - `done`: written (or written before: a replayed answer); remove it;
 * - `conflict`: someone else changed the task first (409 with `current`); remove it, show the merge view;
 * - `rejected`: the server refuses it for good (a 4xx); remove it and show why, with what was typed;
 * - `wait`: no network, the server is busy or the first try is still being answered; keep it, stop for now;
 * - `signed_out`: the session ended; keep it until the user signs in again.
 */
export type Outcome = 'done' | 'conflict' | 'rejected' | 'wait' | 'signed_out';

export function outcomeOf(status: number, body: Record<string, unknown>): Outcome {
	if (status >= 200 && status < 300) return 'done';
	if (status === 0 || status >= 500 || status === 429 || status === 408) return 'wait';
	if (status === 401) return 'signed_out';
	if (status === 409) {
		if (body.current) return 'conflict';
		const code = (body.error as { code?: string } | undefined)?.code ?? body.code;
		if (code === 'idempotency_in_progress') return 'wait';
	}
	return 'rejected';
}

/** Versions a user's own writes moved a task from and to, during one sending round. */
export type OwnAdvances = Readonly<Record<string, { from: number; to: number }>>;

/**
 * The version a queued task change is sent with. Two changes to one task made offline both carry
 * the version the user saw; once the first is written, the second builds on it, so it is sent with
 * the version the first produced. Any other version is sent as it was: a real conflict shows.
 */
export function versionToSend(write: QueuedTaskChange, advances: OwnAdvances): number {
	const own = advances[write.taskId];
	return own && own.from === write.body.version ? own.to : write.body.version;
}

/** Records that an own write moved a task from `from` to `to`; a chain keeps its first `from`. */
export function advance(advances: OwnAdvances, taskId: string, from: number, to: number): OwnAdvances {
	const known = advances[taskId];
	return { ...advances, [taskId]: { from: known && known.to === from ? known.from : from, to } };
}

/** The writes to send for a user, oldest first (the order they were made in). */
export function sendOrder(writes: readonly QueuedWrite[], userId: string): QueuedWrite[] {
	return writes.filter((w) => w.userId === userId).sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

/** The fields of a task change the board shows before the server has it. */
const SHOWN = ['status', 'process', 'blockedReason'] as const;

/** A task as the board shows it with the user's pending changes laid over it, and whether any are pending. */
export function withPendingChanges(task: TaskRecord, writes: readonly QueuedWrite[]): { task: TaskRecord; pending: QueuedTaskChange[] } {
	const pending = writes.filter((w): w is QueuedTaskChange => w.kind === 'task.change' && w.taskId === task.id).sort((a, b) => a.at.localeCompare(b.at));
	let shown = task;
	for (const write of pending) {
		const next: Record<string, unknown> = { ...shown };
		for (const field of SHOWN) if (field in write.body) next[field] = write.body[field];
		if ('blockedReason' in write.body) next.blocked = write.body.blockedReason !== null;
		shown = next as unknown as TaskRecord;
	}
	return { task: shown, pending };
}
