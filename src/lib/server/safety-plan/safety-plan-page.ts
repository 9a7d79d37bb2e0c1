// What the Veiligheidsplan pages load and how their form changes an action's status: the same
// service as the API, refusals turned into Dutch form failures.
import { fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { ServiceError } from '../errors.ts';
import { actionStatusInput } from '../../contracts/safety-plan.ts';
import { changeActionStatus, ownFigures, planView, plansFor, programme, regionView } from './safety-plan-service.ts';
import { planHistory } from './safety-plan-editing.ts';
import { scopesFor } from '../auth/permissions.ts';
import { EMPTY_FILE, importFigures } from './safety-plan-import.ts';
import type { FigureRow } from '../../domain/safety-plan/figure-import.ts';

export async function loadPlanList(db: Kysely<DB>, user: SessionUser) {
	return { plans: await plansFor(db, user), regional: scopesFor(user, 'safetyplan.read') === null };
}

export async function loadRegionPage(db: Kysely<DB>, user: SessionUser, year: number) {
	return { year, ...(await regionView(db, user, year)) };
}

export async function loadPlanPage(db: Kysely<DB>, user: SessionUser, id: string) {
	const view = await planView(db, user, id);
	return { ...view, figures: await ownFigures(db, user, id), versions: await planHistory(db, user, id) };
}

export async function loadProgrammePage(db: Kysely<DB>, user: SessionUser, id: string, year: number) {
	const view = await planView(db, user, id);
	return { plan: view.plan, mayWrite: view.mayWrite, year, actions: await programme(db, user, id, year) };
}

export async function changeActionFromForm(db: Kysely<DB>, user: SessionUser, planId: string, form: FormData, ip: string | null) {
	const actionId = String(form.get('action') ?? '');
	const parsed = actionStatusInput.safeParse({ version: Number(form.get('version')), status: String(form.get('status') ?? '') });
	if (!parsed.success) return fail(400, { actionId, message: 'Kies een geldige status voor deze actie.' });
	try {
		const saved = await changeActionStatus(db, user, planId, actionId, parsed.data, { ip });
		return { actionId, saved: saved.status };
	} catch (err) {
		if (err instanceof ServiceError) return fail(err.status, { actionId, message: err.message });
		throw err;
	}
}

export const IMPORT_FIELDS = ['indicator', 'year', 'value', 'area', 'measuredOn', 'source', 'defaultSource', 'defaultDate'] as const;

export async function loadImportPage(db: Kysely<DB>, user: SessionUser, id: string) {
	const view = await planView(db, user, id);
	if (!view.mayWrite) throw new ServiceError(403, 'forbidden', 'Alleen de beleidsadviseur OOV van deze gemeente importeert cijfers in haar plan.');
	return { plan: view.plan, indicators: view.indicators.map((i) => ({ id: i.id, title: i.title })) };
}

/** The import form: `check` shows what would be written, `import` writes it (all or nothing). */
type ImportValues = Record<(typeof IMPORT_FIELDS)[number], string>;
const importFailed = (status: number, values: ImportValues, message: string, errors: string[] = [], rows: FigureRow[] = []) => fail(status, { values, message, errors, rows });

export async function importFromForm(db: Kysely<DB>, user: SessionUser, planId: string, form: FormData, apply: boolean, ip: string | null) {
	const values = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, String(form.get(f) ?? '').trim()])) as ImportValues;
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return importFailed(400, values, EMPTY_FILE);
	const missing = (['indicator', 'year', 'value'] as const).filter((f) => values[f] === '');
	if (missing.length > 0) return importFailed(400, values, 'Noem de kolommen voor indicator, jaar en waarde.');
	try {
		const result = await importFigures(
			db,
			user,
			planId,
			{ content: new Uint8Array(await file.arrayBuffer()) },
			{ indicator: values.indicator, year: values.year, value: values.value, area: values.area, measuredOn: values.measuredOn, source: values.source },
			{ source: values.defaultSource, measuredOn: values.defaultDate || new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }) },
			{ apply, ip }
		);
		if (result.errors.length > 0) return importFailed(400, values, `Niets geïmporteerd: ${result.errors.length} fout(en) in het bestand.`, result.errors, result.rows);
		return { values, rows: result.rows, imported: result.imported, checked: !apply };
	} catch (err) {
		if (err instanceof ServiceError) return importFailed(err.status, values, err.message);
		throw err;
	}
}
