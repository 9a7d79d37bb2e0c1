// SQL of the search in Paraat's own data: incidents, event applications and refill points whose
// name (or address) contains the words typed. Which rows a user may see is decided by the caller.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;
const LIMIT = 8;

/** `%text%` for ILIKE, with the pattern characters of the text itself taken literally. */
export function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function incidentsNamed(db: Db, text: string) {
	const pattern = containsPattern(text);
	return db
		.selectFrom('incident')
		.select(['id', 'title', 'kind', 'location', 'lat', 'lon', 'status'])
		.where('archivedAt', 'is', null)
		.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('location', 'ilike', pattern)]))
		.orderBy('startedAt', 'desc')
		.limit(LIMIT)
		.execute();
}

/** Applications of these municipalities (null: all) by name or address. */
export async function applicationsNamed(db: Db, text: string, municipalities: string[] | null) {
	if (municipalities !== null && municipalities.length === 0) return [];
	const pattern = containsPattern(text);
	let query = db
		.selectFrom('eventApplication')
		.innerJoin('municipality', 'municipality.code', 'eventApplication.municipalityCode')
		.select(['eventApplication.id', 'eventApplication.name', 'eventApplication.address', 'eventApplication.lat', 'eventApplication.lon', 'municipality.name as municipalityName'])
		.where((eb) => eb.or([eb('eventApplication.name', 'ilike', pattern), eb('eventApplication.address', 'ilike', pattern)]))
		.orderBy('eventApplication.startsAt', 'desc')
		.limit(LIMIT);
	if (municipalities !== null) query = query.where('eventApplication.municipalityCode', 'in', municipalities);
	return query.execute();
}

export async function refillPointsNamed(db: Db, text: string) {
	return db.selectFrom('refillPoint').select(['id', 'name', 'lat', 'lon']).where('active', '=', true).where('name', 'ilike', containsPattern(text)).orderBy('name').limit(LIMIT).execute();
}
