// What a user and a beheerder do about a lost phone or laptop: the sessions page (list, end one,
// end all others), a beheerder ending every session of a user, a reset second factor with its
// reason in the audit log, re-enrolment, new recovery codes — and sockets that end with their
// session on every node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import { createSession, generateSessionToken, sessionIdFromToken, validateSessionToken, type Session } from '../../src/lib/server/auth/session.ts';
import { endOtherSessions, endOwnSession, sessionsOf } from '../../src/lib/server/auth/session-overview.ts';
import { renewRecoveryCodes } from '../../src/lib/server/auth/recovery-renewal.ts';
import { login, SecondFactorError } from '../../src/lib/server/auth/login.ts';
import { currentStep, DEMO_TOTP_SECRET, replaceRecoveryCodes, saveTotp, secretFromBase32, useRecoveryCode } from '../../src/lib/server/auth/second-factor.ts';
import { endUserSessions, resetSecondFactor } from '../../src/lib/server/users/user-service.ts';
import { resetReasonInput } from '../../src/lib/server/users/user-input.ts';
import { changePassword, passwordChangeInput } from '../../src/lib/server/auth/password-change.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type TestRealtimeNode } from '../support/realtime-server.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const secret = secretFromBase32(DEMO_TOTP_SECRET);
const PASSWORD = 'bibob-wachtwoord-12';

let t: TestDatabase;
let nodeA: TestRealtimeNode;
let nodeB: TestRealtimeNode;
let beheerder: SessionUser;

async function open(user: SessionUser, userAgent: string, ip: string, secondFactor = false): Promise<{ token: string; session: Session }> {
	const token = generateSessionToken();
	const session = await createSession(t.db, token, user.id, { ip, userAgent, secondFactor });
	return { token, session };
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
	const err = await promise.then(
		() => new Error('verwacht: geweigerd'),
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ServiceError);
	return err as ServiceError;
}

beforeAll(async () => {
	t = await createTestDatabase();
	// Two app nodes on one database; a heartbeat of a minute, so only the NOTIFY can end a socket in time.
	nodeA = await startRealtimeServer(t, { heartbeatMs: 60_000 });
	nodeB = await startRealtimeServer(t, { heartbeatMs: 60_000 });
	beheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: null }] });
});

afterAll(async () => {
	await nodeA?.close();
	await nodeB?.close();
	await t?.drop();
});

describe('the sessions page', () => {
	it('lists the user’s sessions with device, place, creation and last use, the current one marked', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const laptop = await open(user, FIREFOX_WINDOWS, '192.0.2.1');
		await open(user, SAFARI_IPHONE, '198.51.100.7');
		const list = await sessionsOf(t.db, laptop.session);
		expect(list).toHaveLength(2);
		const here = list.find((s) => s.current)!;
		expect(here).toMatchObject({ device: 'Firefox op Windows (computer)', ip: '192.0.2.1' });
		expect(list.find((s) => !s.current)).toMatchObject({ device: 'Safari op iOS (telefoon)', ip: '198.51.100.7' });
		expect(here.lastUsedAt).toBeInstanceOf(Date);
		expect(here.createdAt).toBeInstanceOf(Date);
	});

	it('records a later use as the last use', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const s = await open(user, FIREFOX_WINDOWS, '192.0.2.1');
		const earlier = new Date(Date.now() - 3 * 60 * 60 * 1000);
		await t.db.updateTable('userSession').set({ lastUsedAt: earlier }).where('id', '=', s.session.id).execute();
		await validateSessionToken(t.db, s.token);
		const [row] = await sessionsOf(t.db, s.session);
		expect(row!.lastUsedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
	});

	it('ends one session, and the other sessions’ sockets on both nodes when ending all others', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const here = await open(user, FIREFOX_WINDOWS, '192.0.2.1');
		const phone = await open(user, SAFARI_IPHONE, '198.51.100.7');
		const tablet = await open(user, SAFARI_IPHONE, '198.51.100.8');
		const extra = await open(user, SAFARI_IPHONE, '198.51.100.9');
		const hereSocket = await connectClient(nodeA.url, here.token);
		const phoneSocket = await connectClient(nodeA.url, phone.token);
		const tabletSocket = await connectClient(nodeB.url, tablet.token);
		const extraSocket = await connectClient(nodeB.url, extra.token);

		await endOwnSession(t.db, here.session, phone.session.id, null);
		await waitFor(() => !phoneSocket.connected, { what: 'phone socket closed', timeout: 5000 });
		expect((await validateSessionToken(t.db, phone.token)).session).toBeNull();

		expect(await endOtherSessions(t.db, here.session, null)).toBe(2);
		await waitFor(() => !tabletSocket.connected && !extraSocket.connected, { what: 'sockets on node B closed', timeout: 5000 });
		expect(hereSocket.connected).toBe(true);
		expect((await sessionsOf(t.db, here.session)).map((s) => s.id)).toEqual([here.session.id]);
		for (const s of [hereSocket, phoneSocket, tabletSocket, extraSocket]) s.close();
	});

	it('refuses to end someone else’s session', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const other = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const mine = await open(user, FIREFOX_WINDOWS, '192.0.2.1');
		const theirs = await open(other, FIREFOX_WINDOWS, '192.0.2.2');
		expect((await refusal(endOwnSession(t.db, mine.session, theirs.session.id, null))).status).toBe(404);
		expect((await validateSessionToken(t.db, theirs.token)).session).not.toBeNull();
	});
});

