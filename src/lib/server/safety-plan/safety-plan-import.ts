// Import of indicator figures from a CSV export (issue 18): parse (csv-parse: quoting, `;` or `,`
// as Dutch spreadsheets save them, a byte-order mark), check every row with the pure rules, and
// write the whole file in one transaction — or nothing when any row is wrong. Importing the same
// file twice changes nothing: a figure is keyed by indicator, area and year.
import type { Kysely } from 'kysely';
import { parse } from 'csv-parse/sync';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError, forbidden, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { checkFigureRows, type ColumnMapping, type ImportCheck, type ImportDefaults } from '../../domain/safety-plan/figure-import.ts';
import { findPlan, findPlanMunicipality, listIndicators, upsertMeasurement } from './safety-plan-queries.ts';

export const MAX_IMPORT_BYTES = 1024 * 1024;

export interface ImportResult extends ImportCheck {
	/** How many figures were written (0 on a check, or when any row was refused). */
	imported: number;
}

function parseCsv(text: string): string[][] {
	try {
		return parse(text, { delimiter: [';', ','], bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
	} catch (err) {
		const line = (err as { lines?: number }).lines;
		throw new ServiceError(400, 'invalid_csv', `Het bestand is geen leesbare CSV${line ? ` (rond regel ${line})` : ''}. Sla het op als CSV met ; of , als scheidingsteken.`);
	}
}

/** Checks a file, and with `apply` writes it: all rows in one transaction, or none. */
export async function importFigures(
	db: Kysely<DB>,
	user: SessionUser,
	planId: string,
	file: { text: string; bytes: number },
	mapping: ColumnMapping,
	defaults: ImportDefaults,
	options: { apply: boolean; ip: string | null }
): Promise<ImportResult> {
	const municipality = isUuid(planId) ? await findPlanMunicipality(db, planId) : undefined;
	if (!municipality) throw notFound('Dit veiligheidsplan bestaat niet.');
	if (!can(user, 'safetyplan.write', { municipality })) throw forbidden('Alleen de beleidsadviseur OOV van deze gemeente importeert cijfers in haar plan.');
	if (file.bytes === 0) throw new ServiceError(400, 'empty_file', 'Kies een CSV-bestand met cijfers.');
	if (file.bytes > MAX_IMPORT_BYTES) throw new ServiceError(413, 'payload_too_large', `Het bestand is te groot (maximaal ${MAX_IMPORT_BYTES / 1024} kB).`);
	const plan = (await findPlan(db, planId))!;
	const indicators = await listIndicators(db, planId);
	const check = checkFigureRows(parseCsv(file.text), mapping, indicators, plan, defaults);
	if (!options.apply || check.errors.length > 0) return { ...check, imported: 0 };
	await transact(db, async (trx) => {
		for (const row of check.rows) {
			await upsertMeasurement(trx, row.indicatorId, { areaCode: row.areaCode, year: row.year, value: row.value, source: row.source, measuredOn: row.measuredOn, isDemo: false });
		}
		await writeAudit(trx, { actorId: user.id, action: 'safety_plan.figures_imported', entityType: 'veiligheidsplan', entityId: planId, municipality, ip: options.ip, details: { rijen: check.rows.length } });
	});
	return { ...check, imported: check.rows.length };
}
