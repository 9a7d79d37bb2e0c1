// SQL for a municipality's event settings and its risicoscan model versions.
import { sql, type Kysely, type Transaction } from 'kysely';

// jsonb read as text: the CamelCasePlugin would rename nested snake_case keys (criterion codes).
const modelText = sql<string>`m.model::text`.as('model');
const settingsText = sql<string>`s.settings::text`.as('settings');
import type { DB } from '../db/schema.ts';
import { DEFAULT_RISICOSCAN_MODEL, type RisicoscanModel } from '../../domain/risicoscan/model.ts';
import { seededSettingsFor, type EventSettings } from '../../domain/events/settings.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredSettings {
	settings: EventSettings;
	version: number;
	updatedAt: string | null;
	updatedBy: string | null;
}

/** The municipality's settings; the seeded ones (version 0) when no row exists yet. */
export async function settingsOf(db: Db, municipality: string): Promise<StoredSettings> {
	const row = await db
		.selectFrom('eventMunicipalitySettings as s')
		.leftJoin('appUser as u', 'u.id', 's.updatedBy')
		.select([settingsText, 's.version', 's.updatedAt', 'u.name'])
		.where('s.municipalityCode', '=', municipality)
		.executeTakeFirst();
	if (!row) return { settings: seededSettingsFor(municipality), version: 0, updatedAt: null, updatedBy: null };
	return { settings: JSON.parse(row.settings) as EventSettings, version: row.version, updatedAt: row.updatedAt.toISOString(), updatedBy: row.name };
}

/** Seeds the nine municipalities' settings where none exist (idempotent; a beheerder's edits stay). */
export async function seedEventSettings(db: Db, municipalities: readonly string[]): Promise<void> {
	for (const code of municipalities) {
		await db
			.insertInto('eventMunicipalitySettings')
			.values({ municipalityCode: code, settings: JSON.stringify(seededSettingsFor(code)), version: 1 })
			.onConflict((oc) => oc.column('municipalityCode').doNothing())
			.execute();
	}
}

export async function saveSettings(trx: Transaction<DB>, municipality: string, settings: EventSettings, expectedVersion: number, userId: string): Promise<number | undefined> {
	if (expectedVersion === 0) {
		const row = await trx
			.insertInto('eventMunicipalitySettings')
			.values({ municipalityCode: municipality, settings: JSON.stringify(settings), version: 1, updatedBy: userId })
			.onConflict((oc) => oc.column('municipalityCode').doNothing())
			.returning('version')
			.executeTakeFirst();
		return row?.version;
	}
	const row = await trx
		.updateTable('eventMunicipalitySettings')
		.set((eb) => ({ settings: JSON.stringify(settings), version: eb('version', '+', 1), updatedBy: userId, updatedAt: new Date() }))
		.where('municipalityCode', '=', municipality)
		.where('version', '=', expectedVersion)
		.returning('version')
		.executeTakeFirst();
	return row?.version;
}

export interface ModelVersion {
	version: number;
	model: RisicoscanModel;
	note: string;
	createdAt: string | null;
	createdBy: string | null;
}

export const DEFAULT_MODEL_VERSION: ModelVersion = { version: 0, model: DEFAULT_RISICOSCAN_MODEL, note: 'Standaardmodel van Paraat', createdAt: null, createdBy: null };

/** The municipality's current risicoscan model: its latest saved version, else the default (version 0). */
export async function currentModel(db: Db, municipality: string): Promise<ModelVersion> {
	const row = await db
		.selectFrom('risicoscanModel as m')
		.leftJoin('appUser as u', 'u.id', 'm.createdBy')
		.select(['m.version', modelText, 'm.note', 'm.createdAt', 'u.name'])
		.where('m.municipalityCode', '=', municipality)
		.orderBy('m.version', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!row) return DEFAULT_MODEL_VERSION;
	return { version: row.version, model: JSON.parse(row.model) as RisicoscanModel, note: row.note, createdAt: row.createdAt.toISOString(), createdBy: row.name };
}

export async function modelHistory(db: Db, municipality: string): Promise<Omit<ModelVersion, 'model'>[]> {
	const rows = await db
		.selectFrom('risicoscanModel as m')
		.leftJoin('appUser as u', 'u.id', 'm.createdBy')
		.select(['m.version', 'm.note', 'm.createdAt', 'u.name'])
		.where('m.municipalityCode', '=', municipality)
		.orderBy('m.version', 'desc')
		.execute();
	return rows.map((r) => ({ version: r.version, note: r.note, createdAt: r.createdAt.toISOString(), createdBy: r.name }));
}

/** Inserts the next version; the primary key refuses a concurrent save of the same version. */
export async function insertModelVersion(trx: Transaction<DB>, municipality: string, version: number, model: RisicoscanModel, note: string, userId: string): Promise<void> {
	await trx.insertInto('risicoscanModel').values({ municipalityCode: municipality, version, model: JSON.stringify(model), note, createdBy: userId }).execute();
}
