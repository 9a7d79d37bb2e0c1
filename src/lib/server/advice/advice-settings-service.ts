// The advice terms per municipality: read by anyone who works on its applications, changed by
// its beheerder (event.settings) with the version they saw.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { ServiceError, forbidden, notFound } from '../errors';
import { adviceSettingsOf, saveAdviceSettings, type AdviceSettingsRecord } from '../advice-access/advice-settings-queries';
import type { AdviceSettingsInput } from './advice-input';
import { municipalityExists } from '../region/municipality-queries';

async function requireMunicipality(db: Kysely<DB>, municipality: string): Promise<void> {
	if (!(await municipalityExists(db, municipality))) throw notFound(`Onbekende gemeente: ${municipality}`);
}

export async function adviceSettingsFor(db: Kysely<DB>, user: SessionUser, municipality: string): Promise<AdviceSettingsRecord> {
	await requireMunicipality(db, municipality);
	if (!can(user, 'event.read', { municipality }) && !can(user, 'event.settings', { municipality }) && !can(user, 'advice.read', { municipality })) {
		throw forbidden('Je hebt geen toegang tot de adviestermijnen van deze gemeente.');
	}
	return adviceSettingsOf(db, municipality);
}

export async function changeAdviceSettings(
	db: Kysely<DB>,
	user: SessionUser,
	municipality: string,
	input: AdviceSettingsInput,
	ctx: { ip?: string | null } = {}
): Promise<AdviceSettingsRecord> {
	await requireMunicipality(db, municipality);
	if (!can(user, 'event.settings', { municipality })) throw forbidden('Alleen een beheerder van de gemeente wijzigt de adviestermijnen.');
	return transact(db, async (trx) => {
		const before = await adviceSettingsOf(trx, municipality);
		const saved = await saveAdviceSettings(trx, municipality, { ...input, updatedBy: user.id });
		if (!saved) {
			const current = await adviceSettingsOf(trx, municipality);
			throw new ServiceError(409, 'version_conflict', 'Iemand anders heeft de adviestermijnen net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.', undefined, { current });
		}
		await writeAudit(trx, {
			actorId: user.id,
			action: 'advice_settings.updated',
			entityType: 'adviesinstellingen',
			entityId: null,
			municipality,
			ip: ctx.ip ?? null,
			details: { from: { termDaysB: before.termDaysB, termDaysC: before.termDaysC }, to: { termDaysB: input.termDaysB, termDaysC: input.termDaysC } }
		});
		return adviceSettingsOf(trx, municipality);
	});
}
