// Event applications: create (also as a copy of an earlier edition), change while open, submit,
// move through the lifecycle, override the class, decide. Every change runs in one transaction
// that checks the version the user saw, writes the status history and the audit log, and
// announces the change on `calendar` and on `application:<id>`.
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { DB, EventApplication } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can, scopesFor } from '../auth/permissions';
import { transact } from '../db/transaction';
import { writeAudit } from '../audit/audit';
import { lastChangeOf } from '../audit/last-change';
import { ServiceError, forbidden, invalid, notFound, type FieldError } from '../errors';
import { isOnCalendar, publishCalendarChange } from '../calendar/calendar-entry';
import { eventReference, registrationYear } from '../../domain/calendar/reference';
import type { Category } from '../../domain/risicoscan/model';
import { completeAnswers, EMPTY_SCAN_ANSWERS, type ScanAnswers } from '../../domain/events/scan-answers';
import {
	DECISION_LABELS,
	STATUS_LABELS,
	isClosed,
	mayDecide,
	mayMove,
	type ApplicationStatus
} from '../../domain/events/application';
import { isLate } from '../../domain/events/deadlines';
import { sameLocalTimeNextYear } from '../../domain/events/event-time';
import {
	applicationById,
	insertApplicationRow,
	insertStatusChange,
	listApplicationRows,
	lockApplication,
	nextReferenceNumber,
	saveAssessment,
	toApplicationDto,
	updateApplicationRow,
	type ApplicationDto,
	type ApplicationRow
} from './application-queries';
import { assess, assessmentColumns, type AssessmentRules } from './application-assessment';
import { applicationView, viewOf, type ApplicationView } from './application-view';
import { closeOpenAdvice, requestsOf, requiredAdviceKinds, rerouteAdvice } from './advice-follow';
import { decisionGaps, despiteNote, guardDecision, type DecisionGap } from '../../domain/events/decision-guard';
import type { AdviceKind } from '../../domain/advice/vocabulary';
import {
	applicationConflict,
	actorOf,
	announceApplication,
	closedError,
	readableApplication,
	writableApplication,
	type ReadRule
} from './application-access';
import {
	END_AFTER_START,
	LAT_LON_TOGETHER,
	TOTAL_AT_LEAST_PEAK,
	type ApplicationChangeInput,
	type DecisionInput,
	type NewApplicationInput,
	type OverrideInput,
	type TransitionInput
} from './application-input';

export interface Ctx {
	ip: string | null;
}

const ANSWER_KEYS = Object.keys(EMPTY_SCAN_ANSWERS) as (keyof ScanAnswers)[];

const COLUMN_KEYS = [
	'organiserName',
	'organiserOrganisation',
	'organiserKvk',
	'organiserEmail',
	'organiserPhone',
	'name',
	'description',
	'eventType',
	'address',
	'lat',
	'lon',
	'totalVisitors',
	'peakVisitors',
	'areaM2',
	'isNewEvent'
] as const;

type Fields = Partial<NewApplicationInput>;

/** The input's answers on top of the stored ones. */
function answersOf(input: Fields, stored: ScanAnswers): ScanAnswers {
	const answers = { ...stored };
	for (const key of ANSWER_KEYS) if (input[key] !== undefined) (answers as Record<string, unknown>)[key] = input[key];
	return answers;
}

function columnsOf(input: Fields): Updateable<EventApplication> {
	const values: Record<string, unknown> = {};
	for (const key of COLUMN_KEYS) if (input[key] !== undefined) values[key] = input[key];
	if (input.startsAt !== undefined) values.startsAt = new Date(input.startsAt);
	if (input.endsAt !== undefined) values.endsAt = new Date(input.endsAt);
	return values as Updateable<EventApplication>;
}

/** The rules between fields, on the record as it will be after the change. */
function checkCombined(merged: { startsAt: Date; endsAt: Date; peakVisitors: number; totalVisitors: number | null; lat: number | null; lon: number | null }) {
	const fields: FieldError[] = [];
	if (merged.endsAt.getTime() <= merged.startsAt.getTime()) fields.push({ field: 'endsAt', message: END_AFTER_START });
	if (merged.totalVisitors !== null && merged.totalVisitors < merged.peakVisitors) fields.push({ field: 'totalVisitors', message: TOTAL_AT_LEAST_PEAK });
	if ((merged.lat === null) !== (merged.lon === null)) fields.push({ field: 'lon', message: LAT_LON_TOGETHER });
	if (fields.length > 0) throw invalid(fields, `De invoer is niet geldig: ${fields.map((f) => f.message).join(' ')}`);
}

