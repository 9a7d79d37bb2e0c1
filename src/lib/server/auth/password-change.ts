// A user changes their own password: the current one first (rate limited like a login), then the
// new one; every other session ends, since a changed password usually means a feared leak.
// Accounts made by single sign-on have no Paraat password and change it at their provider.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError } from '../errors.ts';
import { safeText } from '../../validation/fields.ts';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './password.ts';
import { LOGIN_LIMITS, clearLimit, countAttempt } from './rate-limit.ts';
import { RateLimitedError } from './login.ts';
import { invalidateOtherSessions, type Session } from './session.ts';
import { findPasswordHash, setPasswordHash } from './session-queries.ts';

export const passwordChangeInput = z
	.object({
		current: safeText().min(1, { error: 'Vul je huidige wachtwoord in.' }).max(256, { error: 'Dit wachtwoord is te lang.' }),
		next: safeText()
			.min(PASSWORD_MIN_LENGTH, { error: `Het nieuwe wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben.` })
			.max(256, { error: 'Het nieuwe wachtwoord is te lang (hoogstens 256 tekens).' }),
		repeat: z.string()
	})
	.refine((v) => v.next === v.repeat, { path: ['repeat'], error: 'De twee nieuwe wachtwoorden zijn niet gelijk.' })
	.refine((v) => v.next !== v.current, { path: ['next'], error: 'Kies een ander wachtwoord dan je huidige.' });

export type PasswordChange = z.output<typeof passwordChangeInput>;

/** Changes the password; returns how many other sessions ended. */
export async function changePassword(db: Kysely<DB>, session: Session, input: PasswordChange, ip: string | null): Promise<number> {
	const current = await findPasswordHash(db, session.userId);
	if (!current) {
		throw new ServiceError(409, 'no_password', 'Je logt in met je organisatie-account en hebt geen Paraat-wachtwoord; wijzig je wachtwoord bij je organisatie.');
	}
	const key = `wachtwoord:${session.userId}`;
	const attempt = await countAttempt(db, key, LOGIN_LIMITS.account);
	if (attempt.count > LOGIN_LIMITS.account.max) throw new RateLimitedError(attempt.retryAfter);
	if (!(await verifyPassword(current, input.current))) {
		throw new ServiceError(400, 'validation_failed', 'Je huidige wachtwoord klopt niet.', [{ field: 'current', message: 'Je huidige wachtwoord klopt niet.' }]);
	}
	await clearLimit(db, key);
	const passwordHash = await hashPassword(input.next);
	await db.transaction().execute(async (trx) => {
		await setPasswordHash(trx, session.userId, passwordHash);
		await writeAudit(trx, { actorId: session.userId, action: 'session.password_changed', entityType: 'gebruiker', entityId: session.userId, ip });
	});
	return invalidateOtherSessions(db, session.userId, session.id);
}
