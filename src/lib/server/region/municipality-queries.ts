// The region's nine municipalities as reference data, for every capability that takes a
// municipality code from the outside (a topic, a form, an API body).
import type { Kysely, Transaction } from 'kysely';
import type { DB, Municipality } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
	return !!(await db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst());
}

/** The codes among `codes` that are municipalities of the region. */
export async function existingMunicipalities(db: Db, codes: string[]): Promise<string[]> {
	if (codes.length === 0) return [];
	const rows = await db.selectFrom('municipality').select('code').where('code', 'in', codes).execute();
	return rows.map((r) => r.code);
}

/** Writes a municipality's reference data (name, CBS code, population, centre) at every start. */
export async function upsertMunicipality(db: Db, m: Municipality): Promise<void> {
	await db
		.insertInto('municipality')
		.values(m)
		.onConflict((oc) => oc.column('code').doUpdateSet({ name: m.name, cbsCode: m.cbsCode, population: m.population, lat: m.lat, lon: m.lon }))
		.execute();
}
