// Logging in: rate limits per account and per address, argon2id, a new session, an audit record.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError } from '../errors.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { findAccountByEmail } from './login-queries.ts';
import { LOGIN_LIMITS, clearLimit, countAttempt, retryAfterSeconds } from './rate-limit.ts';
import { createSession, generateSessionToken, type Session } from './session.ts';
import { SECOND_FACTOR_LIMIT, acceptTotp, hasTotp, needsSecondFactor, useRecoveryCode } from './second-factor.ts';

export interface LoginInput {
	email: string;
	password: string;
	ip: string | null;
	userAgent: string | null;
	/** The second factor, needed by Bibob officers: a code from the authenticator app… */
	totp?: string;
	/** …or one of their recovery codes. */
	recoveryCode?: string;
}

/**
 * The password was right but the account needs a second factor that was not (yet) given. The
 * login page turns it into a challenge (login-challenge.ts); the API answers 401 with the code.
 */
export class SecondFactorError extends ServiceError {
	readonly userId: string;
	constructor(code: 'second_factor_required' | 'second_factor_enrolment_required', userId: string) {
		super(
			401,
			code,
			code === 'second_factor_required'
				? 'Voor Bibob-functionarissen is een tweede factor verplicht. Geef ook de code uit je authenticator-app (totp) of een herstelcode (recoveryCode).'
				: 'Voor Bibob-functionarissen is een tweede factor verplicht, en voor dit account is die nog niet ingesteld. Log in via de website (/inloggen) om je authenticator-app te koppelen.'
		);
		this.userId = userId;
	}
}

export const invalidSecondFactor = () =>
	new ServiceError(401, 'invalid_second_factor', 'De code is onjuist, al gebruikt of verlopen. Gebruik de nieuwste code uit je authenticator-app of een ongebruikte herstelcode.');

/**
 * Checks a second factor, at most SECOND_FACTOR_LIMIT attempts per user per window (a correct code
 * clears the count). Throws 429 when limited, 401 when wrong.
 */
export async function verifySecondFactor(
	db: Kysely<DB>,
	userId: string,
	input: { totp?: string; recoveryCode?: string; ip: string | null }
): Promise<'totp' | 'herstelcode'> {
	const key = `login:tweede-factor:${userId}`;
	const attempt = await countAttempt(db, key, SECOND_FACTOR_LIMIT);
	if (attempt.count > SECOND_FACTOR_LIMIT.max) throw new RateLimitedError(attempt.retryAfter);
	let used: 'totp' | 'herstelcode' | null = null;
	if (input.totp && (await acceptTotp(db, userId, input.totp))) used = 'totp';
	else if (input.recoveryCode && (await useRecoveryCode(db, userId, input.recoveryCode))) used = 'herstelcode';
	if (!used) {
		await writeAudit(db, { actorId: null, action: 'session.second_factor_failed', entityType: 'gebruiker', entityId: userId, ip: input.ip });
		throw invalidSecondFactor();
	}
	await clearLimit(db, key);
	return used;
}

/**
 * How the second factor was given: Paraat's own TOTP or a recovery code, or the organisation's
 * multi-factor sign-in where that organisation's setting trusts it.
 */
export type SecondFactorUsed = 'totp' | 'herstelcode' | 'organisatie-mfa';

/** Opens a session after every factor passed; the audit says which second factor was used, and through which provider. */
export async function openSession(
	db: Kysely<DB>,
	userId: string,
	meta: { ip: string | null; userAgent: string | null; secondFactor: SecondFactorUsed | null; via?: string }
): Promise<{ token: string; session: Session; userId: string }> {
	const token = generateSessionToken();
	const session = await db.transaction().execute(async (trx) => {
		const created = await createSession(trx, token, userId, { ip: meta.ip, userAgent: meta.userAgent, secondFactor: meta.secondFactor !== null });
		await writeAudit(trx, {
			actorId: userId,
			action: 'session.created',
			entityType: 'gebruiker',
			entityId: userId,
			ip: meta.ip,
			details: { ...(meta.secondFactor ? { tweedeFactor: meta.secondFactor } : {}), ...(meta.via ? { via: meta.via } : {}) }
		});
		return created;
	});
	return { token, session, userId };
}

export class RateLimitedError extends ServiceError {
	readonly retryAfter: number;
	constructor(retryAfter: number) {
		const minutes = Math.ceil(retryAfter / 60);
		super(429, 'rate_limited', `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`);
		this.retryAfter = retryAfter;
	}
}

export async function login(db: Kysely<DB>, input: LoginInput): Promise<{ token: string; session: Session; userId: string }> {
	const email = input.email.trim().toLowerCase();
	const accountKey = `login:account:${email}`;
	const addressKey = `login:address:${input.ip ?? 'onbekend'}`;
	const addressWait = await retryAfterSeconds(db, addressKey, LOGIN_LIMITS.address);
	if (addressWait > 0) throw new RateLimitedError(addressWait);
	// Every attempt on an account counts before its password is checked; success clears it.
	const account = await countAttempt(db, accountKey, LOGIN_LIMITS.account);
	if (account.count > LOGIN_LIMITS.account.max) throw new RateLimitedError(account.retryAfter);

	const user = await findAccountByEmail(db, email);
	// Verify against a dummy hash for unknown accounts and accounts without a password (made by
	// single sign-on), so the answer time does not tell; those never pass.
	const checked = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
	const valid = checked && !!user?.passwordHash;
	if (!user || !valid || !user.active) {
		await countAttempt(db, addressKey, LOGIN_LIMITS.address);
		await writeAudit(db, {
			actorId: null,
			action: 'session.login_failed',
			entityType: 'gebruiker',
			entityId: user?.id ?? null,
			ip: input.ip,
			details: { email }
		});
		throw new ServiceError(401, 'invalid_credentials', 'Onjuist e-mailadres of wachtwoord.');
	}

	await clearLimit(db, accountKey);
	let secondFactor: 'totp' | 'herstelcode' | null = null;
	if (await needsSecondFactor(db, user.id)) {
		// The second factor has its own limit, which a correct password does not clear.
		if (!(await hasTotp(db, user.id))) throw new SecondFactorError('second_factor_enrolment_required', user.id);
		if (!input.totp && !input.recoveryCode) throw new SecondFactorError('second_factor_required', user.id);
		secondFactor = await verifySecondFactor(db, user.id, input);
	}
	return openSession(db, user.id, { ip: input.ip, userAgent: input.userAgent, secondFactor });
}
