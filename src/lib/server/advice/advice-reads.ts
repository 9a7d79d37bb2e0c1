// Reading advice: an application's requests, an adviser's inbox, one request with what the adviser
// needs beside it, and the requests near or past their term. Whoever may not read an application
// learns nothing about whether it exists.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { isUuid } from '../ids';
import type { SessionUser } from '../auth/roles';
import { can, scopesFor } from '../auth/permissions';
import { forbidden, notFound } from '../errors';
import { currentModel } from '../events/settings-queries';
import { NEAR_DUE_WORKING_DAYS, localDateOf, type AdviceRequestRecord } from '../../domain/advice';
import { addWorkingDays, type LocalDate } from '../../domain/working-days';
import { findAdviceRequest, findApplicationForAdvice, listAdviceOfApplication, listInbox, listOpenDueBy, type AdviceApplicationRow } from '../advice-access/advice-queries';
import { answeringDiscipline, inboxScopes, mayReadApplicationAdvice } from '../advice-access/advice-access';
import { applicationForAdviser, routingOf, scanSummary, type AdviceRequestDetail } from './advice-adviser-view';
import type { AdviceCtx } from './advice-context';

/** The application, when the user may read its advice (a 404 otherwise). */
export async function requireApplication(db: Kysely<DB>, user: SessionUser, applicationId: string): Promise<AdviceApplicationRow> {
	const application = isUuid(applicationId) ? await findApplicationForAdvice(db, applicationId) : undefined;
	// Someone who may not see the application learns nothing about whether it exists.
	if (!application || !(await mayReadApplicationAdvice(db, user, application))) throw notFound('Deze aanvraag bestaat niet of je hebt er geen toegang toe.');
	return application;
}

/** The request, when the user may read the advice on its application (a 404 otherwise). */
export async function requireRequest(db: Kysely<DB>, user: SessionUser, requestId: string): Promise<AdviceRequestRecord> {
	const request = isUuid(requestId) ? await findAdviceRequest(db, requestId) : undefined;
	if (!request) throw notFound('Deze adviesaanvraag bestaat niet of je hebt er geen toegang toe.');
	const readable = await mayReadApplicationAdvice(db, user, { id: request.applicationId, municipalityCode: request.application.municipality });
	if (!readable) throw notFound('Deze adviesaanvraag bestaat niet of je hebt er geen toegang toe.');
	return request;
}

/** Every request on an application (officer of its municipality, or an adviser on it). */
export async function adviceOfApplication(db: Kysely<DB>, user: SessionUser, applicationId: string): Promise<AdviceRequestRecord[]> {
	await requireApplication(db, user, applicationId);
	return listAdviceOfApplication(db, applicationId);
}

/** The adviser's inbox: open requests of their disciplines in their scope, then the latest answered ones. */
export async function adviceInbox(db: Kysely<DB>, user: SessionUser): Promise<AdviceRequestRecord[]> {
	if (!can(user, 'advice.read')) throw forbidden('Alleen adviseurs van brandweer, GHOR en politie hebben een adviesinbox.');
	return listInbox(db, inboxScopes(user));
}

export async function adviceRequestDetail(db: Kysely<DB>, user: SessionUser, requestId: string, ctx: AdviceCtx = {}): Promise<AdviceRequestDetail> {
	const request = await requireRequest(db, user, requestId);
	const row = (await findApplicationForAdvice(db, request.applicationId))!;
	const others = (await listAdviceOfApplication(db, request.applicationId)).filter((r) => r.id !== request.id);
	return {
		request,
		application: applicationForAdviser(row),
		scan: scanSummary(row),
		routing: routingOf(row, ctx.model ?? (await currentModel(db, row.municipalityCode)).model),
		others,
		answeringAs: answeringDiscipline(user, request.application.municipality, request.discipline) ?? null
	};
}

/**
 * Open requests in the officer's municipalities that are overdue or due within `withinWorkingDays`
 * working days of `today` (local date), earliest first: "adviezen die bijna verlopen".
 */
export async function adviceDueSoon(
	db: Kysely<DB>,
	user: SessionUser,
	options: { today?: LocalDate; withinWorkingDays?: number } = {}
): Promise<AdviceRequestRecord[]> {
	if (!can(user, 'event.read')) throw forbidden('Alleen vergunningverleners zien de adviestermijnen van hun gemeente.');
	const today = options.today ?? localDateOf(new Date());
	const dueBy = addWorkingDays(today, options.withinWorkingDays ?? NEAR_DUE_WORKING_DAYS);
	return listOpenDueBy(db, scopesFor(user, 'event.read'), dueBy);
}
