// SQL of the wijk and buurt boundaries (table `neighbourhood`, migration 0021) and of the figures
// per area the map reads. Every function takes the database or a transaction first.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { BoundaryArea, Geometry, NeighbourhoodKind } from '../../contracts/neighbourhood.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NeighbourhoodRow {
	code: string;
	kind: NeighbourhoodKind;
	name: string;
	municipality: string;
	wijkCode: string | null;
	geometry: Geometry;
	source: string;
	importedOn: string;
	isDemo: boolean;
}

/** Inserts or replaces one area by its CBS code: importing the same file again changes nothing. */
export async function upsertNeighbourhood(trx: Transaction<DB>, area: BoundaryArea, meta: { source: string; importedOn: string; isDemo: boolean }): Promise<void> {
	const row = {
		code: area.code,
		kind: area.kind,
		name: area.name,
		municipalityCode: area.municipality,
		wijkCode: area.wijkCode,
		geometry: JSON.stringify(area.geometry),
		source: meta.source,
		importedOn: meta.importedOn,
		isDemo: meta.isDemo
	};
	await trx
		.insertInto('neighbourhood')
		.values(row)
		.onConflict((oc) =>
			oc.column('code').doUpdateSet((eb) => ({
				kind: eb.ref('excluded.kind'),
				name: eb.ref('excluded.name'),
				municipalityCode: eb.ref('excluded.municipalityCode'),
				wijkCode: eb.ref('excluded.wijkCode'),
				geometry: eb.ref('excluded.geometry'),
				source: eb.ref('excluded.source'),
				importedOn: eb.ref('excluded.importedOn'),
				isDemo: eb.ref('excluded.isDemo')
			}))
		)
		.execute();
}

