// Personal keys for the calendar's ICS feed. A key opens exactly what its owner may see on the
// calendar (public fields only) and nothing else: no session is made, no other route accepts it.
// Issuing a new key revokes the old one; deactivating the account stops the key.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { generateSessionToken, sessionIdFromToken } from '../auth/session';
import { findGrants } from '../auth/session-queries';
import { transact } from '../db/transaction';
import { writeAudit } from '../audit/audit';
import { forbidden } from '../errors';
import { deleteFeedKey, feedKeyOf, replaceFeedKey, useFeedKey } from './feed-key-queries';

export interface FeedKeyState {
	exists: boolean;
	createdAt: string | null;
	lastUsedAt: string | null;
}

export async function feedKeyState(db: Kysely<DB>, user: SessionUser): Promise<FeedKeyState> {
	const row = await feedKeyOf(db, user.id);
	return { exists: !!row, createdAt: row?.createdAt.toISOString() ?? null, lastUsedAt: row?.lastUsedAt?.toISOString() ?? null };
}

/** A new key for the user's feed; returned once, only its hash is kept. */
export async function issueFeedKey(db: Kysely<DB>, user: SessionUser, ctx: { ip?: string | null } = {}): Promise<string> {
	if (!can(user, 'calendar.read')) throw forbidden();
	const key = generateSessionToken();
	await transact(db, async (trx) => {
		await replaceFeedKey(trx, user.id, sessionIdFromToken(key));
		await writeAudit(trx, { actorId: user.id, action: 'calendar.feed_key.created', entityType: 'kalenderfeed', entityId: user.id, municipality: null, ip: ctx.ip ?? null, details: {} });
	});
	return key;
}

export async function revokeFeedKey(db: Kysely<DB>, user: SessionUser, ctx: { ip?: string | null } = {}): Promise<boolean> {
	return transact(db, async (trx) => {
		const removed = (await deleteFeedKey(trx, user.id)) > 0;
		if (removed) {
			await writeAudit(trx, { actorId: user.id, action: 'calendar.feed_key.revoked', entityType: 'kalenderfeed', entityId: user.id, municipality: null, ip: ctx.ip ?? null, details: {} });
		}
		return removed;
	});
}

/** The user behind a feed key, or null for an unknown, revoked or deactivated one. */
export async function userForFeedKey(db: Kysely<DB>, key: string): Promise<SessionUser | null> {
	if (!/^[a-z2-7]{16,64}$/.test(key)) return null;
	const found = await useFeedKey(db, sessionIdFromToken(key));
	if (!found) return null;
	const user: SessionUser = { ...found, grants: await findGrants(db, found.id) };
	return can(user, 'calendar.read') ? user : null;
}
