// New recovery codes for an officer who used some up or fears they were seen: a valid code from
// the authenticator app first (rate limited like the login's second factor), then ten new codes;
// the old ones stop working at once. Framework-free.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError } from '../errors.ts';
import { verifySecondFactor } from './login.ts';
import { hasTotp, replaceRecoveryCodes } from './second-factor.ts';

export async function renewRecoveryCodes(db: Kysely<DB>, userId: string, code: string, ip: string | null): Promise<string[]> {
	if (!(await hasTotp(db, userId))) throw new ServiceError(409, 'no_second_factor', 'Voor je account is geen tweede factor ingesteld, dus er zijn geen herstelcodes.');
	await verifySecondFactor(db, userId, { totp: code.replace(/\s+/g, ''), ip });
	return db.transaction().execute(async (trx) => {
		const codes = await replaceRecoveryCodes(trx, userId);
		await writeAudit(trx, { actorId: userId, action: 'session.recovery_codes_renewed', entityType: 'gebruiker', entityId: userId, ip });
		return codes;
	});
}
