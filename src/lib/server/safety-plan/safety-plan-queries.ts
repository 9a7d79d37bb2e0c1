// SQL of the integral safety plan: plans, priorities, actions, indicators with their targets and
// measurements, plan versions, and the figures Paraat already holds counted per year. Every
// function takes the database or a transaction first.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ActionStatus } from '../../domain/safety-plan/actions.ts';
import type { Direction } from '../../domain/safety-plan/indicators.ts';
import type {
	IndicatorMeasurement,
	OwnFigures,
	PriorityKind,
	SafetyPlanAction,
	SafetyPlanIndicator,
	SafetyPlanPriority,
	SafetyPlanRecord,
	SafetyPlanSummary
} from '../../contracts/safety-plan.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The plans of these municipalities (null: all nine), newest period first, with their priorities. */
export async function listPlanSummaries(db: Db, municipalities: readonly string[] | null): Promise<SafetyPlanSummary[]> {
	if (municipalities !== null && municipalities.length === 0) return [];
	let query = db.selectFrom('safetyPlan').select(['id', 'municipalityCode', 'title', 'startYear', 'endYear']);
	if (municipalities !== null) query = query.where('municipalityCode', 'in', municipalities);
	const plans = await query.orderBy('municipalityCode').orderBy('startYear', 'desc').execute();
	if (plans.length === 0) return [];
	const priorities = await db
		.selectFrom('safetyPlanPriority')
		.select(['id', 'planId', 'title', 'ambition'])
		.where('planId', 'in', plans.map((p) => p.id))
		.where('kind', '=', 'prioriteit')
		.orderBy('position')
		.execute();
	return plans.map((p) => ({
		id: p.id,
		municipality: p.municipalityCode,
		title: p.title,
		startYear: p.startYear,
		endYear: p.endYear,
		priorities: priorities.filter((x) => x.planId === p.id).map((x) => ({ id: x.id, title: x.title, ambition: x.ambition }))
	}));
}

export async function findPlanMunicipality(db: Db, id: string): Promise<string | undefined> {
	const row = await db.selectFrom('safetyPlan').select('municipalityCode').where('id', '=', id).executeTakeFirst();
	return row?.municipalityCode;
}

export async function findPlan(db: Db, id: string): Promise<SafetyPlanRecord | undefined> {
	const plan = await db.selectFrom('safetyPlan').selectAll().where('id', '=', id).executeTakeFirst();
	if (!plan) return undefined;
	const priorities = await db.selectFrom('safetyPlanPriority').selectAll().where('planId', '=', id).orderBy('position').execute();
	return {
		id: plan.id,
		municipality: plan.municipalityCode,
		title: plan.title,
		startYear: plan.startYear,
		endYear: plan.endYear,
		ambition: plan.ambition,
		version: plan.version,
		isDemo: plan.isDemo,
		updatedAt: plan.updatedAt.toISOString(),
		priorities: priorities.map(
			(p): SafetyPlanPriority => ({
				id: p.id,
				kind: p.kind as PriorityKind,
				position: p.position,
				title: p.title,
				why: p.why,
				ambition: p.ambition,
				approach: p.approach,
				conditions: p.conditions,
				focusArea: p.focusArea,
				partners: p.partners,
				residentsRole: p.residentsRole
			})
		)
	};
}

const actionColumns = ['id', 'planId', 'priorityId', 'year', 'title', 'owner', 'plannedQuarter', 'status', 'version', 'isDemo', 'updatedAt'] as const;

function toAction(row: { id: string; planId: string; priorityId: string; year: number; title: string; owner: string; plannedQuarter: number; status: string; version: number; isDemo: boolean; updatedAt: Date }): SafetyPlanAction {
	return { ...row, status: row.status as ActionStatus, updatedAt: row.updatedAt.toISOString() };
}

/** The actions of one year's execution programme, per priority in the plan's order, then quarter. */
export async function listActions(db: Db, planId: string, year: number): Promise<SafetyPlanAction[]> {
	const rows = await db
		.selectFrom('safetyPlanAction as a')
		.innerJoin('safetyPlanPriority as p', 'p.id', 'a.priorityId')
		.select(actionColumns.map((c) => `a.${c}` as const))
		.where('a.planId', '=', planId)
		.where('a.year', '=', year)
		.orderBy('p.position')
		.orderBy('a.plannedQuarter')
		.orderBy('a.title')
		.execute();
	return rows.map(toAction);
}