// ---- Reading ---------------------------------------------------------------------------

export async function listApplications(db: Kysely<DB>, user: SessionUser, filter: { status?: ApplicationStatus | undefined } = {}): Promise<ApplicationDto[]> {
	if (!can(user, 'event.read')) throw forbidden('Je hebt geen toegang tot evenementaanvragen.');
	const rows = await listApplicationRows(db, { municipalities: scopesFor(user, 'event.read'), status: filter.status });
	return rows.map(toApplicationDto);
}

/** One application as the detail page and the API show it. `mayRead` lets another capability open it to more people. */
export async function getApplication(db: Kysely<DB>, user: SessionUser, id: string, options: { mayRead?: ReadRule } = {}): Promise<ApplicationView> {
	const row = await readableApplication(db, user, id, options.mayRead);
	return (await applicationView(db, row.id))!;
}

/**
 * The application for someone who reads it through another capability (an adviser): the same
 * view without its Bibob part, which is need-to-know (not even whether a screening runs), and
 * without the organiser's e-mail and phone (the municipality keeps the contact; AVG).
 */
export async function getApplicationAsReader(
	db: Kysely<DB>,
	user: SessionUser,
	id: string,
	mayRead: ReadRule
): Promise<Omit<ApplicationView, 'bibobStatus' | 'organiserEmail' | 'organiserPhone'>> {
	const row = await readableApplication(db, user, id, mayRead);
	const view = (await applicationView(db, row.id))!;
	if (can(user, 'event.read', { municipality: row.municipalityCode })) return view;
	const { bibobStatus: _bibob, organiserEmail: _email, organiserPhone: _phone, ...forAdviser } = view;
	return forAdviser;
}

// ---- Creating --------------------------------------------------------------------------

/** For many inserts in one transaction (an import's batch): rules read once, references reserved at once. */
export interface InsertOptions {
	note?: string;
	rules?: AssessmentRules;
	/** A number reserved with nextReferenceNumber(…, count) in this transaction. */
	reference?: { year: number; number: number };
}

/**
 * Inserts a concept with its assessment, reference and first history row, inside the caller's
 * transaction; the caller checked permission and writes the audit row. Also used by the list import.
 */
export async function insertApplication(
	trx: Transaction<DB>,
	user: SessionUser,
	municipality: string,
	values: Updateable<EventApplication> & { name: string; startsAt: Date; endsAt: Date },
	answers: ScanAnswers,
	copiedFrom: string | null,
	options: InsertOptions = {}
): Promise<string> {
	const note = options.note ?? (copiedFrom ? 'Gekopieerd van een eerdere aanvraag' : '');
	const facts = {
		startsAt: values.startsAt,
		endsAt: values.endsAt,
		peakVisitors: (values.peakVisitors as number | undefined) ?? 0,
		totalVisitors: (values.totalVisitors as number | null | undefined) ?? null,
		areaM2: (values.areaM2 as number | null | undefined) ?? null
	};
	const assessment = await assess(trx, municipality, null, facts, answers, null, options.rules);
	// The registration year, not the event's: a zaaknummer tells when the file was opened.
	const year = options.reference?.year ?? registrationYear(new Date());
	const reference = eventReference(municipality, year, options.reference?.number ?? (await nextReferenceNumber(trx, municipality, year)));
	const id = await insertApplicationRow(trx, {
		...values,
		reference,
		municipalityCode: municipality,
		scanAnswers: JSON.stringify(answers),
		...assessmentColumns(assessment),
		copiedFrom,
		createdBy: user.id
	});
	await insertStatusChange(trx, { applicationId: id, fromStatus: null, toStatus: 'concept', note, changedBy: user.id });
	return id;
}

