// The idempotency store: remembers, per user and `Idempotency-Key`, the answer to the first request
// that carried the key, so a retry (an offline queue sending again after a lost answer) gets that
// answer instead of writing twice. Functions take `db` first (bound in request-services.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { deleteClaim, deleteExpired, findKey, insertClaim, storeAnswer, takeOverStaleClaim } from './idempotency-queries.ts';

/** How long a key is remembered: longer than any realistic offline spell of a shift. */
export const IDEMPOTENCY_RETENTION_SECONDS = 24 * 60 * 60;
/** An unanswered claim older than this belongs to a request whose node stopped; a retry may take it. */
export const IDEMPOTENCY_STALE_CLAIM_SECONDS = 120;

export type IdempotencyClaim =
	| { kind: 'claimed' }
	| { kind: 'replay'; statusCode: number; contentType: string | null; body: string }
	/** The first request with this key is still being answered. */
	| { kind: 'in_progress' }
	/** The key was used before for another request (another path or body). */
	| { kind: 'mismatch' };

export async function claimIdempotencyKey(db: Kysely<DB>, userId: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
	await deleteExpired(db, IDEMPOTENCY_RETENTION_SECONDS);
	if (await insertClaim(db, userId, key, fingerprint)) return { kind: 'claimed' };
	const stored = await findKey(db, userId, key);
	// Gone between the insert and the read (expired and pruned by another request): claim again.
	if (!stored) return (await insertClaim(db, userId, key, fingerprint)) ? { kind: 'claimed' } : { kind: 'in_progress' };
	if (stored.fingerprint !== fingerprint) return { kind: 'mismatch' };
	if (stored.statusCode !== null) return { kind: 'replay', statusCode: stored.statusCode, contentType: stored.contentType, body: stored.responseBody ?? '' };
	if (await takeOverStaleClaim(db, userId, key, fingerprint, IDEMPOTENCY_STALE_CLAIM_SECONDS)) return { kind: 'claimed' };
	return { kind: 'in_progress' };
}

/** Stores the answer to a claimed key; only answers the client may keep (2xx–4xx) are stored. */
export async function completeIdempotencyKey(db: Kysely<DB>, userId: string, key: string, answer: { statusCode: number; contentType: string | null; body: string }): Promise<void> {
	if (answer.statusCode >= 500) await deleteClaim(db, userId, key);
	else await storeAnswer(db, userId, key, answer);
}

/** Lets a claimed key go unanswered (the request failed unexpectedly): a retry may try again. */
export async function releaseIdempotencyKey(db: Kysely<DB>, userId: string, key: string): Promise<void> {
	await deleteClaim(db, userId, key);
}
