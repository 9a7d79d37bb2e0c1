// The group → role mapping of single sign-on, the multi-factor claims, and the OIDC settings in
// the configuration: pure rules, no provider needed.
import { describe, expect, it } from 'vitest';
import { assertsMultiFactor, grantsFromGroups, groupsFromClaim, parseGroupRoles } from '../../src/lib/server/identity/group-mapping.ts';
import { ConfigError, loadConfig } from '../../src/lib/server/config.ts';
import { describeDevice } from '../../src/lib/server/auth/device.ts';
import { ENV_PROVIDER_KEY, environmentProvider } from '../../src/lib/server/identity/providers.ts';

const MAPPING = JSON.stringify({
	'vrk-crisis': [{ role: 'crisisteam' }],
	'haarlem-vergunningen': [{ role: 'vergunningverlener', municipality: 'haarlem' }, { role: 'waarnemer', municipality: 'haarlem' }],
	'ghor-advies': [{ role: 'adviseur', municipality: 'velsen', discipline: 'ghor' }]
});

describe('group mapping', () => {
	const mapping = parseGroupRoles(MAPPING);
	if (!mapping.ok) throw new Error(mapping.message);

	it('gives the grants of every mapped group once, regional when no municipality is named', () => {
		expect(grantsFromGroups(mapping.value, ['vrk-crisis', 'kantine', 'vrk-crisis'])).toEqual([{ role: 'crisisteam', municipality: null, discipline: null }]);
		expect(grantsFromGroups(mapping.value, ['haarlem-vergunningen', 'ghor-advies'])).toEqual([
			{ role: 'vergunningverlener', municipality: 'haarlem', discipline: null },
			{ role: 'waarnemer', municipality: 'haarlem', discipline: null },
			{ role: 'adviseur', municipality: 'velsen', discipline: 'ghor' }
		]);
		expect(grantsFromGroups(mapping.value, ['kantine'])).toEqual([]);
	});

	it('refuses in Dutch what cannot be a mapping', () => {
		expect(parseGroupRoles('{niet')).toMatchObject({ ok: false, message: expect.stringContaining('geen geldige JSON') });
		expect(parseGroupRoles('{"g": [{"role": "koning"}]}')).toMatchObject({ ok: false, message: expect.stringContaining('Onbekende rol') });
		expect(parseGroupRoles('{"g": [{"role": "waarnemer", "municipality": "amsterdam"}]}')).toMatchObject({ ok: false, message: expect.stringContaining('Onbekende gemeente') });
		expect(parseGroupRoles('{"g": [{"role": "adviseur"}]}')).toMatchObject({ ok: false, message: expect.stringContaining('discipline') });
		expect(parseGroupRoles('{"g": []}')).toMatchObject({ ok: false, message: expect.stringContaining('minstens één rol') });
	});

	it('reads the groups claim as a list, a single string, or nothing', () => {
		expect(groupsFromClaim(['a', 3, 'b'])).toEqual(['a', 'b']);
		expect(groupsFromClaim('a')).toEqual(['a']);
		expect(groupsFromClaim(undefined)).toEqual([]);
	});
});

describe('multi-factor claims', () => {
	it('counts amr with mfa, a second method beside the password, or a multi-factor acr', () => {
		expect(assertsMultiFactor({ amr: ['pwd', 'mfa'] })).toBe(true);
		expect(assertsMultiFactor({ amr: ['pwd', 'otp'] })).toBe(true);
		expect(assertsMultiFactor({ acr: 'http://schemas.microsoft.com/claims/multipleauthn' })).toBe(true);
	});

	it('does not count a password, a lone method, or an unknown level', () => {
		expect(assertsMultiFactor({ amr: ['pwd'] })).toBe(false);
		expect(assertsMultiFactor({ amr: ['otp'] })).toBe(false);
		expect(assertsMultiFactor({ acr: '1' })).toBe(false);
		expect(assertsMultiFactor({})).toBe(false);
	});
});

describe('single sign-on in the configuration', () => {
	const complete = {
		PARAAT_OIDC_ISSUER: 'https://login.microsoftonline.com/0000/v2.0',
		PARAAT_OIDC_CLIENT_ID: 'paraat',
		PARAAT_OIDC_CLIENT_SECRET: 'geheim',
		PARAAT_OIDC_GROUP_ROLES: MAPPING
	};

	it('takes all four settings together, with groups as the default claim', () => {
		const config = loadConfig(complete);
		expect(config.PARAAT_OIDC_GROUPS_CLAIM).toBe('groups');
		expect(config.PARAAT_OIDC_ISSUER).toBe(complete.PARAAT_OIDC_ISSUER);
	});

	it('makes the provider of the environment from them, and none without them', () => {
		const provider = environmentProvider(loadConfig({ ...complete, PARAAT_OIDC_NAME: 'VRK', PARAAT_OIDC_TRUST_MFA: '1', PARAAT_OIDC_GROUPS_CLAIM: 'roles' }));
		expect(provider).toMatchObject({ key: ENV_PROVIDER_KEY, name: 'VRK', issuer: complete.PARAAT_OIDC_ISSUER, clientId: 'paraat', clientSecret: 'geheim', groupsClaim: 'roles', trustMfa: true });
		expect(provider?.groupRoles['vrk-crisis']).toEqual([{ role: 'crisisteam' }]);
		expect(environmentProvider(loadConfig({}))).toBeUndefined();
	});

	it('stops the start with one Dutch sentence when one is missing, the mapping is wrong or the issuer is plain http', () => {
		expect(() => loadConfig({ ...complete, PARAAT_OIDC_CLIENT_SECRET: '' })).toThrow(/alle vier nodig/);
		expect(() => loadConfig({ ...complete, PARAAT_OIDC_GROUP_ROLES: '{"g": [{"role": "koning"}]}' })).toThrow(ConfigError);
		expect(() => loadConfig({ ...complete, PARAAT_OIDC_ISSUER: 'http://idp.example.nl' })).toThrow(/https-adres/);
		expect(loadConfig({ ...complete, PARAAT_OIDC_ISSUER: 'http://localhost:8080/realms/vrk' }).PARAAT_OIDC_ISSUER).toBe('http://localhost:8080/realms/vrk');
	});
});

describe('the device of a session', () => {
	it('names browser, system and kind of device in Dutch', () => {
		expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe('Microsoft Edge op Windows (computer)');
		expect(describeDevice(null)).toBe('Onbekend apparaat');
		expect(describeDevice('curl/8.5.0')).toBe('Onbekend apparaat');
	});
});
