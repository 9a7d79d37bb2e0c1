// Merge by version: the one rule by which every live view combines what it loaded with what
// events bring. Events may arrive after a fresher page load (or twice, after a replay), so a
// record is replaced only by a higher version of itself.

interface Versioned {
	version: number;
}

/** Keeps the newest version of each record, keyed by its id (or by `key` for records without one). */
export function mergeByVersion<T extends Versioned & { id: string }>(records: Readonly<Record<string, T>>, incoming: T): Record<string, T>;
export function mergeByVersion<T extends Versioned>(records: Readonly<Record<string, T>>, incoming: T, key: string): Record<string, T>;
export function mergeByVersion<T extends Versioned & { id?: string }>(records: Readonly<Record<string, T>>, incoming: T, key = incoming.id ?? ''): Record<string, T> {
	const known = records[key];
	if (known && known.version >= incoming.version) return records;
	return { ...records, [key]: incoming };
}

/** The newer of the loaded record and a live one (the loaded one when there is no live one). */
export function newest<T extends Versioned>(loaded: T, live: T | null | undefined): T {
	return live && live.version > loaded.version ? live : loaded;
}

/** The loaded list overlaid with live records, newest version of each. */
export function overlay<T extends Versioned & { id: string }>(loaded: readonly T[], live: Readonly<Record<string, T>>): T[] {
	let byId: Record<string, T> = {};
	for (const record of loaded) byId = mergeByVersion(byId, record);
	for (const record of Object.values(live)) byId = mergeByVersion(byId, record);
	return Object.values(byId);
}
