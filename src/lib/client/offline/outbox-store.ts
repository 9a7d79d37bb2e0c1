// The offline queue in IndexedDB (through `idb`): it survives a reload, a closed tab and a
// restarted phone. One record per queued write, keyed by its Idempotency-Key, indexed per user.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedWrite } from './outbox-logic';

interface OfflineDb extends DBSchema {
	outbox: { key: string; value: QueuedWrite; indexes: { byUser: string } };
}

let opened: Promise<IDBPDatabase<OfflineDb>> | undefined;

function database(): Promise<IDBPDatabase<OfflineDb>> {
	opened ??= openDB<OfflineDb>('paraat-offline', 1, {
		upgrade(db) {
			db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('byUser', 'userId');
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
