// The integral safety plan (issue 18): who may read a municipality's plan and its programme, and
// the write of its beleidsadviseur OOV here — an action's status (no lost updates: the version the
// user saw, else 409 with the current action and who changed it), in one transaction with its audit
// row. Revising the plan and adding actions, indicators and figures: safety-plan-editing.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can, scopesFor } from '../auth/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError, forbidden, notFound, validationFailed } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { KENNEMERLAND, municipalityName } from '../../domain/region.ts';
import { buildProgressReport, halfRefusal, parseHalf, type ProgressReport } from '../../domain/safety-plan/progress-report.ts';
import { ACTION_STATUS_LABELS } from '../../domain/safety-plan/actions.ts';
import { buildProgrammeReport, programmeYearRefusal, type ProgrammeReport } from '../../domain/safety-plan/programme-report.ts';
import { covers, planYears } from '../../domain/safety-plan/plan-period.ts';
import { regionOverview, sharedPriorities, type RegionRow } from '../../domain/safety-plan/region-overview.ts';
import type { ActionStatusInput, OwnFigures, SafetyPlanAction, SafetyPlanIndicator, SafetyPlanRecord, SafetyPlanSummary } from '../../contracts/safety-plan.ts';
import { actionChangedBy } from './safety-plan-edit-queries.ts';
import {
	countOwnFigures,
	findPlan,
	findPlanMunicipality,
	listActions,
	listActionYears,
	listIndicators,
	listPlanSummaries,
	listPlanVersions,
	lockAction,
	saveActionStatus
} from './safety-plan-queries.ts';

interface Ctx {
	ip: string | null;
}

const NO_PLAN = 'Dit veiligheidsplan bestaat niet.';
const READ_REFUSED = 'Alleen de beleidsadviseurs OOV en het kabinet van de burgemeester van deze gemeente (en de regio) lezen dit veiligheidsplan.';
const WRITE_REFUSED = 'Alleen de beleidsadviseur OOV van deze gemeente werkt haar veiligheidsplan bij.';

export class ActionConflictError extends ServiceError {
	constructor(current: SafetyPlanAction, changedBy: string | null = null) {
		super(
			409,
			'version_conflict',
			`Iemand anders heeft deze actie intussen gewijzigd (nu: ${ACTION_STATUS_LABELS[current.status].toLowerCase()}${changedBy ? `, door ${changedBy}` : ''}). Bekijk de nieuwe stand en pas je wijziging opnieuw toe.`,
			undefined,
			{ current }
		);
	}
}

/** The plan's municipality when the user may read it; 404 for an unknown plan, 403 when not allowed. */
export async function readableMunicipality(db: Kysely<DB>, user: SessionUser, id: string): Promise<string> {
	const municipality = isUuid(id) ? await findPlanMunicipality(db, id) : undefined;
	if (!municipality) throw notFound(NO_PLAN);
	if (!can(user, 'safetyplan.read', { municipality })) throw forbidden(READ_REFUSED);
	return municipality;
}

/**
 * The plans the user may read, of one municipality when asked. An unknown municipality is a 400;
 * one the user may not read a 403, so an empty list always means "no plan yet".
 */
export async function plansFor(db: Kysely<DB>, user: SessionUser, municipality?: string | null): Promise<SafetyPlanSummary[]> {
	if (!can(user, 'safetyplan.read')) throw forbidden(READ_REFUSED);
	if (municipality !== undefined && municipality !== null) {
		if (!KENNEMERLAND.some((m) => m.code === municipality)) {
			throw validationFailed([{ field: 'municipality', message: `Onbekende gemeente "${municipality}"; kies een van ${KENNEMERLAND.map((m) => m.code).join(', ')}.`, code: 'invalid_value' }]);
		}
		if (!can(user, 'safetyplan.read', { municipality })) throw forbidden(READ_REFUSED);
		return listPlanSummaries(db, [municipality]);
	}
	return listPlanSummaries(db, scopesFor(user, 'safetyplan.read'));
}

export interface PlanView {
	plan: SafetyPlanRecord;
	indicators: SafetyPlanIndicator[];
	actionYears: number[];
	/** Whether this user may change the plan's actions (the page shows the form only then). */
	mayWrite: boolean;
}

export async function planView(db: Kysely<DB>, user: SessionUser, id: string): Promise<PlanView> {
	const municipality = await readableMunicipality(db, user, id);
	const plan = (await findPlan(db, id))!;
	return {
		plan,
		indicators: await listIndicators(db, id),
		actionYears: await listActionYears(db, id),
		mayWrite: can(user, 'safetyplan.write', { municipality })
	};
}

