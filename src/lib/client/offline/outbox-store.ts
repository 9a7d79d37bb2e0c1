// Paraat's IndexedDB (through `idb`): the offline queue — one record per queued write, keyed by its
// Idempotency-Key, indexed per user — and the boards' last seen records (`snapshots`, per user and
// board). Both survive a reload, a closed tab and a restarted phone.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedWrite } from './outbox-logic';

export interface BoardSnapshot {
	/** `<userId>:<board>`, e.g. `…:taken:<incidentId>`. */
	id: string;
	userId: string;
	savedAt: string;
	records: unknown[];
}

interface OfflineDb extends DBSchema {
	outbox: { key: string; value: QueuedWrite; indexes: { byUser: string } };
	snapshots: { key: string; value: BoardSnapshot; indexes: { byUser: string } };
}

let opened: Promise<IDBPDatabase<OfflineDb>> | undefined;

function database(): Promise<IDBPDatabase<OfflineDb>> {
	opened ??= openDB<OfflineDb>('paraat-offline', 2, {
		upgrade(db, oldVersion) {
			if (oldVersion < 1) db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('byUser', 'userId');
			if (oldVersion < 2) db.createObjectStore('snapshots', { keyPath: 'id' }).createIndex('byUser', 'userId');
		}
	});
	return opened;
}

export async function storedWrites(userId: string): Promise<QueuedWrite[]> {
	return (await database()).getAllFromIndex('outbox', 'byUser', userId);
}

export async function storeWrite(write: QueuedWrite): Promise<void> {
	// As plain JSON: what the page hands over may be a reactive proxy, which IndexedDB cannot clone,
	// and the stored write is exactly what will be sent.
	await (await database()).put('outbox', JSON.parse(JSON.stringify(write)) as QueuedWrite);
}

export async function forgetWrite(key: string): Promise<void> {
	await (await database()).delete('outbox', key);
}

export async function storeSnapshot(snapshot: BoardSnapshot): Promise<void> {
	await (await database()).put('snapshots', JSON.parse(JSON.stringify(snapshot)) as BoardSnapshot);
}

export async function storedSnapshot(id: string): Promise<BoardSnapshot | undefined> {
	return (await database()).get('snapshots', id);
}

/** Deletes every board snapshot that is not `userId`'s (all of them for null: nobody signed in). */
export async function forgetSnapshotsExcept(userId: string | null): Promise<void> {
	const db = await database();
	const tx = db.transaction('snapshots', 'readwrite');
	for (const snapshot of await tx.store.getAll()) if (snapshot.userId !== userId) await tx.store.delete(snapshot.id);
	await tx.done;
}