/** Adds a demo area unless the code is already there (an imported area is never overwritten by the demo). */
export async function insertDemoNeighbourhood(trx: Transaction<DB>, area: BoundaryArea, meta: { source: string; importedOn: string }): Promise<boolean> {
	const result = await trx
		.insertInto('neighbourhood')
		.values({ code: area.code, kind: area.kind, name: area.name, municipalityCode: area.municipality, wijkCode: area.wijkCode, geometry: JSON.stringify(area.geometry), source: meta.source, importedOn: meta.importedOn, isDemo: true })
		.onConflict((oc) => oc.column('code').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Removes the demo areas of these municipalities that a real file did not bring, except a demo wijk
 * an imported buurt still lies in (its real wijk comes with the wijken file).
 */
export async function deleteReplacedDemoAreas(trx: Transaction<DB>, municipalities: readonly string[], keep: readonly string[]): Promise<number> {
	if (municipalities.length === 0) return 0;
	let query = trx
		.deleteFrom('neighbourhood')
		.where('isDemo', '=', true)
		.where('municipalityCode', 'in', municipalities)
		.where('code', 'not in', trx.selectFrom('neighbourhood').select(sql<string>`wijk_code`.as('w')).where('isDemo', '=', false).where('wijkCode', 'is not', null));
	if (keep.length > 0) query = query.where('code', 'not in', keep);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** The wijk codes already stored, of those asked. */
export async function existingCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
	if (codes.length === 0) return new Set();
	const rows = await db.selectFrom('neighbourhood').select('code').where('code', 'in', codes).execute();
	return new Set(rows.map((r) => r.code));
}

/** The CBS codes of a municipality's wijken and buurten (empty when no boundaries are loaded). */
export async function neighbourhoodCodes(db: Db, municipality: string): Promise<Set<string>> {
	const rows = await db.selectFrom('neighbourhood').select('code').where('municipalityCode', '=', municipality).execute();
	return new Set(rows.map((r) => r.code));
}

/** Whether a municipality has boundaries that were imported (not the demo set). */
export async function hasImportedNeighbourhoods(db: Db, municipality: string): Promise<boolean> {
	const row = await db.selectFrom('neighbourhood').select('code').where('municipalityCode', '=', municipality).where('isDemo', '=', false).limit(1).executeTakeFirst();
	return row !== undefined;
}

/** Which levels (wijk, buurt) a municipality has boundaries for. */
export async function neighbourhoodLevels(db: Db, municipality: string): Promise<NeighbourhoodKind[]> {
	const rows = await db.selectFrom('neighbourhood').select('kind').distinct().where('municipalityCode', '=', municipality).execute();
	return (['wijk', 'buurt'] as const).filter((k) => rows.some((r) => r.kind === k));
}

/** A municipality's areas of one level, in code order, with their outlines. */
export async function listNeighbourhoods(db: Db, municipality: string, kind: NeighbourhoodKind): Promise<NeighbourhoodRow[]> {
	const rows = await db
		.selectFrom('neighbourhood')
		.select(['code', 'kind', 'name', 'municipalityCode', 'wijkCode', 'geometry', 'source', sql<string>`to_char(imported_on, 'YYYY-MM-DD')`.as('importedOn'), 'isDemo'])
		.where('municipalityCode', '=', municipality)
		.where('kind', '=', kind)
		.orderBy('code')
		.execute();
	return rows.map((r) => ({
		code: r.code,
		kind: r.kind as NeighbourhoodKind,
		name: r.name,
		municipality: r.municipalityCode,
		wijkCode: r.wijkCode,
		geometry: r.geometry as unknown as Geometry,
		source: r.source,
		importedOn: r.importedOn,
		isDemo: r.isDemo
	}));
}

export interface AreaFigure {
	areaCode: string;
	year: number;
	value: number;
	source: string;
	measuredOn: string;
	isDemo: boolean;
}

/** An indicator's figures per wijk or buurt (not the whole municipality), of every year. */
export async function listAreaFigures(db: Db, indicatorId: string, prefix: 'WK' | 'BU'): Promise<AreaFigure[]> {
	return db
		.selectFrom('safetyPlanMeasurement')
		.select(['areaCode', 'year', sql<number>`value::float8`.as('value'), 'source', sql<string>`to_char(measured_on, 'YYYY-MM-DD')`.as('measuredOn'), 'isDemo'])
		.where('indicatorId', '=', indicatorId)
		.where('areaCode', 'like', `${prefix}%`)
		.orderBy('year')
		.orderBy('areaCode')
		.execute();
}

/** The indicator when it belongs to this plan. */
export async function findPlanIndicator(db: Db, planId: string, indicatorId: string) {
	return db
		.selectFrom('safetyPlanIndicator')
		.select(['id', 'title', 'unit', 'direction', 'source', 'isDemo'])
		.where('planId', '=', planId)
		.where('id', '=', indicatorId)
		.executeTakeFirst();
}

/** A demo figure per area, unless that figure is already there (a user's import is never overwritten). */
export async function insertDemoAreaFigure(trx: Transaction<DB>, indicatorId: string, f: Omit<AreaFigure, 'isDemo'>): Promise<void> {
	await trx
		.insertInto('safetyPlanMeasurement')
		.values({ indicatorId, areaCode: f.areaCode, year: f.year, value: f.value, source: f.source, measuredOn: f.measuredOn, isDemo: true })
		.onConflict((oc) => oc.columns(['indicatorId', 'areaCode', 'year']).doNothing())
		.execute();
}

/** The demo plan's indicators by title, for the demo figures per wijk. */
export async function demoIndicatorsOf(db: Db, municipality: string): Promise<{ id: string; title: string }[]> {
	return db
		.selectFrom('safetyPlanIndicator as i')
		.innerJoin('safetyPlan as p', 'p.id', 'i.planId')
		.select(['i.id', 'i.title'])
		.where('p.municipalityCode', '=', municipality)
		.where('p.isDemo', '=', true)
		.where('i.isDemo', '=', true)
		.execute();
}