async function finishCreate(trx: Transaction<DB>, user: SessionUser, id: string, ctx: Ctx, action: string, details: Record<string, unknown>): Promise<ApplicationView> {
	const view = (await applicationView(trx, id))!;
	await writeAudit(trx, { actorId: user.id, action, entityType: 'evenementaanvraag', entityId: id, municipality: view.municipality, ip: ctx.ip, details: { reference: view.reference, ...details } });
	await publishCalendarChange(trx, id, actorOf(user), false);
	await announceApplication(trx, user, view);
	return view;
}

/** A new application's columns and scan answers from the form's (or the import's) validated input. */
export function newApplicationValues(input: NewApplicationInput) {
	return {
		values: { ...columnsOf(input), name: input.name, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) },
		answers: answersOf(input, EMPTY_SCAN_ANSWERS)
	};
}

export async function createApplication(db: Kysely<DB>, user: SessionUser, input: NewApplicationInput, ctx: Ctx): Promise<ApplicationView> {
	if (!can(user, 'event.write', { municipality: input.municipality })) {
		throw forbidden('Alleen een vergunningverlener van deze gemeente maakt hier een aanvraag.');
	}
	const { values, answers } = newApplicationValues(input);
	checkCombined({ startsAt: values.startsAt, endsAt: values.endsAt, peakVisitors: input.peakVisitors ?? 0, totalVisitors: input.totalVisitors ?? null, lat: input.lat ?? null, lon: input.lon ?? null });
	return transact(db, async (trx) => {
		const id = await insertApplication(trx, user, input.municipality, values, answers, null);
		return finishCreate(trx, user, id, ctx, 'application.created', { name: input.name });
	});
}

/**
 * A new concept from an earlier application (say last year's edition): organiser, event and scan
 * answers, with the dates moved a year on at the same local time. Not copied: status, class
 * override, decision, documents, the vooraankondiging answer; and a next edition is not new.
 */
export async function copyApplication(db: Kysely<DB>, user: SessionUser, sourceId: string, ctx: Ctx): Promise<ApplicationView> {
	const source = await writableApplication(db, user, sourceId);
	const values: Updateable<EventApplication> & { name: string; startsAt: Date; endsAt: Date } = {
		organiserName: source.organiserName,
		organiserOrganisation: source.organiserOrganisation,
		organiserKvk: source.organiserKvk,
		organiserEmail: source.organiserEmail,
		organiserPhone: source.organiserPhone,
		name: source.name,
		description: source.description,
		eventType: source.eventType,
		address: source.address,
		lat: source.lat,
		lon: source.lon,
		startsAt: new Date(sameLocalTimeNextYear(source.startsAt)),
		endsAt: new Date(sameLocalTimeNextYear(source.endsAt)),
		totalVisitors: source.totalVisitors,
		peakVisitors: source.peakVisitors,
		areaM2: source.areaM2,
		isNewEvent: false
	};
	const answers = { ...completeAnswers(source.scanAnswers), preannounced: false };
	return transact(db, async (trx) => {
		const id = await insertApplication(trx, user, source.municipalityCode, values, answers, source.id);
		return finishCreate(trx, user, id, ctx, 'application.copied', { from: source.reference });
	});
}

// ---- Changing --------------------------------------------------------------------------

interface Change {
	set: Updateable<EventApplication>;
	status?: { to: ApplicationStatus; note?: string };
	audit: { action: string; details: Record<string, unknown> };
	/** Work that must see the application as changed (advice following a decision), same transaction. */
	after?: (trx: Transaction<DB>) => Promise<void>;
}

/**
 * Runs one change of an application: permission, row lock, version check (409 with the current
 * view), the update with a new version, status history, audit, calendar and detail-page news.
 */