/** The years for which the plan has actions. */
export async function listActionYears(db: Db, planId: string): Promise<number[]> {
	const rows = await db.selectFrom('safetyPlanAction').select('year').distinct().where('planId', '=', planId).orderBy('year').execute();
	return rows.map((r) => r.year);
}

export async function lockAction(trx: Transaction<DB>, planId: string, actionId: string): Promise<SafetyPlanAction | undefined> {
	const row = await trx.selectFrom('safetyPlanAction').select(actionColumns).where('id', '=', actionId).where('planId', '=', planId).forUpdate().executeTakeFirst();
	return row ? toAction(row) : undefined;
}

export async function saveActionStatus(trx: Transaction<DB>, actionId: string, status: ActionStatus, userId: string): Promise<SafetyPlanAction> {
	const row = await trx
		.updateTable('safetyPlanAction')
		.set({ status, version: sql`version + 1`, updatedBy: userId, updatedAt: sql`now()` })
		.where('id', '=', actionId)
		.returning(actionColumns)
		.executeTakeFirstOrThrow();
	return toAction(row);
}

/** The plan's indicators with their targets per year and every measurement, in the plan's order. */
export async function listIndicators(db: Db, planId: string): Promise<SafetyPlanIndicator[]> {
	const indicators = await db
		.selectFrom('safetyPlanIndicator as i')
		.innerJoin('safetyPlanPriority as p', 'p.id', 'i.priorityId')
		.select(['i.id', 'i.priorityId', 'i.title', 'i.definition', 'i.source', 'i.unit', 'i.direction', 'i.baselineYear', sql<number>`i.baseline::float8`.as('baseline'), 'i.isDemo'])
		.where('i.planId', '=', planId)
		.orderBy('p.position')
		.orderBy('i.title')
		.execute();
	if (indicators.length === 0) return [];
	const ids = indicators.map((i) => i.id);
	const targets = await db
		.selectFrom('safetyPlanTarget')
		.select(['indicatorId', 'year', sql<number>`target::float8`.as('value')])
		.where('indicatorId', 'in', ids)
		.orderBy('year')
		.execute();
	const measurements = await db
		.selectFrom('safetyPlanMeasurement')
		.select(['indicatorId', 'areaCode', 'year', sql<number>`value::float8`.as('value'), 'source', sql<string>`to_char(measured_on, 'YYYY-MM-DD')`.as('measuredOn'), 'isDemo'])
		.where('indicatorId', 'in', ids)
		.orderBy('areaCode')
		.orderBy('year')
		.execute();
	return indicators.map((i) => ({
		...i,
		direction: i.direction as Direction,
		targets: targets.filter((t) => t.indicatorId === i.id).map((t) => ({ year: t.year, value: t.value })),
		measurements: measurements
			.filter((m) => m.indicatorId === i.id)
			.map((m): IndicatorMeasurement => ({ areaCode: m.areaCode, year: m.year, value: m.value, source: m.source, measuredOn: m.measuredOn, isDemo: m.isDemo }))
	}));
}

export interface NewPlan {
	municipality: string;
	title: string;
	startYear: number;
	endYear: number;
	ambition: string;
	isDemo: boolean;
}

