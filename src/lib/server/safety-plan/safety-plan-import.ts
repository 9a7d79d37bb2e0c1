// Import of indicator figures from a CSV export or an Excel workbook (issue 18): read the rows
// (safety-plan-import-file.ts, by content), check every row with the pure rules, and write the
// whole file in one transaction — or nothing when any row is wrong. Importing the same file twice
// changes nothing: a figure is keyed by indicator, area and year.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError, forbidden, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { checkFigureRows, type ColumnMapping, type ImportCheck, type ImportDefaults } from '../../domain/safety-plan/figure-import.ts';
import { figureFileRows } from './safety-plan-import-file.ts';
import { findPlan, findPlanMunicipality, listIndicators, upsertMeasurement } from './safety-plan-queries.ts';
import { neighbourhoodCodes } from './neighbourhood-queries.ts';
import { municipalityName } from '../../domain/region.ts';

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const EMPTY_FILE = 'Kies een CSV- of Excel-bestand (.xlsx) met cijfers.';

export interface ImportResult extends ImportCheck {
	/** How many figures were written (0 on a check, or when any row was refused). */
	imported: number;
}

/** The uploaded bytes; a CSV already read as text (the first import API) is still taken. */
export type FigureFile = { content: Uint8Array } | { text: string; bytes?: number };

/** Checks a file, and with `apply` writes it: all rows in one transaction, or none. */
export async function importFigures(
	db: Kysely<DB>,
	user: SessionUser,
	planId: string,
	file: FigureFile,
	mapping: ColumnMapping,
	defaults: ImportDefaults,
	options: { apply: boolean; ip: string | null }
): Promise<ImportResult> {
	const municipality = isUuid(planId) ? await findPlanMunicipality(db, planId) : undefined;
	if (!municipality) throw notFound('Dit veiligheidsplan bestaat niet.');
	if (!can(user, 'safetyplan.write', { municipality })) throw forbidden('Alleen de beleidsadviseur OOV van deze gemeente importeert cijfers in haar plan.');
	const content = 'content' in file ? file.content : new TextEncoder().encode(file.text);
	if (content.byteLength === 0) throw new ServiceError(400, 'empty_file', EMPTY_FILE);
	if (content.byteLength > MAX_IMPORT_BYTES) throw new ServiceError(413, 'payload_too_large', `Het bestand is te groot (maximaal ${MAX_IMPORT_BYTES / 1024} kB).`);
	const plan = (await findPlan(db, planId))!;
	const indicators = await listIndicators(db, planId);
	// With the municipality's boundaries loaded, an area code must be one of its wijken or buurten.
	const codes = await neighbourhoodCodes(db, municipality);
	const knownAreas = codes.size > 0 ? { codes, municipalityName: municipalityName(municipality) } : null;
	const check = checkFigureRows(await figureFileRows(content), mapping, indicators, plan, defaults, knownAreas);
	if (!options.apply || check.errors.length > 0) return { ...check, imported: 0 };
	await transact(db, async (trx) => {
		for (const row of check.rows) {
			await upsertMeasurement(trx, row.indicatorId, { areaCode: row.areaCode, year: row.year, value: row.value, source: row.source, measuredOn: row.measuredOn, isDemo: false });
		}
		await writeAudit(trx, { actorId: user.id, action: 'safety_plan.figures_imported', entityType: 'veiligheidsplan', entityId: planId, municipality, ip: options.ip, details: { rijen: check.rows.length } });
	});
	return { ...check, imported: check.rows.length };
}
