// Import of an existing events list (issue 22): a vergunningverlener uploads a CSV or .xlsx and
// every valid row becomes a concept application exactly as if typed into the form (risicoscan with
// the municipality's model, melding or vergunning, deadline), audited per application.
//
// Idempotent: each application keeps its row's key (municipality, name, start, location; see
// eventImportKey), so the same list twice creates nothing twice. Rows are written in batches, each
// in its own transaction under the municipality's import lock: a failure rolls back its whole batch
// and leaves the batches before it, and importing the file again picks up where it stopped. After
// each batch the officer's own topic `user:<id>` gets the progress, so a progress bar on any node
// (behind any proxy) follows it through the realtime layer's LISTEN/NOTIFY.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { transact } from '../db/transaction.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError, forbidden } from '../errors.ts';
import { publish } from '../realtime/event-log.ts';
import { isOnCalendar, publishCalendarChange } from '../calendar/calendar-entry.ts';
import { registrationYear } from '../../domain/calendar/reference.ts';
import { assessmentRules } from './application-assessment.ts';
import { nextReferenceNumber } from './application-queries.ts';
import type { EventImportProgress } from '../../contracts/event-import.ts';
import type { ColumnMapping } from '../../domain/events/import-columns.ts';
import { insertApplication, newApplicationValues } from './application-service.ts';
import { actorOf } from './application-access.ts';
import { checkEventList, missingColumnsError, type ImportRequest, type ListCheck, type ValidRow } from './event-import-check.ts';
import { existingImportKeys, importMappingOf, lockMunicipalityImport, saveImportMapping } from './event-import-queries.ts';

export const IMPORT_BATCH_SIZE = 100;

export interface ImportCtx {
	ip: string | null;
}

export interface ImportOptions {
	dryRun?: boolean;
	/** Rows per transaction (tests use small batches). */
	batchSize?: number;
}

/** What the import page shows: the API's answer plus the columns, the mapping and the first rows. */
export type ImportReport = Omit<ListCheck, 'valid' | 'existing'>;

function mayImport(user: SessionUser, municipality: string): void {
	if (!can(user, 'event.write', { municipality })) throw forbidden('Alleen een vergunningverlener van deze gemeente importeert hier evenementen.');
}

function reportOf(check: ListCheck, counts: { created: number; unchanged: number } = check): ImportReport {
	const { valid: _valid, existing: _existing, ...report } = check;
	return { ...report, created: counts.created, unchanged: counts.unchanged };
}

/** The column mapping the municipality's last import used (the page's starting point). */
export async function rememberedImportMapping(db: Kysely<DB>, user: SessionUser, municipality: string): Promise<ColumnMapping> {
	mayImport(user, municipality);
	return importMappingOf(db, municipality);
}

/** Reads and checks a list for the preview; writes nothing, and an unmapped column is no error here. */
export async function previewEventList(db: Kysely<DB>, user: SessionUser, request: ImportRequest): Promise<ImportReport> {
	mayImport(user, request.municipality);
	return reportOf(await checkEventList(db, request));
}

/** Checks the list and, unless `dryRun`, imports its valid rows; bad rows are listed, never imported. */
export async function importEventList(db: Kysely<DB>, user: SessionUser, request: ImportRequest, ctx: ImportCtx, options: ImportOptions = {}): Promise<ImportReport> {
	mayImport(user, request.municipality);
	const check = await checkEventList(db, request);
	if (check.missing.length > 0) throw missingColumnsError(check);
	if (options.dryRun) return reportOf(check);
	await rememberMapping(db, user, request.municipality, check.mapping, ctx);
	const counts = await importBatches(db, user, request, check, ctx, options.batchSize ?? IMPORT_BATCH_SIZE);
	return reportOf(check, counts);
}

