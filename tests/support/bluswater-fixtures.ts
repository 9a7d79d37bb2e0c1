// Helpers for the bluswater integration tests: the seeded fleet by code, requests and
// assignments through the real schemas and services, and row counts for "nothing half-written".
import { sql } from 'kysely';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { newWaterRequestInput, unitStatusChangeInput } from '../../src/lib/server/bluswater/bluswater-input.ts';
import { assignUnit, changeUnitStatus, createWaterRequest } from '../../src/lib/server/bluswater/bluswater-service.ts';
import { findUnit, listUnits } from '../../src/lib/server/bluswater/bluswater-queries.ts';
import type { UnitRecord } from '../../src/lib/domain/bluswater-board.ts';
import type { UnitStatus } from '../../src/lib/domain/bluswater.ts';
import { ctx, parse } from './incident-fixtures.ts';

export async function unitByCode(db: Database, code: string): Promise<UnitRecord> {
	const unit = (await listUnits(db)).find((u) => u.code === code);
	if (!unit) throw new Error(`no unit ${code}`);
	return unit;
}

export async function makeRequest(db: Database, user: SessionUser, incidentId: string, input: Record<string, unknown> = {}) {
	return createWaterRequest(db, user, incidentId, parse(newWaterRequestInput, { place: 'Grote Markt 2', ...input }), ctx);
}

export async function assign(db: Database, user: SessionUser, requestId: string, unitId: string) {
	return assignUnit(db, user, requestId, { unitId }, ctx);
}

/** Sets a status through the service, with the unit's current version. */
export async function setStatus(db: Database, user: SessionUser, unitId: string, status: UnitStatus, extra: Record<string, unknown> = {}) {
	const unit = (await findUnit(db, unitId))!;
	return changeUnitStatus(db, user, unitId, parse(unitStatusChangeInput, { version: unit.version, status, ...extra }), ctx);
}

const TABLES = ['water_unit', 'water_unit_status_change', 'water_request', 'water_assignment', 'audit_log', 'realtime_event'] as const;

/** Row counts plus every unit's version: a refused change must leave all of them as they were. */
export async function snapshot(db: Database) {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
		counts[table] = rows[0]!.n;
	}
	const { rows } = await sql<{ v: string }>`select string_agg(code || ':' || version || ':' || status, ',' order by code) as v from water_unit`.execute(db);
	return { ...counts, units: rows[0]!.v };
}

/** Moves the unit's last arrival back in time, as if it had been on scene for `minutes`. */
export async function backdateArrival(db: Database, unitId: string, minutes: number): Promise<void> {
	await sql`update water_assignment set arrived_at = now() - make_interval(mins => ${minutes})
		where unit_id = ${unitId} and ended_at is null`.execute(db);
}
