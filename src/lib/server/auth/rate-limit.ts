// Login rate limits, counted in PostgreSQL so every app node shares them.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { deleteLimit, findLimit, incrementLimit } from './rate-limit-queries.ts';

export interface LimitRule {
	/** Failed attempts allowed in the window. */
	max: number;
	windowMs: number;
}

export const LOGIN_LIMITS = {
	// Per account: stops guessing one password without locking a user out for long.
	account: { max: 8, windowMs: 15 * 60 * 1000 },
	// Per address: a whole control room may sit behind one address, so this is generous.
	address: { max: 60, windowMs: 15 * 60 * 1000 }
} satisfies Record<string, LimitRule>;

/** Seconds until the key may try again, or 0 when it may try now. */
export async function retryAfterSeconds(db: Kysely<DB>, key: string, rule: LimitRule): Promise<number> {
	const row = await findLimit(db, key);
	if (!row || row.resetAt.getTime() <= Date.now() || row.count < rule.max) return 0;
	return Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
}

/**
 * Counts one attempt atomically and returns the count in the current window (a window that
 * has passed starts again at 1). Counting before the password check makes the limit hold for
 * guesses that arrive all at once, too.
 */
export async function countAttempt(db: Kysely<DB>, key: string, rule: LimitRule): Promise<{ count: number; retryAfter: number }> {
	const resetAt = new Date(Date.now() + rule.windowMs);
	const row = await incrementLimit(db, key, resetAt);
	return { count: row.count, retryAfter: Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000)) };
}

export async function clearLimit(db: Kysely<DB>, key: string): Promise<void> {
	await deleteLimit(db, key);
}