describe('a beheerder and a lost laptop', () => {
	it('ends every session of a user, sockets on both nodes included, and audits it', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'crisisteam', municipality: 'velsen' }] });
		const a = await open(user, FIREFOX_WINDOWS, '192.0.2.1');
		const b = await open(user, SAFARI_IPHONE, '192.0.2.2');
		const socketA = await connectClient(nodeA.url, a.token);
		const socketB = await connectClient(nodeB.url, b.token);
		expect(await endUserSessions(t.db, beheerder, user.id, { ip: '203.0.113.5' })).toBe(2);
		await waitFor(() => !socketA.connected && !socketB.connected, { what: 'both sockets closed', timeout: 5000 });
		const audit = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.sessions_revoked').where('entityId', '=', user.id).executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actorId: beheerder.id, details: { aantal: 2 } });
		socketA.close();
		socketB.close();
	});

	it('a municipal beheerder cannot end the sessions of someone outside their municipality', async () => {
		const local = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'haarlem' }] });
		const user = await createUser(t.db, { grants: [{ role: 'crisisteam', municipality: 'velsen' }] });
		const s = await open(user, FIREFOX_WINDOWS, '192.0.2.1');
		expect((await refusal(endUserSessions(t.db, local, user.id, { ip: null }))).status).toBe(404);
		expect((await validateSessionToken(t.db, s.token)).session).not.toBeNull();
	});
});

describe('a lost phone: the second factor reset', () => {
	async function enrolledOfficer() {
		const officer = await createUser(t.db, { password: PASSWORD, grants: [{ role: 'bibob', municipality: 'haarlem' }] });
		await saveTotp(t.db, officer.id, secret, 0);
		const codes = await replaceRecoveryCodes(t.db, officer.id);
		return { officer, codes };
	}

	it('removes the secret and the codes, ends every session, audits who and why, and asks for enrolment at the next sign-in', async () => {
		const { officer, codes } = await enrolledOfficer();
		const s = await open(officer, FIREFOX_WINDOWS, '192.0.2.1', true);
		const socket = await connectClient(nodeB.url, s.token);
		await resetSecondFactor(t.db, beheerder, officer.id, 'Telefoon verloren, gebeld om 09:12', { ip: '203.0.113.5' });
		await waitFor(() => !socket.connected, { what: 'socket closed', timeout: 5000 });
		socket.close();
		expect(await t.db.selectFrom('userTotp').select('userId').where('userId', '=', officer.id).execute()).toEqual([]);
		expect(await useRecoveryCode(t.db, officer.id, codes[0]!)).toBe(false);
		const audit = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.second_factor_reset').where('entityId', '=', officer.id).executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actorId: beheerder.id, ip: '203.0.113.5', details: { reden: 'Telefoon verloren, gebeld om 09:12' } });
		// The password alone still opens nothing: the next sign-in enrols a new app first.
		const err = await refusal(login(t.db, { email: officer.email, password: PASSWORD, ip: null, userAgent: null }));
		expect(err).toBeInstanceOf(SecondFactorError);
		expect(err.code).toBe('second_factor_enrolment_required');
	});

	it('needs a reason, and another beheerder than the one it concerns', async () => {
		expect(resetReasonInput.safeParse({ userId: beheerder.id, reason: 'weg' }).success).toBe(false);
		expect(resetReasonInput.safeParse({ userId: beheerder.id, reason: 'Telefoon gestolen' }).success).toBe(true);
		const err = await refusal(resetSecondFactor(t.db, beheerder, beheerder.id, 'Mijn eigen telefoon', { ip: null }));
		expect(err.status).toBe(403);
		const outsider = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'zandvoort' }] });
		const { officer } = await enrolledOfficer();
		expect((await refusal(resetSecondFactor(t.db, outsider, officer.id, 'Telefoon verloren', { ip: null }))).status).toBe(404);
		expect(await t.db.selectFrom('userTotp').select('userId').where('userId', '=', officer.id).execute()).toHaveLength(1);
	});

	it('says so when there is nothing to reset', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		expect((await refusal(resetSecondFactor(t.db, beheerder, user.id, 'Telefoon verloren', { ip: null }))).status).toBe(409);
	});
});

