// SQL for the advice terms per municipality. Framework-free: the reference seed calls it.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DEFAULT_ADVICE_TERMS, type AdviceTerms } from '../../domain/advice/terms.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface AdviceSettingsRecord extends AdviceTerms {
	municipality: string;
	updatedAt: string | null;
	version: number;
}

/** A row with the default terms for every municipality that has none yet; changes nothing else. */
export async function seedAdviceSettings(db: Db): Promise<void> {
	await sql`insert into advice_settings (municipality_code) select code from municipality on conflict do nothing`.execute(db);
}

/** The municipality's terms; the defaults when it has no row (a municipality added since the seed). */
export async function adviceSettingsOf(db: Db, municipality: string): Promise<AdviceSettingsRecord> {
	const row = await db
		.selectFrom('adviceSettings')
		.select(['municipalityCode', 'termDaysB', 'termDaysC', 'updatedAt', 'version'])
		.where('municipalityCode', '=', municipality)
		.executeTakeFirst();
	if (!row) return { municipality, ...DEFAULT_ADVICE_TERMS, updatedAt: null, version: 0 };
	return {
		municipality: row.municipalityCode,
		termDaysB: row.termDaysB,
		termDaysC: row.termDaysC,
		updatedAt: row.updatedAt.toISOString(),
		version: row.version
	};
}

/** Writes the terms when `version` is still current (0: no row yet); false when someone was first. */
export async function saveAdviceSettings(
	trx: Transaction<DB>,
	municipality: string,
	values: AdviceTerms & { version: number; updatedBy: string }
): Promise<boolean> {
	const set = { termDaysB: values.termDaysB, termDaysC: values.termDaysC, updatedBy: values.updatedBy, updatedAt: sql<Date>`now()` };
	if (values.version === 0) {
		const inserted = await trx
			.insertInto('adviceSettings')
			.values({ municipalityCode: municipality, ...set })
			.onConflict((oc) => oc.column('municipalityCode').doNothing())
			.returning('version')
			.executeTakeFirst();
		return !!inserted;
	}
	const updated = await trx
		.updateTable('adviceSettings')
		.set({ ...set, version: sql<number>`version + 1` })
		.where('municipalityCode', '=', municipality)
		.where('version', '=', values.version)
		.returning('version')
		.executeTakeFirst();
	return !!updated;
}
