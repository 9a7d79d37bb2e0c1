// SQL for the second factor: the TOTP secret (sealed) with its last accepted step, and the
// recovery codes (hashed).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function grantedRoles(db: Db, userId: string): Promise<string[]> {
	const grants = await db.selectFrom('roleGrant').select('role').where('userId', '=', userId).execute();
	return grants.map((g) => g.role);
}

export async function totpExists(db: Db, userId: string): Promise<boolean> {
	return !!(await db.selectFrom('userTotp').select('userId').where('userId', '=', userId).executeTakeFirst());
}

export async function findTotp(db: Db, userId: string) {
	return db.selectFrom('userTotp').select(['secret', 'lastStep']).where('userId', '=', userId).executeTakeFirst();
}

/** Moves the last accepted step forward; false when another request accepted this step or a later one first. */
export async function advanceTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
	const updated = await db.updateTable('userTotp').set({ lastStep: step }).where('userId', '=', userId).where('lastStep', '<', step).executeTakeFirst();
	return Number(updated.numUpdatedRows) === 1;
}

/** Marks an unused code as used; false when it is unknown or was used already. */
export async function markRecoveryCodeUsed(db: Db, userId: string, codeHash: string): Promise<boolean> {
	const used = await db
		.updateTable('userRecoveryCode')
		.set({ usedAt: new Date() })
		.where('userId', '=', userId)
		.where('codeHash', '=', codeHash)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	return Number(used.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodeHashes(db: Db, userId: string, codeHashes: string[]): Promise<void> {
	await db.deleteFrom('userRecoveryCode').where('userId', '=', userId).execute();
	await db
		.insertInto('userRecoveryCode')
		.values(codeHashes.map((codeHash) => ({ userId, codeHash })))
		.execute();
}

/** Sets the sealed secret and keeps the last accepted step (the demo's published secret, at every start). */
export async function setTotpSecret(db: Db, userId: string, sealed: Buffer): Promise<void> {
	await db
		.insertInto('userTotp')
		.values({ userId, secret: sealed })
		.onConflict((oc) => oc.column('userId').doUpdateSet({ secret: sealed }))
		.execute();
}

/** Stores a sealed secret (replacing an earlier one). */
export async function upsertTotp(db: Db, userId: string, sealed: Buffer, acceptedStep: number): Promise<void> {
	await db
		.insertInto('userTotp')
		.values({ userId, secret: sealed, lastStep: acceptedStep })
		.onConflict((oc) => oc.column('userId').doUpdateSet({ secret: sealed, lastStep: acceptedStep, enrolledAt: new Date() }))
		.execute();
}
