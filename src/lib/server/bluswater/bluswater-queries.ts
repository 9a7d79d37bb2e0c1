// SQL for the bluswater board. Every function takes `db` or a transaction first.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { stampOrNow } from '../db/now.ts';
import type { AssignmentRecord, RefillPointRecord, UnitRecord, WaterRequestRecord } from '../../domain/bluswater-board';
import type { CrewType, RefillKind, UnitKind, UnitStatus } from '../../domain/bluswater';

type Db = Kysely<DB>;

// ---------------------------------------------------------------------------------------------
// Units

const unitBase = (db: Db) =>
	db
		.selectFrom('waterUnit')
		.leftJoin('incident', 'incident.id', 'waterUnit.incidentId')
		.leftJoin('waterAssignment', (join) =>
			join.onRef('waterAssignment.unitId', '=', 'waterUnit.id').on('waterAssignment.endedAt', 'is', null)
		)
		.select([
			'waterUnit.id',
			'waterUnit.code',
			'waterUnit.kind',
			'waterUnit.station',
			'waterUnit.capacityLitres',
			'waterUnit.pumpRateLpm',
			'waterUnit.crew',
			'waterUnit.homeLat',
			'waterUnit.homeLon',
			'waterUnit.lat',
			'waterUnit.lon',
			'waterUnit.status',
			'waterUnit.statusChangedAt',
			'waterUnit.version',
			'incident.id as incidentId',
			'incident.title as incidentTitle',
			'incident.kind as incidentKind',
			'waterAssignment.requestId'
		]);

type UnitRow = Awaited<ReturnType<ReturnType<typeof unitBase>['executeTakeFirstOrThrow']>>;

function toUnit(r: UnitRow): UnitRecord {
	const exercise = r.incidentKind === 'oefening';
	return {
		id: r.id,
		code: r.code,
		kind: r.kind as UnitKind,
		station: r.station,
		capacityLitres: r.capacityLitres,
		pumpRateLpm: r.pumpRateLpm,
		crew: r.crew as CrewType,
		home: { lat: r.homeLat, lon: r.homeLon },
		position: { lat: r.lat, lon: r.lon },
		status: r.status as UnitStatus,
		statusChangedAt: r.statusChangedAt.toISOString(),
		incident: r.incidentId ? { id: r.incidentId, title: r.incidentTitle ?? '', exercise } : null,
		requestId: r.requestId,
		exercise,
		version: r.version
	};
}

export async function listUnits(db: Db): Promise<UnitRecord[]> {
	return (await unitBase(db).orderBy('waterUnit.kind', 'desc').orderBy('waterUnit.code').execute()).map(toUnit);
}

export async function findUnit(db: Db, id: string): Promise<UnitRecord | undefined> {
	const row = await unitBase(db).where('waterUnit.id', '=', id).executeTakeFirst();
	return row ? toUnit(row) : undefined;
}

/** Locks the unit row until commit, so a status change or assignment cannot race another. */
export async function lockUnit(db: Db, id: string) {
	return db.selectFrom('waterUnit').select(['id', 'version', 'status', 'incidentId']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function unitCodeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
	let query = db.selectFrom('waterUnit').select('id').where(sql`lower(code)`, '=', code.toLowerCase());
	if (exceptId) query = query.where('id', '!=', exceptId);
	return !!(await query.executeTakeFirst());
}

export interface UnitValues {
	code: string;
	kind: UnitKind;
	station: string;
	capacityLitres: number;
	pumpRateLpm: number;
	crew: CrewType;
	homeLat: number;
	homeLon: number;
}

export async function insertUnit(db: Db, values: UnitValues): Promise<string> {
	const { id } = await db
		.insertInto('waterUnit')
		.values({ ...values, lat: values.homeLat, lon: values.homeLon })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export interface UnitStateValues {
	status?: UnitStatus;
	incidentId?: string | null;
	lat?: number;
	lon?: number;
}

/** Changes a unit and bumps its version; a new status also stamps its time. */
export async function updateUnit(db: Db, id: string, values: Partial<UnitValues> & UnitStateValues, at?: Date): Promise<void> {
	await db
		.updateTable('waterUnit')
		.set({
			...values,
			...(values.status !== undefined ? { statusChangedAt: stampOrNow(at) } : {}),
			version: sql`version + 1`,
			updatedAt: stampOrNow(at)
		})
		.where('id', '=', id)
		.execute();
}

export async function insertStatusChange(
	db: Db,
	values: { unitId: string; fromStatus: string | null; toStatus: string; incidentId: string | null; changedBy: string | null; changedAt?: Date }
): Promise<void> {
	await db.insertInto('waterUnitStatusChange').values(values).execute();
}

export async function unitHistory(db: Db, unitId: string, limit = 20) {
	const rows = await db
		.selectFrom('waterUnitStatusChange as c')
		.leftJoin('appUser', 'appUser.id', 'c.changedBy')
		.select(['c.id', 'c.fromStatus', 'c.toStatus', 'c.incidentId', 'c.changedAt', 'appUser.name as changedByName'])
		.where('c.unitId', '=', unitId)
		.orderBy('c.changedAt', 'desc')
		.orderBy('c.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		from: r.fromStatus,
		to: r.toStatus,
		incidentId: r.incidentId,
		at: r.changedAt.toISOString(),
		by: r.changedByName
	}));
}

