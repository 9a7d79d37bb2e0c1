// Migration 0019 renames the audit log's Dutch action codes to the event types' vocabulary
// (`taak.gewijzigd` → `task.updated`), although audit_log is append-only, and its `down` really
// goes back. The trigger that keeps the log append-only is on again afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { migrateTo } from '../../src/lib/server/db/migrator.ts';
import { AUDIT_ACTION_LABELS } from '../../src/lib/domain/wording/audit.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;
let db: Kysely<unknown>;

beforeAll(async () => {
	t = await createTestDatabase({ template: null });
	db = t.db as unknown as Kysely<unknown>;
});

afterAll(async () => {
	await t?.drop();
});

const OLD = ['taak.gewijzigd', 'incident.grip_gewijzigd', 'bluswater.eenheid_ingezet', 'bibob.lbb_advies_gevraagd', 'evenement.status_gewijzigd', 'sessie.ingelogd', 'iets.onbekends'];

async function actions(): Promise<string[]> {
	const { rows } = await sql<{ action: string }>`select action from audit_log order by at, id`.execute(db);
	return rows.map((r) => r.action);
}

describe('migration 0019_audit_vocabulary', () => {
	it('renames stored action codes, keeps unknown ones, and its down restores them', async () => {
		await migrateTo(db, '0016_inject_source');
		for (const [i, action] of OLD.entries()) {
			await sql`insert into audit_log (action, entity_type, entity_id, at) values (${action}, 'taak', ${String(i)}, now() + make_interval(secs => ${i}))`.execute(db);
		}

		await migrateTo(db, '0019_audit_vocabulary');
		const renamed = await actions();
		expect(renamed).toEqual(['task.updated', 'incident.grip_changed', 'bluswater.assignment.created', 'bibob.file.lbb_advice_requested', 'application.status_changed', 'session.created', 'iets.onbekends']);
		// Every renamed code is one the audit page can put into Dutch words.
		for (const action of renamed.slice(0, -1)) expect(AUDIT_ACTION_LABELS[action], action).toBeTruthy();
		// Still append-only.
		await expect(sql`update audit_log set action = 'x.y'`.execute(db)).rejects.toThrow(/append-only/);

		await migrateTo(db, '0016_inject_source');
		expect(await actions()).toEqual(['taak.gewijzigd', 'incident.grip_gewijzigd', 'bluswater.eenheid_ingezet', 'bibob.lbb_advies_gevraagd', 'evenement.aanvraag_status', 'sessie.ingelogd', 'iets.onbekends']);
		await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
	});
});
