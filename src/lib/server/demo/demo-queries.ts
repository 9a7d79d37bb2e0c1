// What demo seeding looks up before it calls the services: the demo accounts, and whether a part
// of the demo is there already. The demo's writes go through the services (or, for the year of
// events in the past, through demo-event-queries.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Role } from '../auth/roles';

type Db = Kysely<DB>;

export async function demoUserRow(db: Db, email: string) {
	return db.selectFrom('appUser').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirst();
}

/** Each municipality's demo account of the role (`<role>.<municipality>@paraat.test`), by municipality code. */
export async function demoAccountIds(db: Db, role: Role): Promise<Map<string, string>> {
	const accounts = await db
		.selectFrom('appUser')
		.innerJoin('roleGrant', 'roleGrant.userId', 'appUser.id')
		.select(['roleGrant.municipalityCode', 'appUser.id'])
		.where('roleGrant.role', '=', role)
		.where('appUser.email', 'like', `${role}.%@paraat.test`)
		.execute();
	return new Map(accounts.filter((a) => a.municipalityCode).map((a) => [a.municipalityCode!, a.id]));
}

export async function incidentTitled(db: Db, title: string): Promise<boolean> {
	return !!(await db.selectFrom('incident').select('id').where('title', '=', title).executeTakeFirst());
}

export async function applicationNamed(db: Db, name: string): Promise<boolean> {
	return !!(await db.selectFrom('eventApplication').select('id').where('name', '=', name).executeTakeFirst());
}

export async function bibobFileOfApplicant(db: Db, applicantName: string): Promise<boolean> {
	return !!(await db.selectFrom('bibobFile').select('id').where('applicantName', '=', applicantName).executeTakeFirst());
}

export async function waterUnitByCode(db: Db, code: string) {
	return db.selectFrom('waterUnit').select(['id', 'version']).where('code', '=', code).executeTakeFirst();
}

export async function bibobFileVersion(db: Db, id: string): Promise<number> {
	return (await db.selectFrom('bibobFile').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
}

/** The municipality's oldest submitted (not withdrawn) application, for a demo Bibob screening. */
export async function firstSubmittedApplication(db: Db, municipality: string) {
	return db
		.selectFrom('eventApplication')
		.select(['id', 'organiserOrganisation', 'organiserName'])
		.where('municipalityCode', '=', municipality)
		.where('status', 'not in', ['concept', 'ingetrokken'])
		.orderBy('createdAt')
		.executeTakeFirst();
}

/** Class B and C applications waiting for advice or decided, on which no advice was asked yet. */
export async function applicationsWithoutAdvice(db: Db) {
	return db
		.selectFrom('eventApplication')
		.select(['id', 'status', 'decidedAt', 'startsAt'])
		.where('status', 'in', ['advies_gevraagd', 'besluit'])
		.where('category', 'in', ['B', 'C'])
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('adviceRequest').select('id').whereRef('adviceRequest.applicationId', '=', 'eventApplication.id'))))
		.orderBy('startsAt')
		.orderBy('id')
		.execute();
}
