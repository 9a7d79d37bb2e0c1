// SQL for presence: one row per open socket, refreshed by each node's heartbeat.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { PresenceEntry, ViewersUpdate } from '../../contracts/realtime.ts';

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

/** Refreshes this node's open sockets and removes its rows of sockets that are gone. */
export async function touchNodeConnections(db: Db, nodeId: string, openSocketIds: string[]) {
	if (openSocketIds.length === 0) {
		await db.deleteFrom('presenceConnection').where('nodeId', '=', nodeId).execute();
		return;
	}
	await db.updateTable('presenceConnection').set({ seenAt: sql`now()` }).where('nodeId', '=', nodeId).where('socketId', 'in', openSocketIds).execute();
	await db.deleteFrom('presenceConnection').where('nodeId', '=', nodeId).where('socketId', 'not in', openSocketIds).execute();
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

/** Records which incident a socket is looking at (null: none). */
/** Records what a socket looks at; creates its row if the connect's insert has not landed. */
export async function setViewing(db: Db, row: { socketId: string; nodeId: string; userId: string }, incidentId: string | null) {
	await db
		.insertInto('presenceConnection')
		.values({ ...row, viewing: incidentId })
		.onConflict((oc) => oc.column('socketId').doUpdateSet({ viewing: incidentId, seenAt: sql`now()` }))
		.execute();
}

/** Who is looking at each of these incidents now, once per user, with their roles. */
export async function listViewers(db: Db, incidentIds: string[]): Promise<Map<string, ViewersUpdate>> {
	const result = new Map<string, ViewersUpdate>();
	if (incidentIds.length === 0) return result;
	const incidents = await db.selectFrom('incident').select(['id', 'kind']).where('id', 'in', incidentIds).execute();
	for (const i of incidents) result.set(i.id, { incident: i.id, exercise: i.kind === 'oefening', viewers: [] });
	const rows = await db
		.selectFrom('presenceConnection')
		.innerJoin('appUser', 'appUser.id', 'presenceConnection.userId')
		.select(['presenceConnection.viewing', 'appUser.id as userId', 'appUser.name'])
		.where('presenceConnection.viewing', 'in', incidentIds)
		.distinct()
		.orderBy('appUser.name')
		.execute();
	if (rows.length === 0) return result;
	const grants = await db
		.selectFrom('roleGrant')
		.select(['userId', 'role', 'municipalityCode'])
		.where('userId', 'in', [...new Set(rows.map((r) => r.userId))])
		.orderBy('role')
		.execute();
	for (const r of rows) {
		result.get(r.viewing!)?.viewers.push({
			userId: r.userId,
			name: r.name,
			roles: grants.filter((g) => g.userId === r.userId).map((g) => ({ role: g.role, municipality: g.municipalityCode }))
		});
	}
	return result;
}
