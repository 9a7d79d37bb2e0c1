// Between the password and the second factor: a short-lived challenge instead of a session. The
// browser holds its random token in an httpOnly cookie; only the SHA-256 is stored. Nothing but
// the second-factor pages accepts it, so a password alone opens no page at all. Framework-free.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError } from '../errors.ts';
import { RateLimitedError, invalidSecondFactor, openSession, verifySecondFactor } from './login.ts';
import { clearLimit, countAttempt } from './rate-limit.ts';
import { generateSessionToken, sessionIdFromToken, type Session } from './session.ts';
import { SECOND_FACTOR_LIMIT, matchingStep, newTotpSecret, replaceRecoveryCodes, saveTotp } from './second-factor.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { deleteChallenge, deleteChallengesOf, findChallengeRow, insertChallenge, savePendingSecret } from './login-challenge-queries.ts';

export const CHALLENGE_COOKIE = 'paraat_tweede_factor';
/** Long enough to open an authenticator app and scan a QR code; short for an unattended screen. */
export const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;

export type ChallengePurpose = 'verifieren' | 'instellen';

export const challengeExpired = () =>
	new ServiceError(401, 'challenge_expired', 'Je inlogpoging is verlopen of onbekend. Log opnieuw in met je e-mailadres en wachtwoord.');

export async function createChallenge(db: Kysely<DB>, userId: string, purpose: ChallengePurpose): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSessionToken();
	const expiresAt = new Date(Date.now() + CHALLENGE_LIFETIME_MS);
	// One challenge per user at a time; expired ones of anyone are cleared on the way.
	await deleteChallengesOf(db, userId);
	await insertChallenge(db, { id: sessionIdFromToken(token), userId, purpose, expiresAt });
	return { token, expiresAt };
}

export interface Challenge {
	id: string;
	userId: string;
	email: string;
	purpose: ChallengePurpose;
	pendingSecret: Uint8Array | null;
}

export async function findChallenge(db: Kysely<DB>, token: string | undefined): Promise<Challenge | undefined> {
	if (!token || !/^[a-z2-7]{32}$/.test(token)) return undefined;
	const row = await findChallengeRow(db, sessionIdFromToken(token));
	if (!row || !row.active || row.expiresAt.getTime() <= Date.now()) return undefined;
	return {
		id: row.id,
		userId: row.userId,
		email: row.email,
		purpose: row.purpose as ChallengePurpose,
		pendingSecret: row.pendingSecret ? openSecret(row.pendingSecret) : null
	};
}

/** The secret an enrolment shows (made once per challenge, so a reload shows the same QR code). */
export async function enrolmentSecret(db: Kysely<DB>, challenge: Challenge): Promise<Uint8Array> {
	if (challenge.pendingSecret) return challenge.pendingSecret;
	const secret = newTotpSecret();
	await savePendingSecret(db, challenge.id, sealSecret(secret));
	return secret;
}

interface Meta {
	ip: string | null;
	userAgent: string | null;
}

/** Second step of a login: a TOTP code or a recovery code; then the session. */
export async function completeSecondFactor(
	db: Kysely<DB>,
	token: string | undefined,
	code: string,
	meta: Meta
): Promise<{ token: string; session: Session }> {
	const challenge = await findChallenge(db, token);
	if (!challenge || challenge.purpose !== 'verifieren') throw challengeExpired();
	// "123 456" as some apps show it is the same code.
	const trimmed = /^[\d\s]+$/.test(code) ? code.replace(/\s+/g, '') : code.trim();
	const used = await verifySecondFactor(db, challenge.userId, {
		...(/^\d{6}$/.test(trimmed) ? { totp: trimmed } : { recoveryCode: trimmed }),
		ip: meta.ip
	});
	await deleteChallenge(db, challenge.id);
	return openSession(db, challenge.userId, { ...meta, secondFactor: used });
}

/** Enrolment: the first code proves the app holds the secret; then recovery codes and the session. */
export async function completeEnrolment(
	db: Kysely<DB>,
	token: string | undefined,
	code: string,
	meta: Meta
): Promise<{ token: string; session: Session; recoveryCodes: string[] }> {
	const challenge = await findChallenge(db, token);
	if (!challenge || challenge.purpose !== 'instellen' || !challenge.pendingSecret) throw challengeExpired();
	const key = `login:tweede-factor:${challenge.userId}`;
	const attempt = await countAttempt(db, key, SECOND_FACTOR_LIMIT);
	if (attempt.count > SECOND_FACTOR_LIMIT.max) throw new RateLimitedError(attempt.retryAfter);
	const step = matchingStep(challenge.pendingSecret, code.replace(/\s+/g, ''));
	if (step === null) {
		await writeAudit(db, { actorId: null, action: 'session.second_factor_failed', entityType: 'gebruiker', entityId: challenge.userId, ip: meta.ip });
		throw invalidSecondFactor();
	}
	const secret = challenge.pendingSecret;
	const recoveryCodes = await db.transaction().execute(async (trx) => {
		await saveTotp(trx, challenge.userId, secret, step);
		const codes = await replaceRecoveryCodes(trx, challenge.userId);
		await deleteChallenge(trx, challenge.id);
		await writeAudit(trx, { actorId: challenge.userId, action: 'session.second_factor_enrolled', entityType: 'gebruiker', entityId: challenge.userId, ip: meta.ip });
		return codes;
	});
	await clearLimit(db, key);
	const opened = await openSession(db, challenge.userId, { ...meta, secondFactor: 'totp' });
	return { ...opened, recoveryCodes };
}