async function changeApplication(
	db: Kysely<DB>,
	user: SessionUser,
	id: string,
	version: number,
	ctx: Ctx,
	permission: 'event.write' | 'event.decide',
	work: (trx: Transaction<DB>, row: ApplicationRow) => Promise<Change>
): Promise<ApplicationView> {
	const before = await writableApplication(db, user, id);
	if (permission === 'event.decide' && !can(user, 'event.decide', { municipality: before.municipalityCode })) {
		throw forbidden('Alleen een vergunningverlener van de gemeente besluit over deze aanvraag.');
	}
	return transact(db, async (trx) => {
		const locked = await lockApplication(trx, before.id);
		if (!locked) throw notFound('Deze aanvraag bestaat niet meer.');
		if (locked.version !== version) throw applicationConflict((await applicationView(trx, before.id))!, await lastChangeOf(trx, 'evenementaanvraag', before.id));
		const row = (await applicationById(trx, before.id))!;
		const wasOnCalendar = isOnCalendar(row);
		const change = await work(trx, row);
		await updateApplicationRow(trx, row.id, { ...change.set, ...(change.status ? { status: change.status.to } : {}), version: row.version + 1, updatedAt: new Date() });
		if (change.status) {
			await insertStatusChange(trx, { applicationId: row.id, fromStatus: row.status, toStatus: change.status.to, note: change.status.note ?? '', changedBy: user.id });
		}
		await change.after?.(trx);
		// Advice follows the class: a class change after advice was asked re-routes the requests.
		const category = (await applicationById(trx, row.id))!.category as Category | null;
		if (category !== row.category) {
			const note = await rerouteAdvice(trx, user, row.id, row.category as Category | null, ctx);
			const status = change.status?.to ?? (row.status as ApplicationStatus);
			if (note) await insertStatusChange(trx, { applicationId: row.id, fromStatus: status, toStatus: status, note, changedBy: user.id });
		}
		await writeAudit(trx, {
			actorId: user.id,
			action: change.audit.action,
			entityType: 'evenementaanvraag',
			entityId: row.id,
			municipality: row.municipalityCode,
			ip: ctx.ip,
			details: { reference: row.reference, ...change.audit.details }
		});
		await publishCalendarChange(trx, row.id, actorOf(user), wasOnCalendar);
		const view = (await applicationView(trx, row.id))!;
		await announceApplication(trx, user, view);
		return view;
	});
}

/**
 * Works out a stored application again as it stands (scan with the calendar context, melding or
 * vergunning, deadline, late flag) without changing its version or publishing: for records written
 * in bulk, such as the demo year, so they read exactly as if filed through the forms.
 */
export async function reassessStoredApplication(trx: Transaction<DB>, id: string): Promise<void> {
	const row = await applicationById(trx, id);
	if (!row) return;
	const columns = await reassessed(trx, row, {}, completeAnswers(row.scanAnswers), row.overrideCategory as Category | null);
	const late = row.submittedAt ? isLate(row.submittedAt, columns.deadlineDate) : false;
	await saveAssessment(trx, id, { ...columns, late });
}

/** Fresh scan, melding verdict and deadline for the record as it will be. */
async function reassessed(trx: Transaction<DB>, row: ApplicationRow, set: Updateable<EventApplication>, answers: ScanAnswers, override: Category | null) {
	const facts = {
		startsAt: (set.startsAt as Date | undefined) ?? row.startsAt,
		endsAt: (set.endsAt as Date | undefined) ?? row.endsAt,
		peakVisitors: (set.peakVisitors as number | undefined) ?? row.peakVisitors,
		totalVisitors: set.totalVisitors !== undefined ? (set.totalVisitors as number | null) : row.totalVisitors,
		areaM2: set.areaM2 !== undefined ? (set.areaM2 as number | null) : row.areaM2
	};
	return assessmentColumns(await assess(trx, row.municipalityCode, row.id, facts, answers, override));
}

export async function updateApplication(db: Kysely<DB>, user: SessionUser, id: string, input: ApplicationChangeInput, ctx: Ctx): Promise<ApplicationView> {
	const { version, ...fields } = input;
	return changeApplication(db, user, id, version, ctx, 'event.write', async (trx, row) => {
		if (isClosed(row.status as ApplicationStatus)) throw closedError();
		const set = columnsOf(fields);
		checkCombined({
			startsAt: (set.startsAt as Date | undefined) ?? row.startsAt,
			endsAt: (set.endsAt as Date | undefined) ?? row.endsAt,
			peakVisitors: (set.peakVisitors as number | undefined) ?? row.peakVisitors,
			totalVisitors: set.totalVisitors !== undefined ? (set.totalVisitors as number | null) : row.totalVisitors,
			lat: set.lat !== undefined ? (set.lat as number | null) : row.lat,
			lon: set.lon !== undefined ? (set.lon as number | null) : row.lon
		});
		const answers = answersOf(fields, completeAnswers(row.scanAnswers));
		const assessment = await reassessed(trx, row, set, answers, row.overrideCategory as Category | null);
		return {
			set: { ...set, scanAnswers: JSON.stringify(answers), ...assessment },
			audit: { action: 'application.updated', details: { fields: Object.keys(fields) } }
		};
	});
}

