// Editing a municipality's safety plan (issue 18), by its beleidsadviseur OOV only: revising the
// plan — its ambition, period end, priorities and themes — with a reason, which keeps the version
// before readable and refuses a stale version with who revised it meanwhile (409); adding an
// action to a year's programme; adding an indicator with its targets; entering a measurement by
// hand. Every write in one transaction with its audit row; nothing is half-written.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { forbidden, notFound, validationFailed, VersionConflictError, type FieldError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { covers } from '../../domain/safety-plan/plan-period.ts';
import type { IndicatorMeasurement, SafetyPlanAction, SafetyPlanIndicator, SafetyPlanRecord } from '../../contracts/safety-plan.ts';
import type { MeasurementInput, NewActionInput, NewIndicatorInput, PlanRevisionInput } from '../../contracts/safety-plan-input.ts';
import { findPlan, findPlanMunicipality, insertAction, insertIndicator, insertPlanVersion, insertTarget, listActions, listIndicators, lockPlanVersion, savePlanFields, upsertMeasurement } from './safety-plan-queries.ts';
import {
	appendPriority,
	findIndicatorOfPlan,
	findPlanVersion,
	indicatorTitleTaken,
	listVersionSummaries,
	priorityIds,
	updatePriority,
	type PlanVersionSummary
} from './safety-plan-edit-queries.ts';

interface Ctx {
	ip: string | null;
}

const NO_PLAN = 'Dit veiligheidsplan bestaat niet.';
const READ_REFUSED = 'Alleen de beleidsadviseurs OOV en het kabinet van de burgemeester van deze gemeente (en de regio) lezen dit veiligheidsplan.';
const WRITE_REFUSED = 'Alleen de beleidsadviseur OOV van deze gemeente werkt haar veiligheidsplan bij.';

async function municipalityOf(db: Kysely<DB>, id: string): Promise<string> {
	const municipality = isUuid(id) ? await findPlanMunicipality(db, id) : undefined;
	if (!municipality) throw notFound(NO_PLAN);
	return municipality;
}

async function readable(db: Kysely<DB>, user: SessionUser, id: string): Promise<string> {
	const municipality = await municipalityOf(db, id);
	if (!can(user, 'safetyplan.read', { municipality })) throw forbidden(READ_REFUSED);
	return municipality;
}

/** The plan's municipality when the user may write it: 404 unknown, 403 anyone but its beleidsadviseur. */
async function writable(db: Kysely<DB>, user: SessionUser, id: string): Promise<string> {
	const municipality = await readable(db, user, id);
	if (!can(user, 'safetyplan.write', { municipality })) throw forbidden(WRITE_REFUSED);
	return municipality;
}

const when = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });

/** A revision; without `priorities` the priorities and themes stay as they are. */
export type PlanRevision = PlanRevisionInput;

/**
 * Adjusts the plan during its period: a new version, kept as it stands, so every earlier version
 * stays readable. Priorities with an id are updated, those without are added after the last; a
 * priority is never removed here (actions and indicators point to it — retitle it instead). A
 * revision made on an older version is refused (409) naming who revised it since, with the plan
 * as it now stands, so the form can show both and the user merges by hand.
 */
