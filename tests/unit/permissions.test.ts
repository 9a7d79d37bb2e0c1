import { describe, expect, it } from 'vitest';
import { can, disciplinesFor, grantsOfSession, mayConfirmGrant, mayGrant, mayRevokeGrant, officerDisciplines, scopesFor } from '../../src/lib/server/auth/permissions.ts';
import { ROLES, type Role, type RoleGrant, type SessionUser } from '../../src/lib/server/auth/roles.ts';

const user = (...grants: Partial<RoleGrant>[]): SessionUser => ({
	id: 'u1',
	email: 'u1@paraat.test',
	name: 'U1',
	grants: grants.map((g) => ({ role: g.role ?? 'waarnemer', municipality: g.municipality ?? null, discipline: g.discipline ?? null }))
});

describe('can()', () => {
	it('refuses everything without a user', () => {
		expect(can(null, 'region.read')).toBe(false);
		expect(can(undefined, 'notice.read')).toBe(false);
	});

	it.each(ROLES)('lets every role (%s) read the region and compute a risicoscan', (role) => {
		const u = user({ role, municipality: 'haarlem', discipline: role === 'adviseur' ? 'ghor' : null });
		expect(can(u, 'region.read')).toBe(true);
		expect(can(u, 'risicoscan.compute')).toBe(true);
	});

	const posters: Role[] = ['crisisteam', 'beheerder'];
	it.each(ROLES)('lets only crisisteam and beheerder post regional notices (%s)', (role) => {
		expect(can(user({ role, municipality: 'velsen' }), 'notice.post')).toBe(posters.includes(role));
	});

	it.each(ROLES)('lets only a beheerder manage users (%s)', (role) => {
		expect(can(user({ role, municipality: 'velsen' }), 'users.manage')).toBe(role === 'beheerder');
	});

	it('limits a municipal grant to its own municipality', () => {
		const velsen = user({ role: 'beheerder', municipality: 'velsen' });
		expect(can(velsen, 'users.manage', { municipality: 'velsen' })).toBe(true);
		expect(can(velsen, 'users.manage', { municipality: 'haarlem' })).toBe(false);
		expect(can(velsen, 'users.manage', { municipality: null })).toBe(false);
	});

	it('lets a regional grant cover every municipality and the region itself', () => {
		const regional = user({ role: 'beheerder', municipality: null });
		expect(can(regional, 'users.manage', { municipality: 'zandvoort' })).toBe(true);
		expect(can(regional, 'users.manage', { municipality: null })).toBe(true);
	});

	it('needs the fitting role in the scope, not just any role there', () => {
		const mixed = user({ role: 'beheerder', municipality: 'velsen' }, { role: 'waarnemer', municipality: 'haarlem' });
		expect(can(mixed, 'users.manage', { municipality: 'haarlem' })).toBe(false);
		expect(can(mixed, 'municipality.read', { municipality: 'haarlem' })).toBe(true);
		expect(can(mixed, 'municipality.read', { municipality: 'zandvoort' })).toBe(false);
	});

	it('opens the bluswater board to fire, crisis and exercise roles only', () => {
		expect(can(user({ role: 'brandweer' }), 'bluswater.read')).toBe(true);
		expect(can(user({ role: 'oefenleider' }), 'bluswater.read')).toBe(true);
		expect(can(user({ role: 'vergunningverlener' }), 'bluswater.read')).toBe(false);
		expect(can(user({ role: 'bibob' }), 'bluswater.read')).toBe(false);
	});
});

describe('scopesFor()', () => {
	it('lists the municipalities of the fitting grants, or null for a regional one', () => {
		expect(scopesFor(user({ role: 'beheerder', municipality: 'velsen' }, { role: 'beheerder', municipality: 'uitgeest' }), 'users.manage')).toEqual([
			'velsen',
			'uitgeest'
		]);
		expect(scopesFor(user({ role: 'beheerder', municipality: 'velsen' }, { role: 'beheerder' }), 'users.manage')).toBeNull();
		expect(scopesFor(user({ role: 'waarnemer', municipality: 'velsen' }), 'users.manage')).toEqual([]);
	});
});