/** What must be filled in before an application can be submitted. */
function missingForSubmission(row: ApplicationRow): FieldError[] {
	const missing: FieldError[] = [];
	if (!row.organiserName) missing.push({ field: 'organiserName', message: 'Vul de naam van de contactpersoon in.' });
	if (!row.organiserEmail && !row.organiserPhone) missing.push({ field: 'organiserEmail', message: 'Vul een e-mailadres of telefoonnummer van de organisator in.' });
	if (!row.address) missing.push({ field: 'address', message: 'Vul het adres of de locatie in.' });
	if (row.peakVisitors <= 0) missing.push({ field: 'peakVisitors', message: 'Vul de piekbezetting in (meer dan 0 bezoekers).' });
	return missing;
}

export async function submitApplication(db: Kysely<DB>, user: SessionUser, id: string, version: number, ctx: Ctx, note = ''): Promise<ApplicationView> {
	return changeApplication(db, user, id, version, ctx, 'event.write', async (trx, row) => {
		if (row.status !== 'concept') throw new ServiceError(409, 'invalid_transition', 'Alleen een concept kan worden ingediend.');
		const missing = missingForSubmission(row);
		if (missing.length > 0) throw invalid(missing, `Vul eerst in: ${missing.map((m) => m.message).join(' ')}`);
		const assessment = await reassessed(trx, row, {}, completeAnswers(row.scanAnswers), row.overrideCategory as Category | null);
		const now = new Date();
		const late = isLate(now, assessment.deadlineDate);
		return {
			set: { ...assessment, submittedAt: now, late },
			status: { to: 'ingediend', note: note || (late ? `Te laat ingediend (uiterlijk ${assessment.deadlineDate})` : '') },
			audit: { action: 'application.submitted', details: { late, deadline: assessment.deadlineDate } }
		};
	});
}

/** Lifecycle steps other than deciding: submit, take into treatment, withdraw. */
export async function transitionApplication(db: Kysely<DB>, user: SessionUser, id: string, input: TransitionInput, ctx: Ctx): Promise<ApplicationView> {
	if (input.status === 'ingediend') return submitApplication(db, user, id, input.version, ctx, input.note);
	return changeApplication(db, user, id, input.version, ctx, 'event.write', async (_trx, row) => {
		const from = row.status as ApplicationStatus;
		if (!mayMove(from, input.status)) {
			throw new ServiceError(409, 'invalid_transition', `Een aanvraag met status "${STATUS_LABELS[from]}" kan niet naar "${STATUS_LABELS[input.status]}".`);
		}
		return {
			set: {},
			status: { to: input.status, note: input.note },
			audit: { action: 'application.status_changed', details: { from, to: input.status } }
		};
	});
}

export async function overrideCategory(db: Kysely<DB>, user: SessionUser, id: string, input: OverrideInput, ctx: Ctx): Promise<ApplicationView> {
	if (input.category !== null && input.reason.length === 0) {
		throw invalid([{ field: 'reason', message: 'Geef een reden waarom je de klasse aanpast.' }], 'Geef een reden waarom je de klasse aanpast.');
	}
	return changeApplication(db, user, id, input.version, ctx, 'event.write', async (trx, row) => {
		if (isClosed(row.status as ApplicationStatus)) throw closedError();
		const set: Updateable<EventApplication> =
			input.category === null
				? { overrideCategory: null, overrideReason: null, overrideBy: null, overrideAt: null }
				: { overrideCategory: input.category, overrideReason: input.reason, overrideBy: user.id, overrideAt: new Date() };
		// The class decides melding or vergunning and the term, so they follow the override.
		const assessment = await reassessed(trx, row, {}, completeAnswers(row.scanAnswers), input.category);
		return {
			set: { ...set, procedure: assessment.procedure, procedureReasons: assessment.procedureReasons, deadlineDate: assessment.deadlineDate },
			audit: { action: 'application.category_overridden', details: { computed: row.computedCategory, override: input.category, reason: input.reason } }
		};
	});
}

