// A municipality's own event rules, kept by its beheerder (event.settings): terms, melding
// conditions, vooraankondiging, and the risicoscan model, where every save is a new version.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can, scopesFor } from '../auth/permissions';
import { transact } from '../db/transaction';
import { writeAudit } from '../audit/audit';
import { ServiceError, forbidden, invalid } from '../errors';
import { KENNEMERLAND } from '../../domain/region';
import { DEFAULT_RISICOSCAN_MODEL, type FloorRule, type RisicoscanModel } from '../../domain/risicoscan/model';
import type { EventSettings } from '../../domain/events/settings';
import { currentModel, insertModelVersion, modelHistory, saveSettings, settingsOf } from './settings-queries';
import type { EventSettingsInput, RisicoscanModelInput } from './event-settings-input';

interface Ctx {
	ip: string | null;
}

function requireSettings(user: SessionUser, municipality: string): void {
	if (!KENNEMERLAND.some((m) => m.code === municipality)) throw invalid([{ field: 'municipality', message: `Onbekende gemeente: ${municipality}` }]);
	if (!can(user, 'event.settings', { municipality })) throw forbidden('Alleen een beheerder van deze gemeente wijzigt haar evenementinstellingen.');
}

/** The municipalities whose settings this user keeps (all nine for a regional beheerder). */
export function settingsMunicipalities(user: SessionUser): string[] {
	const scopes = scopesFor(user, 'event.settings');
	return scopes === null ? KENNEMERLAND.map((m) => m.code) : scopes;
}

export async function loadEventSettings(db: Kysely<DB>, user: SessionUser, municipality: string) {
	requireSettings(user, municipality);
	const [settings, model, history] = [await settingsOf(db, municipality), await currentModel(db, municipality), await modelHistory(db, municipality)];
	return { municipality, settings, model, history };
}

export async function updateEventSettings(db: Kysely<DB>, user: SessionUser, municipality: string, input: EventSettingsInput, ctx: Ctx) {
	requireSettings(user, municipality);
	return transact(db, async (trx) => {
		const saved = await saveSettings(trx, municipality, input.settings as EventSettings, input.version, user.id);
		if (saved === undefined) throw new ServiceError(409, 'version_conflict', 'Iemand anders heeft deze instellingen net gewijzigd. Herlaad de pagina en probeer het opnieuw.');
		await writeAudit(trx, { actorId: user.id, action: 'event_settings.updated', entityType: 'gemeente', entityId: municipality, municipality, ip: ctx.ip, details: { version: saved } });
		return settingsOf(trx, municipality);
	});
}

/** The model the input describes; floors keep their rules, only their thresholds change. */
export function modelFromInput(municipality: string, version: number, input: RisicoscanModelInput): RisicoscanModel {
	const floors: FloorRule[] = DEFAULT_RISICOSCAN_MODEL.floors.map((floor) => {
		const threshold = input.floorThresholds[floor.code];
		if (threshold === undefined) return floor;
		if (floor.kind === 'peak_visitors') return { ...floor, minPeakVisitors: Math.round(threshold) };
		if (floor.kind === 'density') return { ...floor, densityAbove: threshold };
		return floor;
	});
	return {
		version: `${municipality}-${version}`,
		peakVisitorBands: input.peakVisitorBands,
		densityBands: input.densityBands,
		alcoholPoints: input.alcoholPoints,
		sitePoints: input.sitePoints,
		criterionPoints: input.criterionPoints,
		indoorLargeMinPeak: input.indoorLargeMinPeak,
		classThresholds: input.classThresholds,
		floors,
		advice: DEFAULT_RISICOSCAN_MODEL.advice
	};
}

/** Saves the numbers as the municipality's next model version (applications keep the version they were scored with). */
export async function saveRisicoscanModel(db: Kysely<DB>, user: SessionUser, municipality: string, input: RisicoscanModelInput, ctx: Ctx) {
	requireSettings(user, municipality);
	return transact(db, async (trx) => {
		const current = await currentModel(trx, municipality);
		if (current.version !== input.basedOn) {
			throw new ServiceError(409, 'version_conflict', `Iemand anders heeft het model net opgeslagen (nu versie ${current.version}). Herlaad de pagina en probeer het opnieuw.`);
		}
		const version = current.version + 1;
		const model = modelFromInput(municipality, version, input);
		await insertModelVersion(trx, municipality, version, model, input.note, user.id);
		await writeAudit(trx, { actorId: user.id, action: 'risicoscan_model.saved', entityType: 'gemeente', entityId: municipality, municipality, ip: ctx.ip, details: { version, note: input.note } });
		return currentModel(trx, municipality);
	});
}
