// SQL for the situation picture (one current text per section) and its SITRAPs.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { stampOrNow } from '../db/now.ts';
import { PICTURE_SECTIONS } from '../../domain/situation.ts';
import type { SectionRecord, SitrapSummary, SitrapSnapshot, SitrapRecord } from '../../contracts/logbook.ts';
export type { SectionRecord, SitrapSummary, SitrapSnapshot, SitrapRecord };

type Db = Kysely<DB>;

export async function listSections(db: Db, incidentId: string, exercise: boolean): Promise<SectionRecord[]> {
	const rows = await db
		.selectFrom('situationSection')
		.innerJoin('appUser', 'appUser.id', 'situationSection.updatedBy')
		.select(['section', 'text', 'version', 'updatedAt', 'updatedBy', 'appUser.name as updatedByName'])
		.where('incidentId', '=', incidentId)
		.execute();
	return PICTURE_SECTIONS.map((section) => {
		const r = rows.find((row) => row.section === section);
		return r
			? { incidentId, section, text: r.text, version: r.version, updatedAt: r.updatedAt.toISOString(), updatedBy: { id: r.updatedBy, name: r.updatedByName }, exercise }
			: { incidentId, section, text: '', version: 0, updatedAt: null, updatedBy: null, exercise };
	});
}

/** Writes the first version of a section; false when someone else wrote it first. */
export async function insertSection(db: Db, values: { incidentId: string; section: string; text: string; updatedBy: string; updatedAt?: Date }): Promise<boolean> {
	const row = await db
		.insertInto('situationSection')
		.values(values)
		.onConflict((oc) => oc.columns(['incidentId', 'section']).doNothing())
		.returning('version')
		.executeTakeFirst();
	return !!row;
}

/** Replaces the text when the stored version is still `version`; false otherwise. */
export async function updateSection(
	db: Db,
	values: { incidentId: string; section: string; text: string; updatedBy: string; version: number; updatedAt?: Date }
): Promise<boolean> {
	const row = await db
		.updateTable('situationSection')
		.set({ text: values.text, updatedBy: values.updatedBy, updatedAt: stampOrNow(values.updatedAt), version: sql`version + 1` })
		.where('incidentId', '=', values.incidentId)
		.where('section', '=', values.section)
		.where('version', '=', values.version)
		.returning('version')
		.executeTakeFirst();
	return !!row;
}

const sitrapBase = (db: Db) =>
	db
		.selectFrom('sitrap')
		.innerJoin('appUser', 'appUser.id', 'sitrap.publishedBy')
		.innerJoin('incident', 'incident.id', 'sitrap.incidentId')
		.select(['sitrap.incidentId', 'sitrap.number', 'sitrap.publishedAt', 'sitrap.publishedBy', 'appUser.name as publishedByName', 'incident.kind']);

export async function listSitraps(db: Db, incidentId: string): Promise<SitrapSummary[]> {
	const rows = await sitrapBase(db).where('sitrap.incidentId', '=', incidentId).orderBy('sitrap.number', 'desc').execute();
	return rows.map((r) => ({
		incidentId: r.incidentId,
		number: r.number,
		publishedAt: r.publishedAt.toISOString(),
		publishedBy: { id: r.publishedBy, name: r.publishedByName },
		exercise: r.kind === 'oefening'
	}));
}

export async function findSitrap(db: Db, incidentId: string, number: number): Promise<SitrapRecord | undefined> {
	const r = await sitrapBase(db)
		.select('sitrap.snapshot')
		.where('sitrap.incidentId', '=', incidentId)
		.where('sitrap.number', '=', number)
		.executeTakeFirst();
	if (!r) return undefined;
	return {
		incidentId: r.incidentId,
		number: r.number,
		publishedAt: r.publishedAt.toISOString(),
		publishedBy: { id: r.publishedBy, name: r.publishedByName },
		exercise: r.kind === 'oefening',
		snapshot: r.snapshot as unknown as SitrapSnapshot
	};
}

export async function sitrapNumbers(db: Db, incidentId: string): Promise<number[]> {
	const rows = await db.selectFrom('sitrap').select('number').where('incidentId', '=', incidentId).execute();
	return rows.map((r) => r.number);
}

export async function insertSitrap(db: Db, values: { incidentId: string; number: number; publishedBy: string; snapshot: SitrapSnapshot; publishedAt?: Date }): Promise<void> {
	await db
		.insertInto('sitrap')
		.values({ ...values, snapshot: JSON.stringify(values.snapshot) })
		.execute();
}
