// Helpers for the advice spec: an event application straight into the e2e server's database (the
// application forms are another capability's), with the fixture the integration tests use.
import { createDb, type Database } from '../../../src/lib/server/db/index.ts';
import { insertApplication, SCANS, type ApplicationOptions, type InsertedApplication } from '../../support/inserted-applications.ts';
import { DATABASE_URL } from './env';

let db: Database | undefined;

function database(): Database {
	db ??= createDb(DATABASE_URL, { max: 2 });
	return db;
}

/** A class C festival application in the given state, ready for advice. */
export async function insertClassCApplication(options: ApplicationOptions = {}): Promise<InsertedApplication> {
	return insertApplication(database(), { scan: SCANS.C, status: 'in_behandeling', ...options });
}

export async function closeAdviceDb(): Promise<void> {
	await db?.destroy();
	db = undefined;
}

/** A class B application (brandweer, GHOR and politie advise separately), ready for advice. */
export async function insertClassBApplication(options: ApplicationOptions = {}): Promise<InsertedApplication> {
	return insertApplication(database(), { scan: SCANS.B, status: 'in_behandeling', ...options });
}
