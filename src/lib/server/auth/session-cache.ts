// Validated sessions kept in memory for a moment, so a request costs no session queries. Correct
// only while this process hears every change: the realtime listener LISTENs on
// `paraat_auth_changed` (announced by triggers, migration 0025) and on session revocations, and
// drops the user's entries when one arrives. Without a live listener (tests, a lost connection)
// the cache is off and every lookup goes to PostgreSQL, as before.
//
// One state per process on globalThis: the SvelteKit bundle and the runtime entry each evaluate
// this module, and the listener (runtime) must clear what the hooks (bundle) read.
import type { SessionUser } from './roles.ts';

/** Channel the triggers of migration 0025 announce a user id on. */
export const AUTH_CHANGED_CHANNEL = 'paraat_auth_changed';
/** Even when every invalidation arrives, an entry is re-read from PostgreSQL after this long. */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 50_000;

export interface CachedSession {
	sessionId: string;
	userId: string;
	expiresAt: Date;
	lastUsedAt: Date;
	user: SessionUser;
	cachedAt: number;
}

interface State {
	/** Listeners (one per realtime server in this process) that are connected now. */
	listeners: number;
	/** Raised by every invalidation: a lookup that began before one must not store its result. */
	generation: number;
	entries: Map<string, CachedSession>;
}

const KEY = Symbol.for('paraat.sessionCache');
const holder = globalThis as typeof globalThis & { [KEY]?: State };
const state: State = (holder[KEY] ??= { listeners: 0, generation: 0, entries: new Map() });

export function sessionCacheGeneration(): number {
	return state.generation;
}

export function cachedSession(sessionId: string): CachedSession | undefined {
	if (state.listeners === 0) return undefined;
	const entry = state.entries.get(sessionId);
	if (entry && Date.now() - entry.cachedAt > MAX_AGE_MS) {
		state.entries.delete(sessionId);
		return undefined;
	}
	return entry;
}

/** Stores a lookup's result unless an invalidation arrived since it began (`generation`). */
export function rememberSession(entry: Omit<CachedSession, 'cachedAt'>, generation: number): void {
	if (state.listeners === 0 || generation !== state.generation) return;
	if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
	state.entries.set(entry.sessionId, { ...entry, cachedAt: Date.now() });
}

export function forgetSessions(sessionIds: Iterable<string>): void {
	state.generation++;
	for (const id of sessionIds) state.entries.delete(id);
}

export function forgetUser(userId: string): void {
	state.generation++;
	for (const [id, entry] of state.entries) if (entry.userId === userId) state.entries.delete(id);
}

/**
 * A listener of this process connected (true) or lost its connection (false). The cache is on
 * while at least one is connected; every change empties it, since an invalidation may have been
 * missed while a connection was down.
 */
export function sessionCacheListener(connected: boolean): void {
	state.generation++;
	state.entries.clear();
	state.listeners = Math.max(0, state.listeners + (connected ? 1 : -1));
}