describe('new recovery codes', () => {
	it('come after a valid code from the app; the old ones stop working', async () => {
		const officer = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'haarlem' }] });
		await saveTotp(t.db, officer.id, secret, 0);
		const old = await replaceRecoveryCodes(t.db, officer.id);
		expect((await refusal(renewRecoveryCodes(t.db, officer.id, '000000', null))).status).toBe(401);
		const fresh = await renewRecoveryCodes(t.db, officer.id, generateHOTP(secret, BigInt(currentStep()), 6), null);
		expect(fresh).toHaveLength(10);
		expect(await useRecoveryCode(t.db, officer.id, old[1]!)).toBe(false);
		expect(await useRecoveryCode(t.db, officer.id, fresh[1]!)).toBe(true);
		// A code is accepted once: the same code cannot make a second set.
		expect((await refusal(renewRecoveryCodes(t.db, officer.id, generateHOTP(secret, BigInt(currentStep()), 6), null))).status).toBe(401);
	});

	it('are refused to an account without a second factor', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		expect((await refusal(renewRecoveryCodes(t.db, user.id, '123456', null))).status).toBe(409);
	});
});

describe('no path where a password alone opens Bibob', () => {
	it('a session opened without the second factor carries no Bibob grant', async () => {
		const officer = await createUser(t.db, { password: PASSWORD, grants: [{ role: 'bibob', municipality: 'haarlem' }, { role: 'waarnemer', municipality: 'haarlem' }] });
		await saveTotp(t.db, officer.id, secret, 0);
		expect(await refusal(login(t.db, { email: officer.email, password: PASSWORD, ip: null, userAgent: null }))).toBeInstanceOf(SecondFactorError);
		const withoutFactor = await open(officer, FIREFOX_WINDOWS, '192.0.2.1', false);
		const { user } = await validateSessionToken(t.db, withoutFactor.token);
		expect(user?.grants.map((g) => g.role)).toEqual(['waarnemer']);
		expect(sessionIdFromToken(withoutFactor.token)).toBe(withoutFactor.session.id);
	});
});

describe('changing one’s own password', () => {
	it('needs the current password, then ends every other session and the old password stops working', async () => {
		const user = await createUser(t.db, { password: 'oud-wachtwoord-123', grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const here = await open(user, FIREFOX_WINDOWS, '192.0.2.1');
		const other = await open(user, SAFARI_IPHONE, '192.0.2.2');
		const socket = await connectClient(nodeB.url, other.token);
		const wrong = passwordChangeInput.parse({ current: 'niet-het-oude', next: 'nieuw-wachtwoord-456', repeat: 'nieuw-wachtwoord-456' });
		expect((await refusal(changePassword(t.db, here.session, wrong, null))).message).toBe('Je huidige wachtwoord klopt niet.');
		const right = passwordChangeInput.parse({ current: 'oud-wachtwoord-123', next: 'nieuw-wachtwoord-456', repeat: 'nieuw-wachtwoord-456' });
		expect(await changePassword(t.db, here.session, right, null)).toBe(1);
		await waitFor(() => !socket.connected, { what: 'other socket closed', timeout: 5000 });
		socket.close();
		expect((await validateSessionToken(t.db, here.token)).session).not.toBeNull();
		await expect(login(t.db, { email: user.email, password: 'oud-wachtwoord-123', ip: null, userAgent: null })).rejects.toMatchObject({ code: 'invalid_credentials' });
		expect((await login(t.db, { email: user.email, password: 'nieuw-wachtwoord-456', ip: null, userAgent: null })).userId).toBe(user.id);
	});

	it('refuses a short or unrepeated new password in Dutch', () => {
		const short = passwordChangeInput.safeParse({ current: 'x', next: 'kort', repeat: 'kort' });
		expect(short.success).toBe(false);
		expect(short.error?.issues[0]?.message).toBe('Het nieuwe wachtwoord moet minstens 12 tekens hebben.');
		expect(passwordChangeInput.safeParse({ current: 'x', next: 'lang-genoeg-wachtwoord', repeat: 'anders-wachtwoord-1' }).success).toBe(false);
	});
});