export async function insertPlan(trx: Transaction<DB>, plan: NewPlan): Promise<string> {
	const row = await trx
		.insertInto('safetyPlan')
		.values({ municipalityCode: plan.municipality, title: plan.title, startYear: plan.startYear, endYear: plan.endYear, ambition: plan.ambition, isDemo: plan.isDemo })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export type NewPriority = Omit<SafetyPlanPriority, 'id'>;

export async function insertPriority(trx: Transaction<DB>, planId: string, p: NewPriority): Promise<string> {
	const row = await trx.insertInto('safetyPlanPriority').values({ planId, ...p }).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

export async function insertAction(
	trx: Transaction<DB>,
	a: { planId: string; priorityId: string; year: number; title: string; owner: string; plannedQuarter: number; status: ActionStatus; isDemo: boolean }
): Promise<string> {
	const row = await trx.insertInto('safetyPlanAction').values(a).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

export async function insertIndicator(
	trx: Transaction<DB>,
	i: { planId: string; priorityId: string; title: string; definition: string; source: string; unit: string; direction: Direction; baselineYear: number; baseline: number; isDemo: boolean }
): Promise<string> {
	const row = await trx.insertInto('safetyPlanIndicator').values(i).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

export async function insertTarget(trx: Transaction<DB>, indicatorId: string, year: number, target: number): Promise<void> {
	await trx.insertInto('safetyPlanTarget').values({ indicatorId, year, target }).execute();
}

/** One figure per indicator, area and year: a second import of the same figure replaces it. */
export async function upsertMeasurement(trx: Transaction<DB>, indicatorId: string, m: IndicatorMeasurement): Promise<void> {
	await trx
		.insertInto('safetyPlanMeasurement')
		.values({ indicatorId, areaCode: m.areaCode, year: m.year, value: m.value, source: m.source, measuredOn: m.measuredOn, isDemo: m.isDemo })
		.onConflict((oc) => oc.columns(['indicatorId', 'areaCode', 'year']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), source: eb.ref('excluded.source'), measuredOn: eb.ref('excluded.measuredOn'), isDemo: eb.ref('excluded.isDemo') })))
		.execute();
}

/** Locks the plan row for a revision and answers its current version. */
export async function lockPlanVersion(trx: Transaction<DB>, id: string): Promise<number | undefined> {
	const row = await trx.selectFrom('safetyPlan').select('version').where('id', '=', id).forUpdate().executeTakeFirst();
	return row?.version;
}

export async function savePlanFields(trx: Transaction<DB>, id: string, fields: { title: string; ambition: string; endYear: number }): Promise<number> {
	const row = await trx
		.updateTable('safetyPlan')
		.set({ ...fields, version: sql`version + 1`, updatedAt: sql`now()` })
		.where('id', '=', id)
		.returning('version')
		.executeTakeFirstOrThrow();
	return row.version;
}

/** Keeps this version of the plan as it stands, readable after later adjustments. */
export async function insertPlanVersion(trx: Transaction<DB>, plan: SafetyPlanRecord, reason: string, userId: string | null): Promise<void> {
	await trx
		.insertInto('safetyPlanVersion')
		.values({ planId: plan.id, version: plan.version, snapshot: JSON.stringify(plan), reason, savedBy: userId })
		.execute();
}

export async function listPlanVersions(db: Db, planId: string): Promise<{ version: number; reason: string; savedAt: string; snapshot: SafetyPlanRecord }[]> {
	const rows = await db.selectFrom('safetyPlanVersion').select(['version', 'reason', 'savedAt', 'snapshot']).where('planId', '=', planId).orderBy('version').execute();
	return rows.map((r) => ({ version: r.version, reason: r.reason, savedAt: r.savedAt.toISOString(), snapshot: r.snapshot as unknown as SafetyPlanRecord }));
}

/** Whether the municipality already has a plan with this title and start year (the demo seeds once). */
export async function planExists(db: Db, municipality: string, title: string, startYear: number): Promise<boolean> {
	const row = await db.selectFrom('safetyPlan').select('id').where('municipalityCode', '=', municipality).where('title', '=', title).where('startYear', '=', startYear).executeTakeFirst();
	return row !== undefined;
}

/**
 * What Paraat itself holds, counted per year (Europe/Amsterdam) for one municipality: events per
 * class by their start, Bibob screenings started (opened) and completed (decided or closed) —
 * counts only, never a file —, exercises held in which the municipality took part, and those
 * exercises' evaluation actions (their nafase tasks) and how many are done.
 */
export async function countOwnFigures(db: Db, municipality: string, years: readonly number[]): Promise<OwnFigures[]> {
	if (years.length === 0) return [];
	const from = Math.min(...years);
	const to = Math.max(...years);
	const events = await db
		.selectFrom('eventApplication')
		.select([sql<number>`extract(year from starts_at at time zone 'Europe/Amsterdam')::int`.as('year'), 'category', sql<number>`count(*)::int`.as('n')])
		.where('municipalityCode', '=', municipality)
		.where('category', 'is not', null)
		.where(sql<number>`extract(year from starts_at at time zone 'Europe/Amsterdam')::int`, '>=', from)
		.where(sql<number>`extract(year from starts_at at time zone 'Europe/Amsterdam')::int`, '<=', to)
		.groupBy(['year', 'category'])
		.execute();
	const started = await db
		.selectFrom('bibobFile')
		.select([sql<number>`substr(opened_on::text, 1, 4)::int`.as('year'), sql<number>`count(*)::int`.as('n')])
		.where('municipalityCode', '=', municipality)
		.where(sql<number>`substr(opened_on::text, 1, 4)::int`, '>=', from)
		.where(sql<number>`substr(opened_on::text, 1, 4)::int`, '<=', to)
		.groupBy('year')
		.execute();
	const completed = await db
		.selectFrom('bibobFile')
		.select([sql<number>`substr(coalesce(decided_on, closed_on)::text, 1, 4)::int`.as('year'), sql<number>`count(*)::int`.as('n')])
		.where('municipalityCode', '=', municipality)
		.where(sql`coalesce(decided_on, closed_on)`, 'is not', null)
		.where(sql<number>`substr(coalesce(decided_on, closed_on)::text, 1, 4)::int`, '>=', from)
		.where(sql<number>`substr(coalesce(decided_on, closed_on)::text, 1, 4)::int`, '<=', to)
		.groupBy('year')
		.execute();
	const exercises = await db
		.selectFrom('incident as i')
		.innerJoin('incidentMunicipality as m', 'm.incidentId', 'i.id')
		.select([sql<number>`extract(year from i.started_at at time zone 'Europe/Amsterdam')::int`.as('year'), sql<number>`count(distinct i.id)::int`.as('n')])
		.where('m.municipalityCode', '=', municipality)
		.where('i.kind', '=', 'oefening')
		.where(sql<number>`extract(year from i.started_at at time zone 'Europe/Amsterdam')::int`, '>=', from)
		.where(sql<number>`extract(year from i.started_at at time zone 'Europe/Amsterdam')::int`, '<=', to)
		.groupBy('year')
		.execute();
	// The evaluation actions of those exercises: their nafase tasks (evaluation is part of the nafase).
	const evaluation = await db
		.selectFrom('incident as i')
		.innerJoin('task as t', 't.incidentId', 'i.id')
		.select([
			sql<number>`extract(year from i.started_at at time zone 'Europe/Amsterdam')::int`.as('year'),
			sql<number>`count(distinct t.id)::int`.as('n'),
			sql<number>`count(distinct t.id) filter (where t.status = 'gereed')::int`.as('done')
		])
		.where('i.kind', '=', 'oefening')
		.where('t.process', '=', 'nafase')
		.where((eb) => eb.exists(eb.selectFrom('incidentMunicipality as m').select('m.incidentId').whereRef('m.incidentId', '=', 'i.id').where('m.municipalityCode', '=', municipality)))
		.where(sql<number>`extract(year from i.started_at at time zone 'Europe/Amsterdam')::int`, '>=', from)
		.where(sql<number>`extract(year from i.started_at at time zone 'Europe/Amsterdam')::int`, '<=', to)
		.groupBy('year')
		.execute();
	const count = (rows: { year: number; n: number }[], year: number) => rows.find((r) => r.year === year)?.n ?? 0;
	return years.map((year) => ({
		year,
		eventsByClass: {
			A: events.find((e) => e.year === year && e.category === 'A')?.n ?? 0,
			B: events.find((e) => e.year === year && e.category === 'B')?.n ?? 0,
			C: events.find((e) => e.year === year && e.category === 'C')?.n ?? 0
		},
		bibobStarted: count(started, year),
		bibobCompleted: count(completed, year),
		exercisesHeld: count(exercises, year),
		exerciseEvaluationActions: count(evaluation, year),
		exerciseEvaluationActionsDone: evaluation.find((r) => r.year === year)?.done ?? 0
	}));
}