export async function revisePlan(db: Kysely<DB>, user: SessionUser, id: string, revision: PlanRevision, ctx: Ctx): Promise<SafetyPlanRecord> {
	const municipality = await writable(db, user, id);
	const fields: FieldError[] = [];
	if (revision.title.trim() === '') fields.push({ field: 'title', message: 'Geef het plan een titel.' });
	if (revision.reason.trim() === '') fields.push({ field: 'reason', message: 'Noem waarom het plan wordt bijgesteld.' });
	return transact(db, async (trx) => {
		const version = await lockPlanVersion(trx, id);
		const before = (await findPlan(trx, id))!;
		if (version !== revision.version) {
			const latest = await findPlanVersion(trx, id, version!);
			const who = latest?.savedBy ?? 'Iemand anders';
			throw new VersionConflictError(
				before,
				`${who} heeft het plan intussen bijgesteld (nu versie ${version}${latest ? `, ${when(latest.savedAt)}: ${latest.reason}` : ''}). Je wijzigingen zijn niet opgeslagen; vergelijk ze met de nieuwe stand en sla opnieuw op.`
			);
		}
		if (!Number.isInteger(revision.endYear) || revision.endYear < before.startYear || revision.endYear > before.startYear + 10) {
			fields.push({ field: 'endYear', message: `Het plan loopt tot een jaar van ${before.startYear} tot en met ${before.startYear + 10}.` });
		}
		const known = new Set(await priorityIds(trx, id));
		revision.priorities?.forEach((p, i) => {
			if (p.id !== undefined && !known.has(p.id)) fields.push({ field: `priorities.${i}.id`, message: 'Deze prioriteit hoort niet bij dit plan.' });
		});
		const ids = revision.priorities?.flatMap((p) => (p.id ? [p.id] : [])) ?? [];
		if (new Set(ids).size !== ids.length) fields.push({ field: 'priorities', message: 'Elke prioriteit komt één keer voor.' });
		if (fields.length > 0) throw validationFailed(fields);

		await savePlanFields(trx, id, { title: revision.title.trim(), ambition: revision.ambition.trim(), endYear: revision.endYear });
		for (const p of revision.priorities ?? []) {
			const { id: priorityId, ...rest } = p;
			if (priorityId) await updatePriority(trx, id, priorityId, rest);
			else await appendPriority(trx, id, rest);
		}
		const after = (await findPlan(trx, id))!;
		await insertPlanVersion(trx, after, revision.reason.trim(), user.id);
		await writeAudit(trx, { actorId: user.id, action: 'safety_plan.revised', entityType: 'veiligheidsplan', entityId: id, municipality, ip: ctx.ip, details: { version: after.version, reason: revision.reason.trim() } });
		return after;
	});
}

/** Every version of the plan, oldest first, with who saved it and why. */
export async function planHistory(db: Kysely<DB>, user: SessionUser, id: string): Promise<PlanVersionSummary[]> {
	await readable(db, user, id);
	return listVersionSummaries(db, id);
}

/** Version `version` of the plan as it stood then (read-only); 404 for a version that never was. */
export async function planAtVersion(db: Kysely<DB>, user: SessionUser, id: string, version: number): Promise<PlanVersionSummary & { snapshot: SafetyPlanRecord }> {
	await readable(db, user, id);
	const found = Number.isInteger(version) ? await findPlanVersion(db, id, version) : undefined;
	if (!found) throw notFound(`Dit plan heeft geen versie ${version}.`);
	return found;
}

/** A new action in a year's execution programme. */
export async function addAction(db: Kysely<DB>, user: SessionUser, planId: string, input: NewActionInput, ctx: Ctx): Promise<SafetyPlanAction> {
	const municipality = await writable(db, user, planId);
	const plan = (await findPlan(db, planId))!;
	const fields: FieldError[] = [];
	if (!plan.priorities.some((p) => p.id === input.priorityId)) fields.push({ field: 'priorityId', message: 'Kies een prioriteit of thema van dit plan.' });
	if (!covers(plan, input.year)) fields.push({ field: 'year', message: `Kies een jaar van het plan: ${plan.startYear} tot en met ${plan.endYear}.` });
	if (fields.length > 0) throw validationFailed(fields);
	return transact(db, async (trx) => {
		const actionId = await insertAction(trx, { planId, priorityId: input.priorityId, year: input.year, title: input.title, owner: input.owner, plannedQuarter: input.plannedQuarter, status: input.status, isDemo: false });
		await writeAudit(trx, { actorId: user.id, action: 'safety_plan.action_added', entityType: 'veiligheidsplan-actie', entityId: actionId, municipality, ip: ctx.ip, details: { year: input.year, title: input.title } });
		return (await listActions(trx, planId, input.year)).find((a) => a.id === actionId)!;
	});
}