describe('crisis work of the disciplines', () => {
	const officers: Role[] = ['brandweer', 'ghor', 'politie', 'bevolkingszorg'];
	const sections = ['brandweer', 'ghor', 'politie', 'bevolkingszorg'] as const;

	it.each(officers)('lets a %s officer of one municipality read every incident, its water and write log entries', (role) => {
		const u = user({ role, municipality: 'velsen' });
		for (const exercise of [false, true]) {
			expect(can(u, 'incident.read', { exercise })).toBe(true);
			expect(can(u, 'bluswater.read', { exercise })).toBe(true);
			expect(can(u, 'log.write', { exercise })).toBe(true);
			expect(can(u, 'log.verify', { exercise })).toBe(false);
			expect(can(u, 'sitrap.publish', { exercise })).toBe(false);
		}
	});

	it.each(officers)('lets a %s officer write only their own picture section', (role) => {
		const u = user({ role });
		for (const section of sections) {
			expect(can(u, `picture.write.${section}`, { exercise: false }), section).toBe(section === role);
		}
		expect(can(u, 'picture.write.samenvatting', { exercise: false })).toBe(false);
	});

	it('gives the crisis team every section, verification and the SITRAP', () => {
		const u = user({ role: 'crisisteam', municipality: 'haarlem' });
		for (const section of sections) expect(can(u, `picture.write.${section}`, { exercise: false })).toBe(true);
		expect(can(u, 'log.verify', { exercise: false })).toBe(true);
		expect(can(u, 'sitrap.publish', { exercise: false })).toBe(true);
	});

	it('lets an oefenleider write in exercises only', () => {
		const u = user({ role: 'oefenleider' });
		for (const action of ['incident.create', 'incident.manage', 'task.write', 'log.write', 'picture.write.ghor', 'sitrap.publish', 'inject.manage'] as const) {
			expect(can(u, action, { exercise: true }), action).toBe(true);
			expect(can(u, action, { exercise: false }), action).toBe(false);
		}
		expect(can(u, 'incident.read', { exercise: false })).toBe(true);
	});

	it('lets a waarnemer read and nothing more', () => {
		const u = user({ role: 'waarnemer' });
		expect(can(u, 'incident.read', { exercise: false })).toBe(true);
		for (const action of ['log.write', 'task.write', 'picture.write.samenvatting', 'bluswater.manage'] as const) {
			expect(can(u, action, { exercise: true }), action).toBe(false);
		}
	});

	it('names the officer discipline for the logbook default', () => {
		expect(officerDisciplines(user({ role: 'politie' }))).toEqual(['politie']);
		expect(officerDisciplines(user({ role: 'crisisteam' }))).toEqual([]);
	});
});

describe('regional resources and Bibob', () => {
	it('leaves the fleet to a regional beheerder', () => {
		expect(can(user({ role: 'beheerder', municipality: null }), 'fleet.edit')).toBe(true);
		expect(can(user({ role: 'beheerder', municipality: 'haarlem' }), 'fleet.edit')).toBe(false);
	});

	it('opens a Bibob file only with an exact municipal bibob grant', () => {
		expect(can(user({ role: 'bibob', municipality: 'haarlem' }), 'bibob.read', { municipality: 'haarlem' })).toBe(true);
		expect(can(user({ role: 'bibob', municipality: 'haarlem' }), 'bibob.read', { municipality: 'velsen' })).toBe(false);
		expect(can(user({ role: 'bibob', municipality: null }), 'bibob.read', { municipality: 'haarlem' })).toBe(false);
		expect(scopesFor(user({ role: 'bibob', municipality: null }, { role: 'bibob', municipality: 'velsen' }), 'bibob.read')).toEqual(['velsen']);
		for (const role of ROLES.filter((r) => r !== 'bibob')) {
			expect(can(user({ role, municipality: 'haarlem', discipline: role === 'adviseur' ? 'politie' : null }), 'bibob.read'), role).toBe(false);
		}
	});

	it('counts a bibob grant only in a session with the second factor', () => {
		const grants = user({ role: 'bibob', municipality: 'haarlem' }, { role: 'waarnemer' }).grants;
		expect(grantsOfSession(grants, false).map((g) => g.role)).toEqual(['waarnemer']);
		expect(grantsOfSession(grants, true)).toHaveLength(2);
	});
});

