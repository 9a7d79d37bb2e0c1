// The last records a board showed, per user and board, kept in IndexedDB while the page is open:
// a board reopened without a network (from the service worker's copy, which is as old as its last
// page load) lays them over what it loaded, by version, so it shows the last state the user saw —
// including live changes that arrived after the load. Online this is harmless: only newer versions
// win, and the page's own load and live events follow at once.
import { forgetSnapshotsExcept, storeSnapshot, storedSnapshot } from './outbox-store';

const SAVE_DELAY_MS = 500;
const waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; save: () => void }>();
let flushOnLeave = false;

export const snapshotId = (userId: string, board: string) => `${userId}:${board}`;

/** Saves a board's records a moment later (a burst of live events is saved once), or when the page goes. */
export function saveSnapshot(userId: string, board: string, records: readonly unknown[]): void {
	const id = snapshotId(userId, board);
	clearTimeout(waiting.get(id)?.timer);
	const save = () => {
		waiting.delete(id);
		storeSnapshot({ id, userId, savedAt: new Date().toISOString(), records: [...records] }).catch(() => {
			// Storage refused (private mode, full): the board works, only without a snapshot.
		});
	};
	waiting.set(id, { timer: setTimeout(save, SAVE_DELAY_MS), save });
	if (!flushOnLeave) {
		flushOnLeave = true;
		addEventListener('pagehide', () => {
			for (const pending of [...waiting.values()]) {
				clearTimeout(pending.timer);
				pending.save();
			}
		});
	}
}

export async function loadSnapshot<T>(userId: string, board: string): Promise<T[]> {
	try {
		return ((await storedSnapshot(snapshotId(userId, board)))?.records ?? []) as T[];
	} catch {
		return [];
	}
}

/** Another user (or nobody) signed in: the snapshots of everyone else go. */
export async function forgetOtherUsers(userId: string | null): Promise<void> {
	try {
		await forgetSnapshotsExcept(userId);
	} catch {
		// No IndexedDB: nothing was stored either.
	}
}
