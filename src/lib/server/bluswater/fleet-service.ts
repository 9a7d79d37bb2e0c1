// The fleet as data: a beheerder adds units and edits code, station, litres, pump rate, crew,
// home and whether the unit is in service. Versioned like every shared record.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import { isUuid } from '../ids';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { ServiceError, VersionConflictError, invalid, notFound } from '../errors';
import type { UnitRecord } from '../../domain/bluswater-board';
import { announceUnit, unitConflictMessage, isUniqueViolation, requireFleetEdit } from './bluswater-access';
import { findUnit, insertStatusChange, insertUnit, lockUnit, openAssignmentOfUnit, unitCodeTaken, updateUnit, type UnitStateValues, type UnitValues } from './bluswater-queries';
import type { NewUnitInput, UnitEditInput } from './bluswater-input';

interface Ctx {
	ip: string | null;
}

/** Runs a fleet change; a code taken by a concurrent change becomes the same 409 as a known one. */
async function inFleetTransaction<T>(db: Kysely<DB>, code: string, run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
	try {
		return await transact(db, run);
	} catch (err) {
		if (isUniqueViolation(err, 'water_unit_code_key')) throw codeTaken(code);
		throw err;
	}
}

const codeTaken = (code: string) => new ServiceError(409, 'code_taken', `De roepnaam ${code} bestaat al; kies een andere.`, [{ field: 'code', message: `De roepnaam ${code} bestaat al.` }]);

export async function createUnit(db: Kysely<DB>, user: SessionUser, input: NewUnitInput, ctx: Ctx): Promise<UnitRecord> {
	requireFleetEdit(user);
	if (await unitCodeTaken(db, input.code)) throw codeTaken(input.code);
	return inFleetTransaction(db, input.code, async (trx) => {
		const values: UnitValues = {
			code: input.code,
			kind: input.kind,
			station: input.station,
			capacityLitres: input.capacityLitres,
			pumpRateLpm: input.pumpRateLpm,
			crew: input.crew,
			homeLat: input.home.lat,
			homeLon: input.home.lon
		};
		const id = await insertUnit(trx, values);
		await insertStatusChange(trx, { unitId: id, fromStatus: null, toStatus: 'beschikbaar', incidentId: null, changedBy: user.id });
		const unit = (await findUnit(trx, id))!;
		await writeAudit(trx, { actorId: user.id, action: 'bluswater.unit.created', entityType: 'eenheid', entityId: id, ip: ctx.ip, details: { ...input } });
		await announceUnit(trx, user, unit, 'bluswater.unit.created');
		return unit;
	});
}

export async function editUnit(db: Kysely<DB>, user: SessionUser, unitId: string, input: UnitEditInput, ctx: Ctx): Promise<UnitRecord> {
	requireFleetEdit(user);
	const before = isUuid(unitId) ? await findUnit(db, unitId) : undefined;
	if (!before) throw notFound('Deze eenheid bestaat niet.');
	if (input.code !== undefined && input.code !== before.code && (await unitCodeTaken(db, input.code, unitId))) throw codeTaken(input.code);

	return inFleetTransaction(db, input.code ?? before.code, async (trx) => {
		const locked = await lockUnit(trx, unitId);
		if (!locked) throw notFound('Deze eenheid bestaat niet meer.');
		const unit = (await findUnit(trx, unitId))!;
		if (locked.version !== input.version) throw new VersionConflictError(unit, unitConflictMessage(unit));

		const changes: Partial<UnitValues> & UnitStateValues = {};
		if (input.code !== undefined && input.code !== unit.code) changes.code = input.code;
		if (input.kind !== undefined && input.kind !== unit.kind) changes.kind = input.kind;
		if (input.station !== undefined && input.station !== unit.station) changes.station = input.station;
		if (input.capacityLitres !== undefined && input.capacityLitres !== unit.capacityLitres) changes.capacityLitres = input.capacityLitres;
		if (input.pumpRateLpm !== undefined && input.pumpRateLpm !== unit.pumpRateLpm) changes.pumpRateLpm = input.pumpRateLpm;
		if (input.crew !== undefined && input.crew !== unit.crew) changes.crew = input.crew;
		const atHome = unit.position.lat === unit.home.lat && unit.position.lon === unit.home.lon;
		if (input.home && (input.home.lat !== unit.home.lat || input.home.lon !== unit.home.lon)) {
			changes.homeLat = input.home.lat;
			changes.homeLon = input.home.lon;
			// A unit standing at its station moves with it.
			if (atHome) Object.assign(changes, { lat: input.home.lat, lon: input.home.lon });
		}
		if ((changes.kind ?? unit.kind) === 'wtw' && (changes.capacityLitres ?? unit.capacityLitres) === 0) {
			throw invalid([{ field: 'capacityLitres', message: 'Een watertankwagen heeft een inhoud van meer dan 0 liter.' }], 'Een watertankwagen heeft een inhoud van meer dan 0 liter.');
		}
		if (input.inService === false && unit.status !== 'buiten_dienst') {
			if (await openAssignmentOfUnit(trx, unitId)) {
				throw new ServiceError(409, 'unit_assigned', `${unit.code} is ingezet bij ${unit.incident?.title ?? 'een incident'}; geef de eenheid eerst vrij.`);
			}
			changes.status = 'buiten_dienst';
		}
		if (input.inService === true && unit.status === 'buiten_dienst') {
			changes.status = 'beschikbaar';
			Object.assign(changes, { lat: changes.homeLat ?? unit.home.lat, lon: changes.homeLon ?? unit.home.lon });
		}
		if (Object.keys(changes).length === 0) throw new ServiceError(400, 'no_changes', 'Er is niets om te wijzigen.');

		await updateUnit(trx, unitId, changes);
		if (changes.status) await insertStatusChange(trx, { unitId, fromStatus: unit.status, toStatus: changes.status, incidentId: null, changedBy: user.id });
		const after = (await findUnit(trx, unitId))!;
		await writeAudit(trx, { actorId: user.id, action: 'bluswater.unit.updated', entityType: 'eenheid', entityId: unitId, ip: ctx.ip, details: { unit: after.code, ...changes } });
		await announceUnit(trx, user, after, 'bluswater.unit.updated');
		return after;
	});
}
