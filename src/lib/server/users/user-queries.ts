import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;

export interface UserListRow {
	id: string;
	email: string;
	name: string;
	active: boolean;
	/** Whether a TOTP second factor is enrolled (a beheerder can reset it). */
	hasSecondFactor: boolean;
	/** Grants from an organisation's groups carry the issuer; a beheerder's own grants null. */
	grants: { id: string; role: string; municipality: string | null; discipline: string | null; pending: boolean; source: string | null }[];
}

/** Users with at least one grant in the given municipalities (null: every user). */
export async function listUsers(db: Db, municipalities: string[] | null): Promise<UserListRow[]> {
	let users = db
		.selectFrom('appUser')
		.select(['id', 'email', 'name', 'active'])
		.select(({ exists, selectFrom }) => exists(selectFrom('userTotp').select(sql`1`.as('one')).whereRef('userTotp.userId', '=', 'appUser.id')).as('hasSecondFactor'))
		.orderBy('name')
		.orderBy('email');
	if (municipalities) {
		users = users.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('roleGrant')
					.select(sql`1`.as('one'))
					.whereRef('roleGrant.userId', '=', 'appUser.id')
					.where('roleGrant.municipalityCode', 'in', municipalities)
			)
		);
	}
	const rows = await users.execute();
	if (rows.length === 0) return [];
	const grants = await db
		.selectFrom('roleGrant')
		.select(['id', 'userId', 'role', 'municipalityCode', 'discipline', 'confirmedAt', 'source'])
		.where(
			'userId',
			'in',
			rows.map((r) => r.id)
		)
		.orderBy('municipalityCode')
		.orderBy('role')
		.execute();
	return rows.map((r) => ({
		...r,
		hasSecondFactor: r.hasSecondFactor === true,
		grants: grants
			.filter((g) => g.userId === r.id)
			.map((g) => ({ id: g.id, role: g.role, municipality: g.municipalityCode, discipline: g.discipline, pending: g.confirmedAt === null, source: g.source }))
	}));
}

export async function findUserByEmail(db: Db, email: string) {
	return db.selectFrom('appUser').select(['id']).where('email', '=', email).executeTakeFirst();
}

/** A demo account: created once, and made a demo account again (and active) at every start. */
export async function upsertDemoUser(db: Db, values: { email: string; name: string; passwordHash: string }): Promise<string> {
	const { id } = await db
		.insertInto('appUser')
		.values({ ...values, isDemo: true })
		.onConflict((oc) => oc.column('email').doUpdateSet({ isDemo: true, active: true }))
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function insertUser(db: Db, values: { email: string; name: string; passwordHash: string }) {
	return db.insertInto('appUser').values(values).returning(['id', 'email', 'name']).executeTakeFirstOrThrow();
}

export async function insertGrant(
	db: Db,
	values: { userId: string; role: string; municipalityCode: string | null; discipline: string | null; grantedBy?: string; pending?: boolean }
) {
	const { pending, ...row } = values;
	return db
		.insertInto('roleGrant')
		.values({ ...row, confirmedAt: pending ? null : new Date() })
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
}

/** One grant, locked for the transaction that changes or confirms it. */
export async function findGrant(db: Db, grantId: string) {
	return db.selectFrom('roleGrant').selectAll().where('id', '=', grantId).forUpdate().executeTakeFirst();
}

export async function confirmGrantRow(db: Db, grantId: string, confirmedBy: string) {
	await db.updateTable('roleGrant').set({ confirmedBy, confirmedAt: new Date() }).where('id', '=', grantId).execute();
}

export async function deleteGrant(db: Db, grantId: string) {
	await db.deleteFrom('roleGrant').where('id', '=', grantId).execute();
}

export async function grantMunicipalities(db: Db, userId: string): Promise<(string | null)[]> {
	const rows = await db.selectFrom('roleGrant').select('municipalityCode').where('userId', '=', userId).execute();
	return rows.map((r) => r.municipalityCode);
}

export async function setUserActive(db: Db, userId: string, active: boolean) {
	return db.updateTable('appUser').set({ active }).where('id', '=', userId).returning('id').executeTakeFirst();
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
	return !!(await db.selectFrom('appUser').select('id').where('id', '=', userId).executeTakeFirst());
}

/** Removes the TOTP secret and the recovery codes; false when there was no secret. */
export async function deleteSecondFactor(db: Db, userId: string): Promise<boolean> {
	await db.deleteFrom('userRecoveryCode').where('userId', '=', userId).execute();
	await db.deleteFrom('loginChallenge').where('userId', '=', userId).execute();
	const removed = await db.deleteFrom('userTotp').where('userId', '=', userId).executeTakeFirst();
	return Number(removed.numDeletedRows) === 1;
}