async function rememberMapping(db: Kysely<DB>, user: SessionUser, municipality: string, mapping: ColumnMapping, ctx: ImportCtx): Promise<void> {
	// jsonb keeps its own key order, so the mappings are compared as sorted pairs.
	const pairs = (m: ColumnMapping) => JSON.stringify(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
	if (pairs(await importMappingOf(db, municipality)) === pairs(mapping)) return;
	await transact(db, async (trx) => {
		await saveImportMapping(trx, municipality, mapping, user.id);
		await writeAudit(trx, { actorId: user.id, action: 'application.import_mapping_saved', entityType: 'gemeente', entityId: null, municipality, ip: ctx.ip, details: { koppeling: Object.values(mapping).join(', ') } });
	});
}

async function importBatches(db: Kysely<DB>, user: SessionUser, request: ImportRequest, check: ListCheck, ctx: ImportCtx, batchSize: number) {
	const progress: EventImportProgress = {
		municipality: request.municipality,
		fileName: request.file.name,
		fileBytes: request.file.content.byteLength,
		total: check.valid.length,
		processed: 0,
		created: 0,
		unchanged: 0
	};
	for (let start = 0; start < check.valid.length || start === 0; start += batchSize) {
		const batch = check.valid.slice(start, start + batchSize);
		try {
			const done = await transact(db, (trx) => importBatch(trx, user, request, batch, ctx, progress));
			Object.assign(progress, done);
		} catch (err) {
			if (err instanceof ServiceError || isDatabaseUnavailable(err)) throw err;
			throw new ServiceError(
				500,
				'import_interrupted',
				`Het importeren stopte bij rij ${batch[0]?.row ?? '?'}: ${progress.created} evenementen zijn geïmporteerd, de rest niet. Importeer hetzelfde bestand opnieuw; wat al is geïmporteerd, wordt overgeslagen.`,
				undefined,
				{ rows: check.rows, created: progress.created, unchanged: progress.unchanged, errors: check.errors }
			);
		}
		if (batch.length === 0) break;
	}
	return { created: progress.created, unchanged: progress.unchanged };
}

/** One batch, one transaction: the rows whose key is new become applications; then the progress. */
async function importBatch(trx: Transaction<DB>, user: SessionUser, request: ImportRequest, batch: ValidRow[], ctx: ImportCtx, before: EventImportProgress): Promise<EventImportProgress> {
	const municipality = request.municipality;
	await lockMunicipalityImport(trx, municipality);
	const existing = await existingImportKeys(trx, municipality, batch.map((r) => r.key));
	const fresh = batch.filter((row) => !existing.has(row.key));
	// Read once per batch what every row's assessment reads alike, and its zaaknummers at once.
	const rules = await assessmentRules(trx, municipality);
	const year = registrationYear(new Date());
	const firstNumber = fresh.length > 0 ? await nextReferenceNumber(trx, municipality, year, fresh.length) : 0;
	let created = 0;
	for (const row of fresh) {
		const { values, answers } = newApplicationValues(row.input);
		const id = await insertApplication(trx, user, municipality, { ...values, importKey: row.key }, answers, null, {
			note: `Geïmporteerd uit ${request.file.name}, rij ${row.row}`,
			rules,
			reference: { year, number: firstNumber + created }
		});
		await writeAudit(trx, {
			actorId: user.id,
			action: 'application.imported',
			entityType: 'evenementaanvraag',
			entityId: id,
			municipality,
			ip: ctx.ip,
			details: { naam: row.input.name, bestand: request.file.name, rij: row.row }
		});
		// A concept is not on the regional calendar; should that rule change, imports announce like the form.
		if (isOnCalendar({ status: 'concept', decision: null })) await publishCalendarChange(trx, id, actorOf(user), false);
		created++;
	}
	const progress = { ...before, processed: before.processed + batch.length, created: before.created + created, unchanged: before.unchanged + batch.length - created };
	await publish(trx, { topic: `user:${user.id}`, type: 'application.import_progress', data: progress, actor: actorOf(user), exercise: false });
	return progress;
}
