// No one raises their own rights (issue 15): no grant to oneself, grants only within the own
// scope, a Bibob grant counts only after a second beheerder confirms it, and every step is in the
// audit log. Through the user service with real PostgreSQL and real sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { validateSessionToken } from '../../src/lib/server/auth/session.ts';
import { addGrant, confirmGrant, removeGrant } from '../../src/lib/server/users/user-service.ts';
import { grantInput } from '../../src/lib/server/users/user-input.ts';
import { createTestDatabase, createUser, loginAs, type TestDatabase } from '../support/test-db.ts';
import { expectServiceError } from '../support/incident-fixtures.ts';

let t: TestDatabase;
let haarlem: SessionUser;
let haarlem2: SessionUser;
let regional: SessionUser;
let clerk: SessionUser;
const ctx = { ip: '192.0.2.9' };

beforeAll(async () => {
	t = await createTestDatabase();
	haarlem = await createUser(t.db, { name: 'Beheerder Haarlem', grants: [{ role: 'beheerder', municipality: 'haarlem' }] });
	haarlem2 = await createUser(t.db, { name: 'Tweede beheerder Haarlem', grants: [{ role: 'beheerder', municipality: 'haarlem' }] });
	regional = await createUser(t.db, { name: 'Beheerder Regio', grants: [{ role: 'beheerder', municipality: null }] });
	clerk = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
});

afterAll(async () => {
	await t?.drop();
});

const grant = (role: string, municipality: string) => grantInput.parse({ role, municipality });

async function sessionRoles(user: SessionUser): Promise<string[]> {
	const { user: seen } = await validateSessionToken(t.db, await loginAs(t.db, user));
	return seen!.grants.map((g) => `${g.role}@${g.municipality ?? 'regio'}`).sort();
}

async function auditActions(entityId: string): Promise<string[]> {
	const rows = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', entityId).orderBy('id').execute();
	return rows.map((r) => r.action);
}

describe('grants', () => {
	it('refuses a grant to oneself, Bibob or otherwise, and writes nothing', async () => {
		await expectServiceError(addGrant(t.db, haarlem, haarlem.id, grant('bibob', 'haarlem'), ctx), 403, 'forbidden');
		await expectServiceError(addGrant(t.db, regional, regional.id, grant('crisisteam', 'regio'), ctx), 403, 'forbidden');
		expect(await sessionRoles(haarlem)).toEqual(['beheerder@haarlem']);
	});

	it('grants only within the own municipality', async () => {
		await expectServiceError(addGrant(t.db, haarlem, clerk.id, grant('waarnemer', 'velsen'), ctx), 403, 'forbidden');
		await expectServiceError(addGrant(t.db, haarlem, clerk.id, grant('waarnemer', 'regio'), ctx), 403, 'forbidden');
		expect(await addGrant(t.db, haarlem, clerk.id, grant('waarnemer', 'haarlem'), ctx)).toEqual({ pendingConfirmation: false });
		expect(await sessionRoles(clerk)).toEqual(['vergunningverlener@haarlem', 'waarnemer@haarlem']);
	});

	it('lets a Bibob grant count only after a second beheerder confirms it, all audited', async () => {
		expect(await addGrant(t.db, haarlem, clerk.id, grant('bibob', 'haarlem'), ctx)).toEqual({ pendingConfirmation: true });
		expect(await sessionRoles(clerk)).not.toContain('bibob@haarlem');
		const pending = await t.db.selectFrom('roleGrant').select(['id', 'grantedBy']).where('userId', '=', clerk.id).where('role', '=', 'bibob').executeTakeFirstOrThrow();
		expect(pending.grantedBy).toBe(haarlem.id);
		// Not by who gave it, not by who receives it, not from another municipality.
		await expectServiceError(confirmGrant(t.db, haarlem, pending.id, ctx), 403, 'forbidden');
		const velsen = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'velsen' }] });
		await expectServiceError(confirmGrant(t.db, velsen, pending.id, ctx), 403, 'forbidden');
		await confirmGrant(t.db, haarlem2, pending.id, ctx);
		expect(await sessionRoles(clerk)).toContain('bibob@haarlem');
		await expectServiceError(confirmGrant(t.db, regional, pending.id, ctx), 404, 'not_found');
		expect(await auditActions(clerk.id)).toEqual(['grant.created', 'grant.created', 'grant.confirmed']);
	});

	it('never withdraws the own beheerder role, and hides grants of other municipalities', async () => {
		const own = await t.db.selectFrom('roleGrant').select('id').where('userId', '=', haarlem.id).executeTakeFirstOrThrow();
		await expectServiceError(removeGrant(t.db, haarlem, own.id, ctx), 403, 'forbidden');
		const elsewhere = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'velsen' }] });
		const theirs = await t.db.selectFrom('roleGrant').select('id').where('userId', '=', elsewhere.id).executeTakeFirstOrThrow();
		await expectServiceError(removeGrant(t.db, haarlem, theirs.id, ctx), 404, 'not_found');
		await removeGrant(t.db, regional, theirs.id, ctx);
		expect(await auditActions(elsewhere.id)).toEqual(['grant.revoked']);
	});
});
