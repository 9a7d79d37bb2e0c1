// A task and a task note as /api/v1 returns them and as `task.*` events carry them.
import type { Priority, Process, TaskStatus } from '../domain/bevolkingszorg.ts';
import type { PersonRef } from './people.ts';

export interface TaskRecord {
	id: string;
	incidentId: string;
	process: Process;
	title: string;
	description: string;
	municipality: string | null;
	assignee: PersonRef | null;
	priority: Priority;
	status: TaskStatus;
	blocked: boolean;
	blockedReason: string | null;
	dueAt: string | null;
	version: number;
	exercise: boolean;
	createdAt: string;
	updatedAt: string;
	/** Who saved this version (its history row): a conflict names them. */
	updatedBy: PersonRef | null;
}

/** A note added to a task; notes never change, so they carry no version. */
export interface TaskNoteRecord {
	id: string;
	taskId: string;
	text: string;
	at: string;
	author: PersonRef;
}
