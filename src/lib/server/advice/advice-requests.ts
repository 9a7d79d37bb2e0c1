// Asking advice: the officer's one action creates the requests the class needs and moves the
// application to advies_gevraagd, in one transaction that locks the application, audits, and
// publishes on `advice:<applicationId>` and the inbox topics of the disciplines concerned.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { ServiceError, forbidden } from '../errors';
import { moveApplicationStatus } from '../events/application-service';
import { currentModel } from '../events/settings-queries';
import { ADVICE_KIND_LABELS, planAdviceRequests, type AdviceRequestRecord, type PlannedRequest } from '../../domain/advice';
import type { Category } from '../../domain/risicoscan';
import { adviceKindsOfApplication, liveAdviceKinds, lockApplicationForAdvice } from '../advice-access/advice-queries';
import { announceRequested, insertRequests } from '../advice-access/advice-writes';
import { routingOf } from './advice-adviser-view';
import { requireApplication } from './advice-reads';
import type { AdviceCtx } from './advice-context';
import type { RequestAdviceInput } from './advice-input';

/** The application statuses from which advice may be asked; the first two move to advies_gevraagd. */
export const ADVICE_FROM_STATUSES = ['ingediend', 'in_behandeling'] as const;
const MAY_ADD_ADVICE_STATUSES: readonly string[] = [...ADVICE_FROM_STATUSES, 'advies_gevraagd'];

const STATUS_WORDS: Record<string, string> = {
	concept: 'nog een concept',
	besluit: 'al besloten',
	ingetrokken: 'ingetrokken'
};

/**
 * The officer's one action: creates the requests the class needs (class C one joint request,
 * class B per service by the routing; `disciplines` adds requests of the officer's own accord,
 * and is the only way to ask advice on a class A event), each due after the municipality's term,
 * and moves the application to `advies_gevraagd`. Repeating it adds only what is missing.
 */
export async function requestAdvice(
	db: Kysely<DB>,
	user: SessionUser,
	applicationId: string,
	input: RequestAdviceInput = {},
	ctx: AdviceCtx = {}
): Promise<AdviceRequestRecord[]> {
	const found = await requireApplication(db, user, applicationId);
	if (!can(user, 'event.write', { municipality: found.municipalityCode })) {
		throw forbidden('Alleen de vergunningverlener van de gemeente vraagt advies aan.');
	}
	return transact(db, async (trx) => {
		const application = (await lockApplicationForAdvice(trx, applicationId))!;
		if (!MAY_ADD_ADVICE_STATUSES.includes(application.status)) {
			throw new ServiceError(
				409,
				'wrong_status',
				`Advies vragen kan alleen bij een ingediende aanvraag of een aanvraag in behandeling; deze is ${STATUS_WORDS[application.status] ?? application.status}.`
			);
		}
		if (!application.category) {
			throw new ServiceError(409, 'no_category', 'Deze aanvraag heeft nog geen klasse (A, B of C). Doe eerst de risicoscan; de klasse bepaalt wie adviseert.');
		}
		const routing = routingOf(application, ctx.model ?? (await currentModel(trx, application.municipalityCode)).model);
		if (!routing) {
			throw new ServiceError(409, 'scan_incomplete', 'De antwoorden van de risicoscan zijn onvolledig. Vul de risicoscan aan; daaruit volgt wie adviseert en waarom.');
		}
		const existing = await liveAdviceKinds(trx, applicationId);
		const planned = planAdviceRequests(routing, { voluntary: input.disciplines, existing });
		if (planned.length === 0) {
			if (routing.category === 'A' && existing.length === 0) {
				throw new ServiceError(
					409,
					'no_advice_required',
					'Voor een klasse A-evenement is geen advies van de hulpdiensten nodig. Wil je toch advies, kies dan zelf bij wie (vrijwillig advies).'
				);
			}
			throw new ServiceError(409, 'advice_already_requested', `Het advies is al gevraagd: ${existing.map((k) => ADVICE_KIND_LABELS[k]).join(', ')}.`);
		}

		const created = await insertRequests(trx, user, application, routing.category, planned, ctx);

		if ((ADVICE_FROM_STATUSES as readonly string[]).includes(application.status)) {
			// The events capability's own step: version, status history, calendar and live news.
			await moveApplicationStatus(trx, user, applicationId, 'advies_gevraagd', `Advies gevraagd: ${planned.map((p) => ADVICE_KIND_LABELS[p.kind]).join(', ')}`);
		}
		// Read after the status change, so the news carries the application as it now is.
		return announceRequested(trx, user, created);
	});
}

/**
 * For the demo seed (and imports of earlier work): records requests that were asked at `ctx.now`,
 * whatever the application's status now (an application already decided had its advice before).
 * Does nothing when the application has requests already. Same rows, audit and news as asking.
 */
export async function recordAdviceRequests(
	db: Kysely<DB>,
	user: SessionUser,
	applicationId: string,
	plan: { category: Category; requests: PlannedRequest[] },
	ctx: AdviceCtx = {}
): Promise<AdviceRequestRecord[]> {
	return transact(db, async (trx) => {
		const application = await lockApplicationForAdvice(trx, applicationId);
		if (!application || (await adviceKindsOfApplication(trx, applicationId)).length > 0) return [];
		const ids = await insertRequests(trx, user, application, plan.category, plan.requests, ctx);
		return announceRequested(trx, user, ids);
	});
}