/** One year's execution programme; a year outside the plan's period is a 400. */
export async function programme(db: Kysely<DB>, user: SessionUser, id: string, year: number): Promise<SafetyPlanAction[]> {
	await readableMunicipality(db, user, id);
	const plan = (await findPlan(db, id))!;
	if (!Number.isInteger(year) || !covers(plan, year)) {
		throw validationFailed([{ field: 'year', message: `Kies een jaar van het plan: ${plan.startYear} tot en met ${plan.endYear}.`, code: 'invalid_value' }]);
	}
	return listActions(db, id, year);
}

/** The figures Paraat holds itself for each year of the plan (Bibob only as counts). */
export async function ownFigures(db: Kysely<DB>, user: SessionUser, id: string): Promise<OwnFigures[]> {
	const municipality = await readableMunicipality(db, user, id);
	const plan = (await findPlan(db, id))!;
	return countOwnFigures(db, municipality, planYears(plan));
}

export async function changeActionStatus(db: Kysely<DB>, user: SessionUser, planId: string, actionId: string, input: ActionStatusInput, ctx: Ctx): Promise<SafetyPlanAction> {
	const municipality = await readableMunicipality(db, user, planId);
	if (!can(user, 'safetyplan.write', { municipality })) throw forbidden(WRITE_REFUSED);
	if (!isUuid(actionId)) throw notFound('Deze actie bestaat niet in dit plan.');
	return transact(db, async (trx) => {
		const current = await lockAction(trx, planId, actionId);
		if (!current) throw notFound('Deze actie bestaat niet in dit plan.');
		if (current.version !== input.version) throw new ActionConflictError(current, await actionChangedBy(trx, actionId));
		if (current.status === input.status) return current;
		const saved = await saveActionStatus(trx, actionId, input.status, user.id);
		await writeAudit(trx, {
			actorId: user.id,
			action: 'safety_plan.action_status_changed',
			entityType: 'veiligheidsplan-actie',
			entityId: actionId,
			municipality,
			ip: ctx.ip,
			details: { from: current.status, to: saved.status }
		});
		return saved;
	});
}

/** The earlier versions of a plan, oldest first, each as it stood then. */
export async function planVersions(db: Kysely<DB>, user: SessionUser, id: string) {
	await readableMunicipality(db, user, id);
	return listPlanVersions(db, id);
}

/**
 * The half-yearly progress report for the council as data: the plan, that year's actions and the
 * indicators, with the figures Paraat counts itself on `today`. A malformed half or one outside
 * the plan is a 400.
 */
export async function progressReport(db: Kysely<DB>, user: SessionUser, id: string, halfParam: string | null, today: string): Promise<ProgressReport> {
	const municipality = await readableMunicipality(db, user, id);
	const plan = (await findPlan(db, id))!;
	const refusal = halfRefusal(halfParam, plan);
	if (refusal) throw validationFailed([{ field: 'half', message: refusal, code: 'invalid_value' }]);
	const half = parseHalf(halfParam)!;
	const [figures] = await countOwnFigures(db, municipality, [half.year]);
	return buildProgressReport(
		{
			plan: { ...plan, municipalityName: municipalityName(municipality) },
			priorities: plan.priorities,
			actions: await listActions(db, id, half.year),
			indicators: await listIndicators(db, id),
			figures: figures!,
			madeOn: today
		},
		half
	);
}

/**
 * The yearly execution programme as a report: every action of `yearParam` per priority and theme,
 * the indicators up to that year, and the figures Paraat counts itself on `today`. A malformed year
 * or one outside the plan is a 400.
 */
export async function programmeReport(db: Kysely<DB>, user: SessionUser, id: string, yearParam: string | null, today: string): Promise<ProgrammeReport> {
	const municipality = await readableMunicipality(db, user, id);
	const plan = (await findPlan(db, id))!;
	const refusal = programmeYearRefusal(yearParam, plan);
	if (refusal) throw validationFailed([{ field: 'year', message: refusal, code: 'invalid_value' }]);
	const year = Number(yearParam);
	const [figures] = await countOwnFigures(db, municipality, [year]);
	return buildProgrammeReport(
		{
			plan: { ...plan, municipalityName: municipalityName(municipality) },
			priorities: plan.priorities,
			actions: await listActions(db, id, year),
			indicators: await listIndicators(db, id),
			figures: figures!,
			madeOn: today
		},
		year
	);
}

/** The region's view (the WIV): every municipality's running plan side by side; regional readers only. */
export async function regionView(db: Kysely<DB>, user: SessionUser, year: number): Promise<{ rows: RegionRow[]; shared: ReturnType<typeof sharedPriorities> }> {
	if (!can(user, 'safetyplan.read') || scopesFor(user, 'safetyplan.read') !== null) {
		throw forbidden('Alleen wie voor de regio leest (de Werkgroep Integrale Veiligheid) ziet de plannen van de negen gemeenten naast elkaar.');
	}
	const rows = regionOverview(await listPlanSummaries(db, null), year);
	return { rows, shared: sharedPriorities(rows) };
}
