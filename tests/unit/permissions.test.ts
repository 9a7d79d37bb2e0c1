import { describe, expect, it } from 'vitest';
import { can, hasRole, scopesFor } from '../../src/lib/server/auth/permissions.ts';
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

describe('hasRole()', () => {
	it('answers per role', () => {
		expect(hasRole(user({ role: 'bibob', municipality: 'haarlem' }), 'bibob')).toBe(true);
		expect(hasRole(user({ role: 'bibob', municipality: 'haarlem' }), 'beheerder')).toBe(false);
		expect(hasRole(null, 'bibob')).toBe(false);
	});
});
