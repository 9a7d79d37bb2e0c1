// Retention per municipality (no statutory period exists: DOMAIN.md §3) and destruction. A file
// past its retention is listed for destruction; destroying it (confirmed, by a Bibob officer of
// its municipality) deletes its content and leaves a minimal trace: id, municipality, permit kind,
// opened/closed/destroyed dates and who destroyed it. The access log stays whole: it holds no
// content, only who read which part when and how — the accountability that must outlive the file.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { transact } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { lastChangeOf } from '../audit/last-change.ts';
import { publish } from '../realtime/event-log.ts';
import { ServiceError, forbidden, notFound } from '../errors.ts';
import { localDateOf, pastRetention, retentionEnds } from '../../domain/bibob/terms.ts';
import { mayBibob, requireFileAccess } from './bibob-access.ts';
import { destroyFileContents, lockFile, settingsOf, upsertSettings } from './bibob-queries.ts';
import { loadSettings, type BibobSettings } from './bibob-record.ts';
import { fileConflict, type Ctx } from './bibob-service.ts';
import { fileRecord } from './bibob-record.ts';
import type { SettingsInput } from './bibob-input.ts';

const fmt = (d: string) => d.split('-').reverse().map(Number).join('-');

export async function bibobSettings(db: Kysely<DB>, user: SessionUser, municipality: string): Promise<BibobSettings> {
	if (!mayBibob(user, 'bibob.read', municipality)) throw forbidden('Alleen Bibob-functionarissen van deze gemeente zien haar Bibob-instellingen.');
	return loadSettings(db, municipality);
}

export async function saveSettings(db: Kysely<DB>, user: SessionUser, municipality: string, input: SettingsInput, ctx: Ctx): Promise<BibobSettings> {
	if (!mayBibob(user, 'bibob.settings', municipality)) throw forbidden('Alleen Bibob-functionarissen van deze gemeente wijzigen haar Bibob-instellingen.');
	return transact(db, async (trx) => {
		const current = await settingsOf(trx, municipality);
		if ((current?.version ?? 0) !== input.version) {
			throw new ServiceError(409, 'version_conflict', 'Een collega heeft de instellingen net gewijzigd. Bekijk de nieuwe waarden en probeer het opnieuw.', undefined, {
				current: await loadSettings(trx, municipality)
			});
		}
		const values = { retentionYears: input.retentionYears, zienswijzeWeeks: input.zienswijzeWeeks, answerWeeks: input.answerWeeks, warningDays: input.warningDays, updatedBy: user.id, updatedAt: new Date() };
		await upsertSettings(trx, municipality, values);
		await writeAudit(trx, { actorId: user.id, action: 'bibob.settings.changed', entityType: 'bibob_instellingen', entityId: municipality, municipality, ip: ctx.ip, details: { ...values, updatedAt: undefined, updatedBy: undefined } });
		await publish(trx, { topic: `bibob:${municipality}`, type: 'bibob.settings.changed', data: { municipality }, actor: { id: user.id, name: user.name }, exercise: false });
		return loadSettings(trx, municipality);
	});
}

export async function destroyFile(db: Kysely<DB>, user: SessionUser, id: string, input: { version: number; confirm: true }, ctx: Ctx): Promise<{ id: string; destroyedAt: string }> {
	await requireFileAccess(db, user, id, 'bibob.write', { ip: ctx.ip, channel: ctx.channel ?? 'api' });
	const today = ctx.today ?? localDateOf(new Date());
	return transact(db, async (trx) => {
		const row = await lockFile(trx, id);
		if (!row) throw notFound();
		if (row.version !== input.version) throw fileConflict(await fileRecord(trx, row, today), await lastChangeOf(trx, 'bibob_dossier', row.id));
		if (row.status === 'vernietigd') throw new ServiceError(409, 'file_destroyed', 'Dit dossier is al vernietigd.');
		if (row.status !== 'afgerond' || !row.closedOn) throw new ServiceError(409, 'file_open', 'Een lopend dossier kan niet worden vernietigd; rond het eerst af.');
		const settings = await loadSettings(trx, row.municipalityCode);
		if (!pastRetention(row.closedOn, settings.retentionYears, today)) {
			throw new ServiceError(409, 'retention_running', `De bewaartermijn loopt nog tot en met ${fmt(retentionEnds(row.closedOn, settings.retentionYears))}; vernietigen kan daarna.`);
		}
		const destroyedAt = new Date();
		await destroyFileContents(trx, id, { by: user.id, at: destroyedAt });
		await writeAudit(trx, {
			actorId: user.id,
			action: 'bibob.file.destroyed',
			entityType: 'bibob_dossier',
			entityId: id,
			municipality: row.municipalityCode,
			ip: ctx.ip,
			details: { soort: row.permitKind, geopend: row.openedOn, afgerond: row.closedOn, bewaartermijnJaren: settings.retentionYears }
		});
		await publish(trx, {
			topic: `bibob:${row.municipalityCode}`,
			type: 'bibob.file.destroyed',
			data: { id, status: 'vernietigd', stage: 'vernietigd', version: row.version + 1 },
			actor: { id: user.id, name: user.name },
			exercise: false
		});
		return { id, destroyedAt: destroyedAt.toISOString() };
	});
}
