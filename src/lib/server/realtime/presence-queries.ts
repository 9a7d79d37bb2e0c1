// SQL for presence: one row per open socket, refreshed by each node's heartbeat.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { PresenceEntry } from '../../realtime/protocol.ts';

type Db = Kysely<DB>;

/** A row not refreshed for this long belongs to a node that died. */
export const PRESENCE_STALE_SECONDS = 90;

export async function insertConnection(db: Db, row: { socketId: string; nodeId: string; userId: string }) {
	await db.insertInto('presenceConnection').values(row).onConflict((oc) => oc.column('socketId').doNothing()).execute();
}

export async function deleteConnection(db: Db, socketId: string) {
	await db.deleteFrom('presenceConnection').where('socketId', '=', socketId).execute();
}

export async function deleteNodeConnections(db: Db, nodeId: string) {
	await db.deleteFrom('presenceConnection').where('nodeId', '=', nodeId).execute();
}

export async function touchNodeConnections(db: Db, nodeId: string) {
	await db.updateTable('presenceConnection').set({ seenAt: sql`now()` }).where('nodeId', '=', nodeId).execute();
}

export async function deleteStaleConnections(db: Db): Promise<number> {
	const rows = await db
		.deleteFrom('presenceConnection')
		.where('seenAt', '<', sql<Date>`now() - make_interval(secs => ${PRESENCE_STALE_SECONDS})`)
		.returning('socketId')
		.execute();
	return rows.length;
}

/** Everyone online now, once per user, with their roles (for grouping by municipality). */
export async function listOnline(db: Db): Promise<PresenceEntry[]> {
	const users = await db
		.selectFrom('presenceConnection')
		.innerJoin('appUser', 'appUser.id', 'presenceConnection.userId')
		.select(['appUser.id as userId', 'appUser.name'])
		.distinct()
		.orderBy('appUser.name')
		.execute();
	if (users.length === 0) return [];
	const grants = await db
		.selectFrom('roleGrant')
		.select(['userId', 'role', 'municipalityCode'])
		.where(
			'userId',
			'in',
			users.map((u) => u.userId)
		)
		.execute();
	return users.map((u) => ({
		userId: u.userId,
		name: u.name,
		roles: grants
			.filter((g) => g.userId === u.userId)
			.map((g) => ({ role: g.role, municipality: g.municipalityCode }))
	}));
}
