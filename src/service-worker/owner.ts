// Whose offline copies this device holds. Copies live in one cache per user; the worker learns the
// signed-in user from the X-Paraat-User header of every page answer it fetches (and from the page
// itself, see src/lib/client/offline/worker-messages.ts). When the user changes or nobody is signed
// in, every other user's copies are deleted: one user's boards are never shown to another.

const BOARDS_PREFIX = 'paraat-boards-';
const META_CACHE = 'paraat-offline-meta';
const OWNER_ENTRY = '/__paraat/offline-owner';
const OWNER_HEADER = 'x-paraat-user';
const NO_OWNER = 'niemand';

export const boardsCacheName = (userId: string) => `${BOARDS_PREFIX}${encodeURIComponent(userId)}`;

/** The owner as this worker knows it; undefined until read from the meta cache. */
let known: string | null | undefined;

export async function currentOwner(): Promise<string | null> {
	if (known === undefined) {
		const entry = await (await caches.open(META_CACHE)).match(OWNER_ENTRY);
		known = entry ? (await entry.text()) || null : null;
	}
	return known;
}

/** The user a page answer belongs to: null for nobody, undefined when the answer does not say. */
export function ownerOf(response: Response): string | null | undefined {
	const value = response.headers.get(OWNER_HEADER);
	if (value === null) return undefined;
	return value === NO_OWNER ? null : value;
}

export async function setOwner(userId: string | null): Promise<void> {
	if ((await currentOwner()) === userId) return;
	known = userId;
	await (await caches.open(META_CACHE)).put(OWNER_ENTRY, new Response(userId ?? ''));
	const keep = userId === null ? null : boardsCacheName(userId);
	for (const name of await caches.keys()) if (name.startsWith(BOARDS_PREFIX) && name !== keep) await caches.delete(name);
}