export const BIBOB_PENDING_MESSAGE = 'Er loopt een Bibob-toets voor deze aanvraag; een besluit kan pas als die is afgerond.';

/** What is missing before a decision: open or never-asked required advice, missing required documents. */
async function gapsOf(trx: Kysely<DB> | Transaction<DB>, row: ApplicationRow): Promise<DecisionGap[]> {
	const view = await viewOf(trx, row);
	return decisionGaps({
		requiredAdvice: await requiredAdviceKinds(trx, row.id, row.procedure),
		requests: (await requestsOf(trx, row.id)).map((r) => ({ kind: r.discipline, status: r.status })),
		requiredDocuments: view.requiredDocuments
	});
}

/** For the decision form: the advice the class requires (the page adds the live requests and documents). */
export async function requiredAdviceOf(db: Kysely<DB>, user: SessionUser, id: string): Promise<AdviceKind[]> {
	const row = await readableApplication(db, user, id);
	return requiredAdviceKinds(db, row.id, row.procedure);
}

export async function decideApplication(db: Kysely<DB>, user: SessionUser, id: string, input: DecisionInput, ctx: Ctx): Promise<ApplicationView> {
	return changeApplication(db, user, id, input.version, ctx, 'event.decide', async (trx, row) => {
		const status = row.status as ApplicationStatus;
		if (row.bibobStatus === 'loopt') throw new ServiceError(409, 'bibob_pending', BIBOB_PENDING_MESSAGE);
		if (!mayDecide(status, row.procedure as 'melding' | 'vergunning' | null, row.category as Category | null)) {
			throw new ServiceError(
				409,
				'invalid_transition',
				status === 'ingediend'
					? 'Neem de aanvraag eerst in behandeling; alleen over een melding of klasse A besluit je direct na indienen.'
					: `Over een aanvraag met status "${STATUS_LABELS[status]}" kan geen besluit worden genomen.`
			);
		}
		const verdict = guardDecision(await gapsOf(trx, row), input.despiteMissing);
		if (!verdict.ok) throw new ServiceError(409, 'decision_incomplete', verdict.message, undefined, { missing: verdict.gaps });
		const label = DECISION_LABELS[input.decision];
		return {
			set: {
				decision: input.decision,
				decisionConditions: input.conditions || null,
				decisionReason: input.reason,
				decidedAt: new Date(),
				decidedBy: user.id,
				decisionDespiteReason: verdict.despite?.reason ?? null,
				decisionGaps: verdict.despite ? JSON.stringify(verdict.despite.gaps) : null
			},
			status: { to: 'besluit', note: verdict.despite ? despiteNote(label, verdict.despite) : label },
			audit: {
				action: 'application.decided',
				details: { decision: input.decision, ...(verdict.despite ? { despiteMissing: verdict.despite.reason, missing: verdict.despite.gaps.map((g) => g.label) } : {}) }
			},
			// The decided application needs no more advice: open requests close, inboxes update live.
			after: async (trx) => {
				await closeOpenAdvice(trx, user, row.id, label, ctx);
			}
		};
	});
}

/**
 * For other capabilities (the advice service's requestAdvice): moves an application to `to` inside
 * the caller's transaction, with history, a new version, and the calendar and detail-page news.
 * The caller has checked permission, the version and whether the move is allowed.
 */
export async function moveApplicationStatus(trx: Transaction<DB>, user: SessionUser, applicationId: string, to: ApplicationStatus, note = ''): Promise<ApplicationView> {
	const row = await applicationById(trx, applicationId);
	if (!row) throw notFound('Deze aanvraag bestaat niet.');
	const wasOnCalendar = isOnCalendar(row);
	await updateApplicationRow(trx, row.id, { status: to, version: row.version + 1, updatedAt: new Date() });
	await insertStatusChange(trx, { applicationId: row.id, fromStatus: row.status, toStatus: to, note, changedBy: user.id });
	await publishCalendarChange(trx, row.id, actorOf(user), wasOnCalendar);
	const view = (await applicationView(trx, row.id))!;
	await announceApplication(trx, user, view);
	return view;
}
