// What the Veiligheidsplan pages load and how their form changes an action's status: the same
// service as the API, refusals turned into Dutch form failures.
import { fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { ServiceError } from '../errors.ts';
import { actionStatusInput } from '../../contracts/safety-plan.ts';
import { changeActionStatus, ownFigures, planVersions, planView, plansFor, programme, regionView } from './safety-plan-service.ts';
import { scopesFor } from '../auth/permissions.ts';

export async function loadPlanList(db: Kysely<DB>, user: SessionUser) {
	return { plans: await plansFor(db, user), regional: scopesFor(user, 'safetyplan.read') === null };
}

export async function loadRegionPage(db: Kysely<DB>, user: SessionUser, year: number) {
	return { year, ...(await regionView(db, user, year)) };
}

export async function loadPlanPage(db: Kysely<DB>, user: SessionUser, id: string) {
	const view = await planView(db, user, id);
	return { ...view, figures: await ownFigures(db, user, id), versions: (await planVersions(db, user, id)).map((v) => ({ version: v.version, reason: v.reason, savedAt: v.savedAt })) };
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
