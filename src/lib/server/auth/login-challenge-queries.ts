// SQL for the short-lived login challenge between the password and the second factor.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Clears the user's challenge and every expired one (one challenge per user at a time). */
export async function deleteChallengesOf(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('loginChallenge').where((eb) => eb.or([eb('userId', '=', userId), eb('expiresAt', '<', new Date())])).execute();
}

export async function insertChallenge(db: Db, values: { id: string; userId: string; purpose: string; expiresAt: Date }): Promise<void> {
	await db.insertInto('loginChallenge').values(values).execute();
}

/** The challenge with its user's e-mail address and whether that user is still active. */
export async function findChallengeRow(db: Db, id: string) {
	return db
		.selectFrom('loginChallenge')
		.innerJoin('appUser', 'appUser.id', 'loginChallenge.userId')
		.select(['loginChallenge.id', 'loginChallenge.userId', 'loginChallenge.purpose', 'loginChallenge.pendingSecret', 'loginChallenge.expiresAt', 'appUser.email', 'appUser.active'])
		.where('loginChallenge.id', '=', id)
		.executeTakeFirst();
}

export async function savePendingSecret(db: Db, id: string, sealed: Buffer): Promise<void> {
	await db.updateTable('loginChallenge').set({ pendingSecret: sealed }).where('id', '=', id).execute();
}

export async function deleteChallenge(db: Db, id: string): Promise<void> {
	await db.deleteFrom('loginChallenge').where('id', '=', id).execute();
}
