// The audit log is append-only, enforced by the database itself (not only by the code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { writeAudit } from '../../src/lib/server/audit/audit.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;
let actor: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	actor = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: null }] });
});

afterAll(async () => {
	await t?.drop();
});

const count = async () => (await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('audit log', () => {
	it('writeAudit inserts a complete record', async () => {
		await writeAudit(t.db, {
			actorId: actor.id,
			action: 'test.geschreven',
			entityType: 'bericht',
			entityId: 'abc',
			municipality: 'haarlem',
			ip: '192.0.2.1',
			details: { reden: 'test', aantal: 3 }
		});
		const row = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'test.geschreven').executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			actorId: actor.id,
			entityType: 'bericht',
			entityId: 'abc',
			municipalityCode: 'haarlem',
			ip: '192.0.2.1',
			details: { reden: 'test', aantal: 3 }
		});
		expect(row.at).toBeInstanceOf(Date);
		expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(60_000);
	});

	it('writeAudit without optional fields stores nulls and empty details', async () => {
		await writeAudit(t.db, { actorId: null, action: 'test.minimaal', entityType: 'systeem' });
		const row = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'test.minimaal').executeTakeFirstOrThrow();
		expect(row).toMatchObject({ actorId: null, entityId: null, municipalityCode: null, ip: null, details: {} });
	});

	it('refuses UPDATE', async () => {
		await expect(sql`update audit_log set action = 'vervalst'`.execute(t.db)).rejects.toThrow(/append-only/);
		await expect(t.db.updateTable('auditLog').set({ details: JSON.stringify({}) }).where('action', '=', 'test.geschreven').execute()).rejects.toThrow(/append-only/);
		expect(await t.db.selectFrom('auditLog').select('action').where('action', '=', 'vervalst').execute()).toEqual([]);
	});

	it('refuses DELETE', async () => {
		const before = await count();
		expect(before).toBeGreaterThan(0);
		await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
		await expect(t.db.deleteFrom('auditLog').where('action', '=', 'test.minimaal').execute()).rejects.toThrow(/append-only/);
		expect(await count()).toBe(before);
	});

	it('refuses TRUNCATE', async () => {
		const before = await count();
		await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
		await expect(sql`truncate audit_log cascade`.execute(t.db)).rejects.toThrow(/append-only/);
		expect(await count()).toBe(before);
	});

	it('a rolled-back transaction leaves no audit record (it is written in the same transaction)', async () => {
		const before = await count();
		await expect(
			t.db.transaction().execute(async (trx) => {
				await writeAudit(trx, { actorId: actor.id, action: 'test.teruggedraaid', entityType: 'bericht' });
				throw new Error('afgebroken');
			})
		).rejects.toThrow('afgebroken');
		expect(await count()).toBe(before);
	});
});