// ---------------------------------------------------------------------------------------------
// Refill points

export async function listRefillPoints(db: Db): Promise<RefillPointRecord[]> {
	const rows = await db.selectFrom('refillPoint').selectAll().orderBy('name').execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		kind: r.kind as RefillKind,
		position: { lat: r.lat, lon: r.lon },
		fillRateLpm: r.fillRateLpm,
		note: r.note,
		active: r.active
	}));
}

// ---------------------------------------------------------------------------------------------
// Water requests and their assignments

const requestBase = (db: Db) =>
	db
		.selectFrom('waterRequest')
		.innerJoin('incident', 'incident.id', 'waterRequest.incidentId')
		.innerJoin('appUser', 'appUser.id', 'waterRequest.createdBy')
		.select([
			'waterRequest.id',
			'waterRequest.place',
			'waterRequest.lat',
			'waterRequest.lon',
			'waterRequest.demandLpm',
			'waterRequest.startedAt',
			'waterRequest.endedAt',
			'waterRequest.version',
			'incident.id as incidentId',
			'incident.title as incidentTitle',
			'incident.kind as incidentKind',
			'incident.status as incidentStatus',
			'incident.lat as incidentLat',
			'incident.lon as incidentLon',
			'appUser.id as creatorId',
			'appUser.name as creatorName',
			// Without a position of its own the sums measure from the incident's first municipality.
			sql<{ lat: number; lon: number } | null>`(select json_build_object('lat', m.lat, 'lon', m.lon)
				from incident_municipality im join municipality m on m.code = im.municipality_code
				where im.incident_id = incident.id order by im.municipality_code limit 1)`.as('centre')
		]);

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestBase>['executeTakeFirstOrThrow']>>;

function toRequest(r: RequestRow, assignments: AssignmentRecord[]): WaterRequestRecord {
	const exercise = r.incidentKind === 'oefening';
	const own = r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null;
	const incident = r.incidentLat !== null && r.incidentLon !== null ? { lat: r.incidentLat, lon: r.incidentLon } : null;
	const [target, targetSource] = own ? [own, 'verzoek' as const] : incident ? [incident, 'incident' as const] : r.centre ? [r.centre, 'gemeente' as const] : [null, null];
	return {
		id: r.id,
		incident: { id: r.incidentId, title: r.incidentTitle, exercise, status: r.incidentStatus },
		exercise,
		place: r.place,
		position: own,
		target,
		targetSource,
		demandLpm: r.demandLpm,
		startedAt: r.startedAt.toISOString(),
		endedAt: r.endedAt?.toISOString() ?? null,
		createdBy: { id: r.creatorId, name: r.creatorName },
		assignments,
		version: r.version
	};
}

