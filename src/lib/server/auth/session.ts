// Sessions the Lucia way (lucia-auth.com): a random token in an httpOnly cookie, the SHA-256
// of the token as the stored id, sliding expiry. One validateSessionToken serves the HTTP hook
// and the socket handshake. Framework-free.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { notifyChannel } from '../db/notify.ts';
import type { SessionUser } from './roles.ts';
import { grantsOfSession } from './permissions.ts';
import { cachedSession, forgetSessions, forgetUser, rememberSession, sessionCacheGeneration } from './session-cache.ts';
import {
	deleteOtherSessions,
	deleteOwnSession,
	deleteSession,
	deleteUserSessions,
	findGrants,
	findSessionWithUser,
	insertSession,
	updateSessionExpiry,
	updateSessionLastUse
} from './session-queries.ts';

export const SESSION_COOKIE = 'paraat_sessie';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A session lives 12 hours after its last use: long enough for a night shift, short for a shared PC. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Extend when less than this is left, so an active user is never logged out mid-crisis. */
const RENEW_THRESHOLD_MS = SESSION_LIFETIME_MS / 2;
/** "Last use" on the sessions page is this precise: no write on every request. */
const LAST_USE_PRECISION_MS = 60 * 1000;

/** Channel on which a logout is announced, so every node disconnects that session's sockets. */
export const SESSION_REVOKED_CHANNEL = 'paraat_session_revoked';

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Kysely<DB>,
	token: string,
	userId: string,
	meta: { ip: string | null; userAgent: string | null; secondFactor?: boolean }
): Promise<Session> {
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS)
	};
	await insertSession(db, { ...session, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null, secondFactor: meta.secondFactor ?? false });
	return session;
}

export type SessionValidation = { session: Session; user: SessionUser } | { session: null; user: null };

export async function validateSessionToken(db: Kysely<DB>, token: string): Promise<SessionValidation> {
	if (!/^[a-z2-7]{32}$/.test(token)) return { session: null, user: null };
	const id = sessionIdFromToken(token);
	const now = Date.now();
	const cached = cachedSession(id);
	// A cached session serves only while it needs no write: not expired, no renewal due, last use recent.
	if (cached && cached.expiresAt.getTime() - now >= RENEW_THRESHOLD_MS && now - cached.lastUsedAt.getTime() <= LAST_USE_PRECISION_MS) {
		return { session: { id, userId: cached.userId, expiresAt: cached.expiresAt }, user: cached.user };
	}
	const generation = sessionCacheGeneration();
	const row = await findSessionWithUser(db, id);
	if (!row) return { session: null, user: null };
	if (!row.active || Date.now() >= row.expiresAt.getTime()) {
		await deleteSession(db, id);
		return { session: null, user: null };
	}
	const session: Session = { id, userId: row.userId, expiresAt: row.expiresAt };
	if (session.expiresAt.getTime() - Date.now() < RENEW_THRESHOLD_MS) {
		session.expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
		await updateSessionExpiry(db, id, session.expiresAt);
	}
	let lastUsedAt = row.lastUsedAt;
	if (Date.now() - row.lastUsedAt.getTime() > LAST_USE_PRECISION_MS) {
		lastUsedAt = new Date();
		await updateSessionLastUse(db, id, lastUsedAt);
	}
	// A Bibob grant counts only in a session opened with the second factor: a grant given to
	// someone already logged in takes effect at their next login (with TOTP).
	const all = await findGrants(db, row.userId);
	const grants = grantsOfSession(all, row.secondFactor);
	const user: SessionUser = { id: row.userId, email: row.email, name: row.name, grants };
	rememberSession({ sessionId: id, userId: row.userId, expiresAt: session.expiresAt, lastUsedAt, user }, generation);
	return { session, user };
}

/** Ends one session and tells every node to drop its sockets. */
export async function invalidateSession(db: Kysely<DB>, sessionId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const deleted = await deleteSession(trx, sessionId);
		if (deleted) await announceRevoked(trx, [sessionId]);
	});
	// This process at once; other processes when the NOTIFY arrives (at commit).
	forgetSessions([sessionId]);
}

/** Ends every session of a user (deactivation, password change). */
export async function invalidateUserSessions(db: Kysely<DB>, userId: string): Promise<number> {
	const ids = await deleteUserSessions(db, userId);
	if (ids.length > 0) await announceRevoked(db, ids);
	forgetUser(userId);
	return ids.length;
}

/** Ends one of the user's own sessions (the sessions page); false when it is not theirs or gone. */
export async function invalidateOwnSession(db: Kysely<DB>, userId: string, sessionId: string): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const deleted = await deleteOwnSession(trx, userId, sessionId);
		if (deleted) await announceRevoked(trx, [deleted]);
		return !!deleted;
	}).finally(() => forgetSessions([sessionId]));
}

/** Ends every session of the user but this one ("log out everywhere else"); how many ended. */
export async function invalidateOtherSessions(db: Kysely<DB>, userId: string, keepId: string): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const ids = await deleteOtherSessions(trx, userId, keepId);
		if (ids.length > 0) await announceRevoked(trx, ids);
		return ids.length;
	}).finally(() => forgetUser(userId));
}

async function announceRevoked(db: Kysely<DB>, sessionIds: string[]): Promise<void> {
	// Each id is 64 hex characters; batch well below NOTIFY's 8000-byte payload limit.
	for (let i = 0; i < sessionIds.length; i += 100) {
		const payload = sessionIds.slice(i, i + 100).join(',');
		await notifyChannel(db, SESSION_REVOKED_CHANNEL, payload);
	}
}

export { DAY_MS };
