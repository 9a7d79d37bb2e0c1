// Advice on event applications: the officer asks (one action creates the requests the class
// needs), the advisers answer, the officer may withdraw a request. Each change is one transaction
// that locks what it changes, audits, and publishes on `advice:<applicationId>` and the inbox
// topics of the disciplines concerned.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import { isUuid } from '../ids';
import type { SessionUser } from '../auth/roles';
import { can, scopesFor } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { lastChangeOf, type LastChange } from '../audit/last-change';
import { overtakenSentence } from '../../domain/wording/changes';
import { dutchDateTime } from '../../domain/wording/values';
import { ServiceError, VersionConflictError, forbidden, notFound } from '../errors';
import { moveApplicationStatus } from '../events/application-service';
import { currentModel } from '../events/settings-queries';
import {
	ADVICE_KIND_LABELS,
	NEAR_DUE_WORKING_DAYS,
	localDateOf,
	planAdviceRequests,
	risicoscanInputOf,
	routeAdvice,
	type AdviceRequestRecord,
	type AdviceRouting,
	type PlannedRequest
} from '../../domain/advice';
import { addWorkingDays, type LocalDate } from '../../domain/working-days';
import type { Category, RisicoscanModel, RisicoscanResult } from '../../domain/risicoscan';
import {
	adviceKindsOfApplication,
	findAdviceRequest,
	findApplicationForAdvice,
	listAdviceOfApplication,
	listInbox,
	listOpenDueBy,
	liveAdviceKinds,
	lockAdviceRequest,
	lockApplicationForAdvice,
	saveAnswer,
	saveWithdrawal,
	type AdviceApplicationRow
} from './advice-queries';
import { announce, announceRequested, insertRequests } from './advice-writes';
import { answeringDiscipline, inboxScopes, isOfficerOf, mayReadApplicationAdvice } from './advice-access';
import type { AnswerAdviceInput, RequestAdviceInput, WithdrawAdviceInput } from './advice-input';

export interface AdviceCtx {
	ip?: string | null;
	/** A municipality's own risicoscan model, when it has one (the default model otherwise). */
	model?: RisicoscanModel;
	/** The moment of the change (the demo seed and tests); the database clock otherwise. */
	now?: Date;
}

/** The application statuses from which advice may be asked; the first two move to advies_gevraagd. */
export const ADVICE_FROM_STATUSES = ['ingediend', 'in_behandeling'] as const;
const MAY_ADD_ADVICE_STATUSES: readonly string[] = [...ADVICE_FROM_STATUSES, 'advies_gevraagd'];

const STATUS_WORDS: Record<string, string> = {
	concept: 'nog een concept',
	besluit: 'al besloten',
	ingetrokken: 'ingetrokken'
};

// ---------------------------------------------------------------------------------------------
// Reading

async function requireApplication(db: Kysely<DB>, user: SessionUser, applicationId: string): Promise<AdviceApplicationRow> {
	const application = isUuid(applicationId) ? await findApplicationForAdvice(db, applicationId) : undefined;
	// Someone who may not see the application learns nothing about whether it exists.
	if (!application || !(await mayReadApplicationAdvice(db, user, application))) throw notFound('Deze aanvraag bestaat niet of je hebt er geen toegang toe.');
	return application;
}

