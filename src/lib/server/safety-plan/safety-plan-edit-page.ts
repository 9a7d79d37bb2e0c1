// The safety plan's editing pages: what they load and how their forms reach the editing service.
// Form fields are read into the same zod contracts as the API (Dutch numbers such as 1.234,5
// accepted), and every refusal comes back as fail() with a Dutch message per field and the typed
// values, so nothing the user wrote is lost — also on a 409, which adds the plan as it now stands.
import { fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { ServiceError, VersionConflictError } from '../errors.ts';
import { zodFieldErrors } from '../http/api.ts';
import { measurementInput, newActionInput, newIndicatorInput, planRevisionInput } from '../../contracts/safety-plan-input.ts';
import { parseDutchNumber } from '../../domain/safety-plan/figure-import.ts';
import { planYears } from '../../domain/safety-plan/plan-period.ts';
import type { SafetyPlanRecord } from '../../contracts/safety-plan.ts';
import { planView } from './safety-plan-service.ts';
import { addAction, addIndicator, planAtVersion, planHistory, recordMeasurement, revisePlan } from './safety-plan-editing.ts';

export const PRIORITY_FIELDS = ['id', 'kind', 'title', 'why', 'ambition', 'approach', 'conditions', 'focusArea', 'partners', 'residentsRole'] as const;

type Values = Record<string, string>;

/** A number typed in a form: empty is absent (the contract says it is missing), unreadable is NaN. */
function numberOf(text: string | undefined): number | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	return parseDutchNumber(text) ?? Number.NaN;
}

function valuesOf(form: FormData): Values {
	const values: Values = {};
	for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
	return values;
}

const failure = (status: number, form: string, message: string, values: Values, fields: Record<string, string> = {}, current?: SafetyPlanRecord) =>
	fail(status, { form, message, fields, values, ...(current ? { current } : {}) });

/** Parses `input` with `schema`, runs `write`, and turns every refusal into a Dutch fail(). */
async function submit<S extends z.ZodType, R>(form: string, values: Values, schema: S, input: unknown, write: (parsed: z.output<S>) => Promise<R>) {
	const parsed = schema.safeParse(input);
	if (!parsed.success) {
		const fields = Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.field, f.message]));
		return failure(400, form, 'Controleer de gemarkeerde velden.', values, fields);
	}
	try {
		return { form, done: true as const, saved: await write(parsed.data) };
	} catch (err) {
		if (err instanceof VersionConflictError) return failure(409, form, err.message, values, {}, err.current as SafetyPlanRecord);
		if (err instanceof ServiceError) return failure(err.status, form, err.message, values, Object.fromEntries((err.fields ?? []).map((f) => [f.field, f.message])));
		throw err;
	}
}

async function writableView(db: Kysely<DB>, user: SessionUser, id: string) {
	const view = await planView(db, user, id);
	if (!view.mayWrite) throw new ServiceError(403, 'forbidden', 'Alleen de beleidsadviseur OOV van deze gemeente werkt haar veiligheidsplan bij.');
	return view;
}

export async function loadRevisePage(db: Kysely<DB>, user: SessionUser, id: string) {
	const { plan } = await writableView(db, user, id);
	return { plan };
}

/** The revision form: plan fields, then `priorities.<n>.<field>` per row; an empty new row is ignored. */
export async function reviseFromForm(db: Kysely<DB>, user: SessionUser, id: string, form: FormData, ip: string | null) {
	const values = valuesOf(form);
	const priorities: Record<string, string | undefined>[] = [];
	for (let i = 0; values[`priorities.${i}.kind`] !== undefined; i++) {
		const row = Object.fromEntries(PRIORITY_FIELDS.map((f) => [f, values[`priorities.${i}.${f}`]]));
		if (!row.id && (row.title ?? '').trim() === '') continue;
		priorities.push({ ...row, id: row.id || undefined });
	}
	const input = { version: numberOf(values.version), reason: values.reason, title: values.title, ambition: values.ambition, endYear: numberOf(values.endYear), priorities };
	return submit('revise', values, planRevisionInput, input, (parsed) => revisePlan(db, user, id, parsed, { ip }));
}

export async function loadVersionPage(db: Kysely<DB>, user: SessionUser, id: string, version: number) {
	const found = await planAtVersion(db, user, id, version);
	const { plan } = await planView(db, user, id);
	return { version: found, current: { id: plan.id, title: plan.title, version: plan.version }, history: await planHistory(db, user, id) };
}

export async function addActionFromForm(db: Kysely<DB>, user: SessionUser, planId: string, form: FormData, ip: string | null) {
	const values = valuesOf(form);
	const input = {
		priorityId: values.priorityId,
		year: numberOf(values.year),
		title: values.title,
		owner: values.owner,
		plannedQuarter: numberOf(values.plannedQuarter),
		status: values.status || undefined
	};
	return submit('action', values, newActionInput, input, (parsed) => addAction(db, user, planId, parsed, { ip }));
}

export async function loadIndicatorsPage(db: Kysely<DB>, user: SessionUser, id: string) {
	const view = await writableView(db, user, id);
	return { plan: view.plan, indicators: view.indicators, years: planYears(view.plan), today: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }) };
}

/** The new-indicator form: its fields, and a target per year of the plan as `target.<year>` (empty: none). */
export async function addIndicatorFromForm(db: Kysely<DB>, user: SessionUser, planId: string, form: FormData, ip: string | null) {
	const values = valuesOf(form);
	const targets = Object.entries(values)
		.filter(([key, value]) => /^target\.\d{4}$/.test(key) && value.trim() !== '')
		.map(([key, value]) => ({ year: Number(key.slice(7)), value: numberOf(value) }));
	const input = {
		priorityId: values.priorityId,
		title: values.title,
		definition: values.definition,
		source: values.source,
		unit: values.unit,
		direction: values.direction,
		baselineYear: numberOf(values.baselineYear),
		baseline: numberOf(values.baseline),
		targets
	};
	const result = await submit('indicator', values, newIndicatorInput, input, (parsed) => addIndicator(db, user, planId, parsed, { ip }));
	// A target's error is shown at its year's field.
	if ('data' in result && result.data.fields) {
		for (const [key, message] of Object.entries(result.data.fields)) {
			const match = /^targets\.(\d+)\./.exec(key);
			if (match) result.data.fields[`target.${targets[Number(match[1])]?.year}`] = message;
		}
	}
	return result;
}

export async function measurementFromForm(db: Kysely<DB>, user: SessionUser, planId: string, form: FormData, ip: string | null) {
	const values = valuesOf(form);
	const input = { areaCode: values.areaCode ?? '', year: numberOf(values.year), value: numberOf(values.value), source: values.source, measuredOn: values.measuredOn };
	if (!values.indicatorId) return failure(400, 'measurement', 'Controleer de gemarkeerde velden.', values, { indicatorId: 'Kies de indicator.' });
	return submit('measurement', values, measurementInput, input, (parsed) => recordMeasurement(db, user, planId, values.indicatorId!, parsed, { ip }));
}