async function assignmentsOf(db: Db, requestIds: string[]): Promise<Map<string, AssignmentRecord[]>> {
	const out = new Map<string, AssignmentRecord[]>();
	if (requestIds.length === 0) return out;
	const rows = await db
		.selectFrom('waterAssignment as a')
		.innerJoin('waterUnit as u', 'u.id', 'a.unitId')
		.innerJoin('appUser', 'appUser.id', 'a.assignedBy')
		.select([
			'a.id',
			'a.requestId',
			'a.unitId',
			'u.code',
			'a.assignedAt',
			'a.arrivedAt',
			'a.endedAt',
			'a.litresLeft',
			'a.litresLeftAt',
			'a.litresDelivered',
			'appUser.id as byId',
			'appUser.name as byName'
		])
		.where('a.requestId', 'in', requestIds)
		.orderBy('a.assignedAt')
		.orderBy('a.id')
		.execute();
	for (const r of rows) {
		const list = out.get(r.requestId) ?? [];
		list.push({
			id: r.id,
			requestId: r.requestId,
			unitId: r.unitId,
			unitCode: r.code,
			assignedAt: r.assignedAt.toISOString(),
			arrivedAt: r.arrivedAt?.toISOString() ?? null,
			endedAt: r.endedAt?.toISOString() ?? null,
			litresLeft: r.litresLeft,
			litresLeftAt: r.litresLeftAt?.toISOString() ?? null,
			litresDelivered: r.litresDelivered,
			assignedBy: { id: r.byId, name: r.byName }
		});
		out.set(r.requestId, list);
	}
	return out;
}

async function withAssignments(db: Db, rows: RequestRow[]): Promise<WaterRequestRecord[]> {
	const assignments = await assignmentsOf(db, rows.map((r) => r.id));
	return rows.map((r) => toRequest(r, assignments.get(r.id) ?? []));
}

export async function findRequest(db: Db, id: string): Promise<WaterRequestRecord | undefined> {
	const row = await requestBase(db).where('waterRequest.id', '=', id).executeTakeFirst();
	return row ? (await withAssignments(db, [row]))[0] : undefined;
}

export async function listRequestsOfIncident(db: Db, incidentId: string): Promise<WaterRequestRecord[]> {
	const rows = await requestBase(db).where('waterRequest.incidentId', '=', incidentId).orderBy('waterRequest.startedAt').execute();
	return withAssignments(db, rows);
}

/** The requests the regional board shows: not ended, of incidents that are not closed. */
export async function listOpenRequests(db: Db): Promise<WaterRequestRecord[]> {
	const rows = await requestBase(db)
		.where('waterRequest.endedAt', 'is', null)
		.where('incident.status', '!=', 'gesloten')
		.orderBy('waterRequest.startedAt')
		.limit(200)
		.execute();
	return withAssignments(db, rows);
}

export async function lockRequest(db: Db, id: string) {
	return db.selectFrom('waterRequest').select(['id', 'version', 'incidentId', 'endedAt']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertRequest(
	db: Db,
	values: { incidentId: string; place: string; lat: number | null; lon: number | null; demandLpm: number; createdBy: string; startedAt?: Date }
): Promise<string> {
	const { id } = await db.insertInto('waterRequest').values(values).returning('id').executeTakeFirstOrThrow();
	return id;
}

/** Any change of a request or its assignments bumps its version: clients keep the newest. */
export async function touchRequest(db: Db, id: string, values: { demandLpm?: number; place?: string; lat?: number | null; lon?: number | null; endedAt?: Date } = {}) {
	await db.updateTable('waterRequest').set({ ...values, version: sql`version + 1` }).where('id', '=', id).execute();
}

export async function openAssignmentOfUnit(db: Db, unitId: string) {
	return db.selectFrom('waterAssignment').selectAll().where('unitId', '=', unitId).where('endedAt', 'is', null).executeTakeFirst();
}

export async function findAssignment(db: Db, id: string) {
	return db.selectFrom('waterAssignment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAssignment(db: Db, values: { requestId: string; unitId: string; assignedBy: string; assignedAt?: Date }): Promise<string> {
	const { id } = await db.insertInto('waterAssignment').values(values).returning('id').executeTakeFirstOrThrow();
	return id;
}

export async function updateAssignment(
	db: Db,
	id: string,
	values: { arrivedAt?: Date | null; endedAt?: Date; litresLeft?: number | null; litresLeftAt?: Date | null; litresDelivered?: number }
): Promise<void> {
	await db.updateTable('waterAssignment').set(values).where('id', '=', id).execute();
}

/** The database clock, so times written in one transaction agree with each other. */
export async function dbNow(db: Db): Promise<Date> {
	const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
	return rows[0]!.now;
}