async function requireRequest(db: Kysely<DB>, user: SessionUser, requestId: string): Promise<AdviceRequestRecord> {
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

/** The application as an adviser needs it: the event, not the organiser's contact details. */
export interface ApplicationForAdviser {
	id: string;
	reference: string;
	name: string;
	municipality: string;
	status: string;
	procedure: string | null;
	description: string;
	eventType: string;
	address: string;
	position: { lat: number; lon: number } | null;
	startsAt: string;
	endsAt: string;
	peakVisitors: number;
	totalVisitors: number | null;
	areaM2: number | null;
	isNewEvent: boolean;
	/** Name and organisation only: the municipality keeps the contact (één loket), and the AVG asks for no more. */
	organiser: { name: string; organisation: string };
	category: Category | null;
	computedCategory: Category | null;
	override: { category: Category; reason: string | null } | null;
}

export interface ScanSummary {
	points: number;
	category: Category;
	reasons: RisicoscanResult['reasons'];
	floors: RisicoscanResult['floors'];
}

export interface AdviceRequestDetail {
	request: AdviceRequestRecord;
	application: ApplicationForAdviser;
	scan: ScanSummary | null;
	/** Why each service is involved, by the class that counts now. */
	routing: AdviceRouting | null;
	/** The other requests on the same application (the services see each other's advice). */
	others: AdviceRequestRecord[];
	/** The discipline this user answers as, or null when they may only read. */
	answeringAs: string | null;
}

export function applicationForAdviser(row: AdviceApplicationRow): ApplicationForAdviser {
	return {
		id: row.id,
		reference: row.reference,
		name: row.name,
		municipality: row.municipalityCode,
		status: row.status,
		procedure: row.procedure,
		description: row.description,
		eventType: row.eventType,
		address: row.address,
		position: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		peakVisitors: row.peakVisitors,
		totalVisitors: row.totalVisitors,
		areaM2: row.areaM2,
		isNewEvent: row.isNewEvent,
		organiser: { name: row.organiserName, organisation: row.organiserOrganisation },
		category: row.category as Category | null,
		computedCategory: row.computedCategory as Category | null,
		override: row.overrideCategory ? { category: row.overrideCategory as Category, reason: row.overrideReason } : null
	};
}

export function scanSummary(row: AdviceApplicationRow): ScanSummary | null {
	const scan = row.scanResult as Partial<RisicoscanResult> | null;
	if (!scan || typeof scan !== 'object' || !scan.category) return null;
	return { points: scan.points ?? 0, category: scan.category, reasons: scan.reasons ?? [], floors: scan.floors ?? [] };
}

/** The routing by the class that counts now, or null while the application has no class or no complete scan. */
export function routingOf(row: AdviceApplicationRow, model?: RisicoscanModel): AdviceRouting | null {
	const input = risicoscanInputOf(row);
	if (!row.category || !input) return null;
	return routeAdvice(row.category as Category, input, model);
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

// ---------------------------------------------------------------------------------------------
// Asking

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

// ---------------------------------------------------------------------------------------------
// Answering and withdrawing

/** The name this module used before there was one conflict error; same (current, message). */
export { VersionConflictError as AdviceConflictError };

/**
 * Why an answer or withdrawal came too late, naming who got there first and when: the request's
 * own answer, or the audit log's last change (a withdrawal, or whatever changed the version the
 * user saw while the request is still open). Nothing is written after this.
 */
function staleMessage(current: AdviceRequestRecord, last: LastChange | null): string {
	const at = (iso: string | null | undefined) => (iso ? ` om ${dutchDateTime(iso)}` : '');
	if (current.status === 'uitgebracht') {
		return `${current.answeredBy?.name ?? last?.by ?? 'Iemand anders'} heeft dit advies${at(current.answeredAt ?? last?.at)} uitgebracht. Bekijk het uitgebrachte advies hieronder.`;
	}
	if (current.status === 'ingetrokken') {
		return `${last?.by ?? 'De gemeente'} heeft deze adviesaanvraag${at(current.withdrawnAt ?? last?.at)} ingetrokken; een advies is niet meer nodig.`;
	}
	return `${overtakenSentence('deze adviesaanvraag', last?.by ?? null, last?.at ?? null)} Bekijk de nieuwe stand en probeer het opnieuw.`;
}

/** An adviser of the request's discipline (any of the three for a joint request) submits the advice. */
export async function answerAdvice(
	db: Kysely<DB>,
	user: SessionUser,
	requestId: string,
	input: AnswerAdviceInput,
	ctx: AdviceCtx = {}
): Promise<AdviceRequestRecord> {
	const before = await requireRequest(db, user, requestId);
	const discipline = answeringDiscipline(user, before.application.municipality, before.discipline);
	if (!discipline) {
		throw forbidden(
			before.discipline === 'joint'
				? 'Alleen een adviseur van brandweer, GHOR of politie van deze gemeente brengt het gezamenlijke advies uit.'
				: `Alleen een adviseur van de ${ADVICE_KIND_LABELS[before.discipline].toLowerCase()} brengt dit advies uit.`
		);
	}
	return transact(db, async (trx) => {
		const locked = await lockAdviceRequest(trx, requestId);
		if (!locked) throw notFound('Deze adviesaanvraag bestaat niet meer.');
		const current = (await findAdviceRequest(trx, requestId))!;
		if (locked.version !== input.version || locked.status !== 'gevraagd') throw new VersionConflictError(current, staleMessage(current, await lastChangeOf(trx, 'adviesaanvraag', requestId)));
		await saveAnswer(trx, requestId, {
			advice: input.advice,
			conditions: input.conditions,
			conclusion: input.conclusion,
			answeredBy: user.id,
			answeredDiscipline: discipline,
			answeredAt: ctx.now
		});
		const answered = (await findAdviceRequest(trx, requestId))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'advice.answered',
			entityType: 'adviesaanvraag',
			entityId: requestId,
			municipality: answered.application.municipality,
			ip: ctx.ip ?? null,
			details: {
				applicationId: answered.applicationId,
				discipline: answered.discipline,
				answeredAs: discipline,
				conclusion: input.conclusion,
				conditions: input.conditions.length
			}
		});
		await announce(trx, user, answered, 'advice.answered');
		return answered;
	});
}

/** The officer withdraws an open request (the event is cancelled, or asked of the wrong service). */
export async function withdrawAdvice(
	db: Kysely<DB>,
	user: SessionUser,
	requestId: string,
	input: WithdrawAdviceInput,
	ctx: AdviceCtx = {}
): Promise<AdviceRequestRecord> {
	const before = await requireRequest(db, user, requestId);
	if (!can(user, 'event.write', { municipality: before.application.municipality })) {
		throw forbidden('Alleen de vergunningverlener van de gemeente trekt een adviesaanvraag in.');
	}
	return transact(db, async (trx) => {
		const locked = await lockAdviceRequest(trx, requestId);
		if (!locked) throw notFound('Deze adviesaanvraag bestaat niet meer.');
		const current = (await findAdviceRequest(trx, requestId))!;
		if (locked.version !== input.version || locked.status !== 'gevraagd') throw new VersionConflictError(current, staleMessage(current, await lastChangeOf(trx, 'adviesaanvraag', requestId)));
		await saveWithdrawal(trx, requestId, { withdrawnBy: user.id, reason: input.reason });
		const withdrawn = (await findAdviceRequest(trx, requestId))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'advice.withdrawn',
			entityType: 'adviesaanvraag',
			entityId: requestId,
			municipality: withdrawn.application.municipality,
			ip: ctx.ip ?? null,
			details: { applicationId: withdrawn.applicationId, discipline: withdrawn.discipline, reason: input.reason }
		});
		await announce(trx, user, withdrawn, 'advice.withdrawn');
		return withdrawn;
	});
}

/** Whether the user is a permit officer of the application's municipality (for pages). */
export function isApplicationOfficer(user: SessionUser, municipality: string): boolean {
	return isOfficerOf(user, municipality);
}
