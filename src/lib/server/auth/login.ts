// Logging in: rate limits per account and per address, argon2id, a new session, an audit record.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError } from '../errors.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { LOGIN_LIMITS, clearLimit, countAttempt, retryAfterSeconds } from './rate-limit.ts';
import { createSession, generateSessionToken, type Session } from './session.ts';

export interface LoginInput {
	email: string;
	password: string;
	ip: string | null;
	userAgent: string | null;
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

	const user = await db
		.selectFrom('appUser')
		.select(['id', 'passwordHash', 'active'])
		.where('email', '=', email)
		.executeTakeFirst();
	// Verify against a dummy hash for unknown accounts, so the answer time does not tell.
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
	if (!user || !valid || !user.active) {
		await countAttempt(db, addressKey, LOGIN_LIMITS.address);
		await writeAudit(db, {
			actorId: null,
			action: 'sessie.inloggen_mislukt',
			entityType: 'gebruiker',
			entityId: user?.id ?? null,
			ip: input.ip,
			details: { email }
		});
		throw new ServiceError(401, 'invalid_credentials', 'Onjuist e-mailadres of wachtwoord.');
	}

	await clearLimit(db, accountKey);
	const token = generateSessionToken();
	const session = await db.transaction().execute(async (trx) => {
		const created = await createSession(trx, token, user.id, { ip: input.ip, userAgent: input.userAgent });
		await writeAudit(trx, { actorId: user.id, action: 'sessie.ingelogd', entityType: 'gebruiker', entityId: user.id, ip: input.ip });
		return created;
	});
	return { token, session, userId: user.id };
}