/** A new indicator under a priority, with its baseline and a target per year of the plan. */
export async function addIndicator(db: Kysely<DB>, user: SessionUser, planId: string, input: NewIndicatorInput, ctx: Ctx): Promise<SafetyPlanIndicator> {
	const municipality = await writable(db, user, planId);
	const plan = (await findPlan(db, planId))!;
	const fields: FieldError[] = [];
	if (!plan.priorities.some((p) => p.id === input.priorityId)) fields.push({ field: 'priorityId', message: 'Kies een prioriteit of thema van dit plan.' });
	if (input.baselineYear > plan.endYear || input.baselineYear < plan.startYear - 10) {
		fields.push({ field: 'baselineYear', message: `De nulmeting ligt in of vóór de looptijd van het plan (${plan.startYear - 10} tot en met ${plan.endYear}).` });
	}
	input.targets.forEach((t, i) => {
		if (!covers(plan, t.year)) fields.push({ field: `targets.${i}.year`, message: `Een doel hoort bij een jaar van het plan (${plan.startYear} tot en met ${plan.endYear}).` });
		if (input.targets.findIndex((o) => o.year === t.year) !== i) fields.push({ field: `targets.${i}.year`, message: `Het jaar ${t.year} heeft al een doel.` });
	});
	if (await indicatorTitleTaken(db, planId, input.title)) fields.push({ field: 'title', message: `Dit plan heeft al een indicator "${input.title}"; een import vindt de indicator op zijn naam.` });
	if (fields.length > 0) throw validationFailed(fields);
	return transact(db, async (trx) => {
		const indicatorId = await insertIndicator(trx, {
			planId,
			priorityId: input.priorityId,
			title: input.title,
			definition: input.definition,
			source: input.source,
			unit: input.unit,
			direction: input.direction,
			baselineYear: input.baselineYear,
			baseline: input.baseline,
			isDemo: false
		});
		for (const t of input.targets) await insertTarget(trx, indicatorId, t.year, t.value);
		await writeAudit(trx, { actorId: user.id, action: 'safety_plan.indicator_added', entityType: 'veiligheidsplan-indicator', entityId: indicatorId, municipality, ip: ctx.ip, details: { title: input.title } });
		return (await listIndicators(trx, planId)).find((i) => i.id === indicatorId)!;
	});
}

/**
 * A figure entered by hand: for the whole municipality or a CBS wijk/buurt, in a year of the plan
 * or the indicator's baseline year. The same indicator, area and year again replaces the figure,
 * as a second import does.
 */
export async function recordMeasurement(db: Kysely<DB>, user: SessionUser, planId: string, indicatorId: string, input: MeasurementInput, ctx: Ctx): Promise<IndicatorMeasurement> {
	const municipality = await writable(db, user, planId);
	const plan = (await findPlan(db, planId))!;
	const indicator = isUuid(indicatorId) ? await findIndicatorOfPlan(db, planId, indicatorId) : undefined;
	if (!indicator) throw notFound('Deze indicator bestaat niet in dit plan.');
	if (!covers(plan, input.year) && input.year !== indicator.baselineYear) {
		throw validationFailed([{ field: 'year', message: `Kies een jaar van het plan (${plan.startYear} tot en met ${plan.endYear}) of het jaar van de nulmeting (${indicator.baselineYear}).` }]);
	}
	const measurement: IndicatorMeasurement = { areaCode: input.areaCode, year: input.year, value: input.value, source: input.source, measuredOn: input.measuredOn, isDemo: false };
	await transact(db, async (trx) => {
		await upsertMeasurement(trx, indicatorId, measurement);
		await writeAudit(trx, {
			actorId: user.id,
			action: 'safety_plan.measurement_recorded',
			entityType: 'veiligheidsplan-indicator',
			entityId: indicatorId,
			municipality,
			ip: ctx.ip,
			details: { year: input.year, areaCode: input.areaCode, value: input.value, source: input.source }
		});
	});
	return measurement;
}
