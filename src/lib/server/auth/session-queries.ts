// SQL for sessions and the users they belong to.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RoleGrant } from './roles.ts';

type Db = Kysely<DB>;

export async function insertSession(
	db: Db,
	session: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null; secondFactor: boolean }
): Promise<void> {
	await db.insertInto('userSession').values(session).execute();
}

export async function findSessionWithUser(db: Db, sessionId: string) {
	return db
		.selectFrom('userSession')
		.innerJoin('appUser', 'appUser.id', 'userSession.userId')
		.select([
			'userSession.id as sessionId',
			'userSession.expiresAt',
			'userSession.secondFactor',
			'userSession.lastUsedAt',
			'appUser.id as userId',
			'appUser.email',
			'appUser.name',
			'appUser.active'
		])
		.where('userSession.id', '=', sessionId)
		.executeTakeFirst();
}

export async function findGrants(db: Db, userId: string): Promise<RoleGrant[]> {
	const rows = await db
		.selectFrom('roleGrant')
		.select(['role', 'municipalityCode', 'discipline'])
		.where('userId', '=', userId)
		// A grant awaiting its second person (four eyes) does not count yet.
		.where('confirmedAt', 'is not', null)
		.orderBy('municipalityCode')
		.orderBy('role')
		.execute();
	return rows.map((r) => ({
		role: r.role as RoleGrant['role'],
		municipality: r.municipalityCode,
		discipline: r.discipline as RoleGrant['discipline']
	}));
}

export async function updateSessionExpiry(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
	await db.updateTable('userSession').set({ expiresAt }).where('id', '=', sessionId).execute();
}

/** Records a use for the sessions page (at most every few minutes, not on every request). */
export async function updateSessionLastUse(db: Db, sessionId: string, at: Date): Promise<void> {
	await db.updateTable('userSession').set({ lastUsedAt: at }).where('id', '=', sessionId).execute();
}

/** A user's sessions that have not expired, the most recently used first. */
export async function listUserSessions(db: Db, userId: string) {
	return db
		.selectFrom('userSession')
		.select(['id', 'createdAt', 'lastUsedAt', 'expiresAt', 'ip', 'userAgent', 'secondFactor'])
		.where('userId', '=', userId)
		.where('expiresAt', '>', new Date())
		.orderBy('lastUsedAt', 'desc')
		.execute();
}

/** Deletes one session, only when it belongs to the user; the deleted id, if any. */
export async function deleteOwnSession(db: Db, userId: string, sessionId: string): Promise<string | undefined> {
	const row = await db.deleteFrom('userSession').where('id', '=', sessionId).where('userId', '=', userId).returning('id').executeTakeFirst();
	return row?.id;
}

export async function deleteOtherSessions(db: Db, userId: string, keepId: string): Promise<string[]> {
	const rows = await db.deleteFrom('userSession').where('userId', '=', userId).where('id', '!=', keepId).returning('id').execute();
	return rows.map((r) => r.id);
}

export async function deleteSession(db: Db, sessionId: string): Promise<{ userId: string } | undefined> {
	return db.deleteFrom('userSession').where('id', '=', sessionId).returning('userId').executeTakeFirst();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<string[]> {
	const rows = await db.deleteFrom('userSession').where('userId', '=', userId).returning('id').execute();
	return rows.map((r) => r.id);
}

/** Of these sessions, the ones that still exist and have not expired. */
export async function liveSessionIds(db: Db, sessionIds: string[]): Promise<string[]> {
	if (sessionIds.length === 0) return [];
	const rows = await db.selectFrom('userSession').select('id').where('id', 'in', sessionIds).where('expiresAt', '>', new Date()).execute();
	return rows.map((r) => r.id);
}

export async function findPasswordHash(db: Db, userId: string): Promise<string | null | undefined> {
	const row = await db.selectFrom('appUser').select('passwordHash').where('id', '=', userId).executeTakeFirst();
	return row?.passwordHash;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
	await db.updateTable('appUser').set({ passwordHash }).where('id', '=', userId).execute();
}
