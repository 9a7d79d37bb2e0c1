// SQL of the events-list import: which row keys a municipality has imported before, the lock that
// makes concurrent imports into one municipality take turns, and the remembered column mapping.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ColumnMapping } from '../../domain/events/import-columns.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** PostgreSQL's limit on bind parameters is 65 535; keys are looked up in chunks well below it. */
const KEY_CHUNK = 5_000;

/** Of these row keys, the ones an application of the municipality already carries. */
export async function existingImportKeys(db: Db, municipality: string, keys: readonly string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < keys.length; i += KEY_CHUNK) {
		const chunk = keys.slice(i, i + KEY_CHUNK);
		if (chunk.length === 0) continue;
		const rows = await db
			.selectFrom('eventApplication')
			.select('importKey')
			.where('municipalityCode', '=', municipality)
			.where('importKey', 'in', chunk)
			.execute();
		for (const row of rows) if (row.importKey) found.add(row.importKey);
	}
	return found;
}

/**
 * Until the batch's transaction ends, other imports into this municipality wait here, so "is this
 * key new?" and the insert cannot interleave between two nodes (the unique index would refuse the
 * second insert and abort that batch otherwise).
 */
export async function lockMunicipalityImport(trx: Transaction<DB>, municipality: string): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext(${`event-import:${municipality}`}))`.execute(trx);
}

// jsonb read as text: the CamelCasePlugin would rename the mapping's keys.
export async function importMappingOf(db: Db, municipality: string): Promise<ColumnMapping> {
	const row = await db
		.selectFrom('eventImportMapping')
		.select(sql<string>`mapping::text`.as('mapping'))
		.where('municipalityCode', '=', municipality)
		.executeTakeFirst();
	return row ? (JSON.parse(row.mapping) as ColumnMapping) : {};
}

export async function saveImportMapping(trx: Transaction<DB>, municipality: string, mapping: ColumnMapping, userId: string): Promise<void> {
	const value = JSON.stringify(mapping);
	await trx
		.insertInto('eventImportMapping')
		.values({ municipalityCode: municipality, mapping: value, updatedBy: userId })
		.onConflict((oc) => oc.column('municipalityCode').doUpdateSet({ mapping: value, updatedBy: userId, updatedAt: sql`now()` }))
		.execute();
}
