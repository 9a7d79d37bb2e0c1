// SQL of editing a safety plan: its priorities as revised, its versions with who saved them (for
// the history and the "wie wijzigde" of a 409), and the lookups that keep an action, indicator or
// measurement inside its own plan.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SafetyPlanRecord } from '../../contracts/safety-plan.ts';
import type { PriorityRevisionInput } from '../../contracts/safety-plan-input.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface PlanVersionSummary {
	version: number;
	reason: string;
	savedAt: string;
	/** The name of who saved it; null for the demo seed. */
	savedBy: string | null;
}

export async function listVersionSummaries(db: Db, planId: string): Promise<PlanVersionSummary[]> {
	const rows = await db
		.selectFrom('safetyPlanVersion as v')
		.leftJoin('appUser as u', 'u.id', 'v.savedBy')
		.select(['v.version', 'v.reason', 'v.savedAt', 'u.name'])
		.where('v.planId', '=', planId)
		.orderBy('v.version')
		.execute();
	return rows.map((r) => ({ version: r.version, reason: r.reason, savedAt: r.savedAt.toISOString(), savedBy: r.name }));
}

export async function findPlanVersion(db: Db, planId: string, version: number): Promise<(PlanVersionSummary & { snapshot: SafetyPlanRecord }) | undefined> {
	const row = await db
		.selectFrom('safetyPlanVersion as v')
		.leftJoin('appUser as u', 'u.id', 'v.savedBy')
		.select(['v.version', 'v.reason', 'v.savedAt', 'u.name', 'v.snapshot'])
		.where('v.planId', '=', planId)
		.where('v.version', '=', version)
		.executeTakeFirst();
	if (!row) return undefined;
	return { version: row.version, reason: row.reason, savedAt: row.savedAt.toISOString(), savedBy: row.name, snapshot: row.snapshot as unknown as SafetyPlanRecord };
}

export async function priorityIds(db: Db, planId: string): Promise<string[]> {
	const rows = await db.selectFrom('safetyPlanPriority').select('id').where('planId', '=', planId).execute();
	return rows.map((r) => r.id);
}

type PriorityFields = Omit<PriorityRevisionInput, 'id'>;

export async function updatePriority(trx: Transaction<DB>, planId: string, id: string, p: PriorityFields): Promise<void> {
	await trx.updateTable('safetyPlanPriority').set(p).where('id', '=', id).where('planId', '=', planId).execute();
}

/** A new priority after the plan's last one. */
export async function appendPriority(trx: Transaction<DB>, planId: string, p: PriorityFields): Promise<void> {
	const { last } = await trx
		.selectFrom('safetyPlanPriority')
		.select(sql<number>`coalesce(max(position), 0)::int`.as('last'))
		.where('planId', '=', planId)
		.executeTakeFirstOrThrow();
	await trx.insertInto('safetyPlanPriority').values({ planId, position: last + 1, ...p }).execute();
}

/** The name of who last changed this action (for the 409), if anyone did. */
export async function actionChangedBy(db: Db, actionId: string): Promise<string | null> {
	const row = await db.selectFrom('safetyPlanAction as a').leftJoin('appUser as u', 'u.id', 'a.updatedBy').select('u.name').where('a.id', '=', actionId).executeTakeFirst();
	return row?.name ?? null;
}

export async function findIndicatorOfPlan(db: Db, planId: string, indicatorId: string): Promise<{ id: string; title: string; baselineYear: number } | undefined> {
	return db.selectFrom('safetyPlanIndicator').select(['id', 'title', 'baselineYear']).where('planId', '=', planId).where('id', '=', indicatorId).executeTakeFirst();
}

export async function indicatorTitleTaken(db: Db, planId: string, title: string): Promise<boolean> {
	const row = await db
		.selectFrom('safetyPlanIndicator')
		.select('id')
		.where('planId', '=', planId)
		.where(sql<string>`lower(title)`, '=', title.toLocaleLowerCase('nl-NL'))
		.executeTakeFirst();
	return row !== undefined;
}