describe('advisers', () => {
	it('read and answer only requests of their own discipline in their scope', () => {
		const ghor = user({ role: 'adviseur', municipality: 'velsen', discipline: 'ghor' });
		expect(can(ghor, 'advice.read', { municipality: 'velsen', discipline: 'ghor' })).toBe(true);
		expect(can(ghor, 'advice.read', { municipality: 'velsen', discipline: 'joint' })).toBe(true);
		expect(can(ghor, 'advice.read', { municipality: 'velsen', discipline: 'politie' })).toBe(false);
		expect(can(ghor, 'advice.answer', { municipality: 'haarlem', discipline: 'ghor' })).toBe(false);
		expect(disciplinesFor(ghor, 'advice.read', 'velsen')).toEqual(['ghor']);
		expect(disciplinesFor(ghor, 'advice.read', 'haarlem')).toEqual([]);
	});
});

describe('grants: no one raises their own rights', () => {
	const haarlem = { ...user({ role: 'beheerder', municipality: 'haarlem' }), id: 'admin-haarlem' };
	const regional = { ...user({ role: 'beheerder' }), id: 'admin-regio' };

	it('refuses a grant to oneself', () => {
		expect(mayGrant(haarlem, haarlem.id, { role: 'bibob', municipality: 'haarlem' }).ok).toBe(false);
		expect(mayGrant(regional, regional.id, { role: 'waarnemer', municipality: null }).ok).toBe(false);
	});

	it('grants only within the own scope', () => {
		expect(mayGrant(haarlem, 'u2', { role: 'waarnemer', municipality: 'haarlem' })).toEqual({ ok: true, pendingConfirmation: false });
		expect(mayGrant(haarlem, 'u2', { role: 'waarnemer', municipality: 'velsen' }).ok).toBe(false);
		expect(mayGrant(haarlem, 'u2', { role: 'crisisteam', municipality: null }).ok).toBe(false);
		expect(mayGrant(user({ role: 'crisisteam' }), 'u2', { role: 'waarnemer', municipality: 'haarlem' }).ok).toBe(false);
	});

	it('leaves a Bibob grant pending until a second person confirms it', () => {
		expect(mayGrant(haarlem, 'u2', { role: 'bibob', municipality: 'haarlem' })).toEqual({ ok: true, pendingConfirmation: true });
		const pending = { userId: 'u2', grantedBy: haarlem.id, municipality: 'haarlem' };
		expect(mayConfirmGrant(haarlem, pending).ok).toBe(false);
		expect(mayConfirmGrant(regional, pending).ok).toBe(true);
		expect(mayConfirmGrant(regional, { ...pending, userId: regional.id }).ok).toBe(false);
		expect(mayConfirmGrant(user({ role: 'bibob', municipality: 'haarlem' }), pending).ok).toBe(false);
	});

	it('never withdraws the own beheerder role, and hides grants outside the scope', () => {
		expect(mayRevokeGrant(haarlem, { userId: haarlem.id, role: 'beheerder', municipality: 'haarlem' }).ok).toBe(false);
		expect(mayRevokeGrant(haarlem, { userId: 'u2', role: 'waarnemer', municipality: 'velsen' })).toMatchObject({ ok: false, status: 404 });
		expect(mayRevokeGrant(haarlem, { userId: 'u2', role: 'waarnemer', municipality: 'haarlem' }).ok).toBe(true);
	});
});
