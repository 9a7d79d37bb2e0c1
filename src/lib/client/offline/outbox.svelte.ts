// The offline queue as the pages use it: task changes and log entries are sent at once when there
// is a network, queued in IndexedDB when there is none (or the request could not leave), shown as
// "wacht op verbinding", and sent in the order they were made when the network returns — each with
// its Idempotency-Key, so a retry after a lost answer is answered, not written, again. A task
// change carries the version the user saw: a conflict comes back as the board's merge view.
import { apiRequest, type ApiResult } from '../api';
import type { TaskRecord } from '../../contracts/task.ts';
import { advance, outcomeOf, sendOrder, versionToSend, type OwnAdvances, type QueuedTaskChange, type QueuedWrite } from './outbox-logic';
import { forgetWrite, storeWrite, storedWrites } from './outbox-store';

export interface SettledWrite {
	write: QueuedWrite;
	outcome: 'done' | 'conflict' | 'rejected';
	/** The server's answer: the record, or the problem (with `current` on a conflict). */
	body: Record<string, unknown>;
	message: string | null;
}

type Listener = (settled: SettledWrite) => void;

/** How often a queue that could not be sent is tried again while the browser thinks it is online. */
const RETRY_MS = 15_000;
/** After a request that could not leave (or whose answer was lost) while online: try again soon. */
const QUICK_RETRY_MS = 2_000;

class Outbox {
	/** The signed-in user's queued writes, oldest first. */
	items = $state<QueuedWrite[]>([]);
	/** Writes the server refused for good, with its reason: shown with what was typed until dismissed. */
	refused = $state<{ write: QueuedWrite; message: string }[]>([]);
	/** Queued task changes someone else overtook: the board shows each in its merge view, also when it opens later. */
	conflicts = $state<{ write: QueuedTaskChange; current: TaskRecord }[]>([]);

	private userId: string | null = null;
	private sending = false;
	private timer: ReturnType<typeof setInterval> | undefined;
	private readonly listeners = new Set<Listener>();
	private readonly onOnline = () => void this.flush();

	/** Loads the user's queue and sends what can be sent; called when someone is signed in. */
	async start(userId: string): Promise<void> {
		if (this.userId === userId) return;
		this.stop();
		this.userId = userId;
		window.addEventListener('online', this.onOnline);
		this.timer = setInterval(() => {
			if (this.items.length && navigator.onLine) void this.flush();
		}, RETRY_MS);
		const stored = await storedWrites(userId);
		if (this.userId !== userId) return;
		this.items = sendOrder(stored, userId);
		if (navigator.onLine) void this.flush();
	}

	/** Nobody signed in: nothing of the last user stays on screen (their queue stays stored for them). */
	stop(): void {
		this.userId = null;
		this.items = [];
		this.refused = [];
		this.conflicts = [];
		window.removeEventListener('online', this.onOnline);
		clearInterval(this.timer);
	}

	onSettled(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Sends a write now, or queues it: without a network, when the request could not leave, or when
	 * an earlier change to the same task still waits (the order must hold).
	 */
	async submit<T>(write: QueuedWrite): Promise<{ queued: true } | { queued: false; result: ApiResult<T> }> {
		const waitsBehind = write.kind === 'task.change' && this.items.some((i) => i.kind === 'task.change' && i.taskId === write.taskId);
		if (!navigator.onLine || waitsBehind) {
			await this.enqueue(write);
			return { queued: true };
		}
		const result = await apiRequest<T>(write.method, write.path, write.body, { 'Idempotency-Key': write.key });
		if (!result.ok && result.error.status === 0) {
			await this.enqueue(write);
			return { queued: true };
		}
		return { queued: false, result };
	}

	dismissRefusal(key: string): void {
		this.refused = this.refused.filter((r) => r.write.key !== key);
	}

	/** The board took this conflict into its merge view. */
	takeConflict(key: string): void {
		this.conflicts = this.conflicts.filter((c) => c.write.key !== key);
	}

	private async enqueue(write: QueuedWrite): Promise<void> {
		await storeWrite(write);
		this.items = [...this.items, JSON.parse(JSON.stringify(write)) as QueuedWrite];
		if (navigator.onLine) void this.flush();
	}

	/** Sends the queue in order; stops at the first write that has to wait. One tab at a time. */
	async flush(): Promise<void> {
		const userId = this.userId;
		if (this.sending || !userId) return;
		this.sending = true;
		try {
			const run = () => this.sendAll(userId);
			if (navigator.locks) await navigator.locks.request('paraat-outbox', run);
			else await run();
		} finally {
			this.sending = false;
		}
	}

	private retrySoon(): void {
		setTimeout(() => {
			if (this.items.length && navigator.onLine) void this.flush();
		}, QUICK_RETRY_MS);
	}

	private async sendAll(userId: string): Promise<void> {
		let own: OwnAdvances = {};
		// Read again: another tab may have sent (and removed) some meanwhile.
		for (const stored of sendOrder(await storedWrites(userId), userId)) {
			let write = stored;
			if (write.kind === 'task.change') {
				const version = versionToSend(write, own);
				if (version !== write.body.version) {
					// Kept before sending: a retry of this write must send the very same request.
					write = { ...write, body: { ...write.body, version } };
					await storeWrite(write);
				}
			}
			const result = await apiRequest<Record<string, unknown>>(write.method, write.path, write.body, { 'Idempotency-Key': write.key });
			const body = result.ok ? result.data : result.error.body;
			const outcome = outcomeOf(result.ok ? 200 : result.error.status, body);
			if (outcome === 'signed_out') break;
			if (outcome === 'wait') {
				if (navigator.onLine) this.retrySoon();
				break;
			}
			await forgetWrite(write.key);
			if (this.userId !== userId) return;
			this.items = this.items.filter((i) => i.key !== write.key);
			if (outcome === 'done' && write.kind === 'task.change' && typeof body.version === 'number') own = advance(own, write.taskId, write.body.version, body.version);
			const message = result.ok ? null : result.error.message;
			if (outcome === 'rejected') this.refused = [...this.refused, { write, message: message ?? 'Niet opgeslagen.' }];
			if (outcome === 'conflict' && write.kind === 'task.change' && body.current) this.conflicts = [...this.conflicts, { write, current: body.current as TaskRecord }];
			for (const listener of this.listeners) listener({ write, outcome, body, message });
		}
	}
}

export const outbox = new Outbox();

/** A fresh Idempotency-Key for a write. */
export const newWriteKey = () => crypto.randomUUID();
