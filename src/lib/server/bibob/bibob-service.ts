// Changes to Bibob files. Each one: access check (exact municipal Bibob grant, else an audited
// 404), the procedure's order checked before anything is written, then one transaction with the
// change, the file's new version, the audit record, the news on `bibob:<gemeente>` and — for a
// screening on an event application — its `bibob_status` and the calendar's news of it.
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { BibobFile, DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { transact } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { lastChangeOf, type LastChange } from '../audit/last-change.ts';
import { overtakenSentence } from '../../domain/wording/changes.ts';
import { publish } from '../realtime/event-log.ts';
import { ServiceError, VersionConflictError, forbidden, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { isOnCalendar, publishCalendarChange } from '../calendar/calendar-entry.ts';
import { groundAllows, RECIPIENT_KIND_LABELS, type DisclosureGround, type RecipientKind } from '../../domain/bibob/catalog.ts';
import {
	checkDated,
	checkDecision,
	checkExtraQuestion,
	checkIntention,
	checkLbbAdvice,
	checkLbbExtension,
	checkLbbRequest,
	checkQuestionnaire,
	checkZienswijze,
	fileStage,
	requireOpen,
	type Refusal
} from '../../domain/bibob/procedure.ts';
import { answerDue, localDateOf, zienswijzeDue } from '../../domain/bibob/terms.ts';
import { bibobMunicipalities, mayBibob, requireFileAccess } from './bibob-access.ts';
import {
	applicationForScreening,
	insertAnswer,
	insertDisclosure,
	insertExtraQuestion,
	insertFile,
	insertFinding,
	insertParty,
	lockExtraQuestion,
	lockFile,
	setApplicationBibobStatus,
	setExtraQuestionAnswered,
	updateFile,
	type FileRow
} from './bibob-queries.ts';
import { fileRecord, loadSettings, procedureState, type BibobFileRecord } from './bibob-record.ts';
import type { z } from 'zod';
import type {
	answerInput,
	closeInput,
	conclusionInput,
	decisionInput,
	disclosureInput,
	extraAnswerInput,
	extraQuestionInput,
	findingInput,
	intentionInput,
	lbbAdviceInput,
	lbbExtensionInput,
	lbbRequestInput,
	OpenFileInput,
	PartyInput,
	questionnaireInput,
	zienswijzeInput
} from './bibob-input.ts';

export interface Ctx {
	ip: string | null;
	/** Where the request came from, for the audit of a refusal (default: api). */
	channel?: 'pagina' | 'api';
	/** Today in Amsterdam; tests pin it. */
	today?: string;
}

const todayOf = (ctx: Ctx) => ctx.today ?? localDateOf(new Date());
const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name });

/** The 409 for a stale Bibob file: the file as it is now, and who changed it last and when. */
export function fileConflict(current: BibobFileRecord, last: LastChange | null): VersionConflictError<BibobFileRecord> {
	return new VersionConflictError(current, `${overtakenSentence('dit dossier', last?.by ?? null, last?.at ?? null)} Bekijk de nieuwe stand en probeer het opnieuw.`);
}

function refuse(refusal: Refusal | null): void {
	if (!refusal) return;
	throw new ServiceError(refusal.status, refusal.code, refusal.message, [{ field: refusal.field, message: refusal.message }]);
}

/** The news for colleagues: which file changed and where it stands — no content (it stays in the event log). */
async function announce(trx: Transaction<DB>, user: SessionUser, row: FileRow, type: 'bibob.file.opened' | 'bibob.file.changed'): Promise<void> {
	await publish(trx, {
		topic: `bibob:${row.municipalityCode}`,
		type,
		data: { id: row.id, status: row.status, stage: fileStage(procedureState(row)), version: row.version },
		actor: actorOf(user),
		exercise: false
	});
}

/** `loopt` while a screening on the application is open, `afgerond` once it is decided or closed. */
async function linkPermit(trx: Transaction<DB>, user: SessionUser, applicationId: string | null, status: 'loopt' | 'afgerond'): Promise<void> {
	if (!applicationId) return;
	const app = await applicationForScreening(trx, applicationId);
	if (!app) return;
	await setApplicationBibobStatus(trx, applicationId, status);
	await publishCalendarChange(trx, applicationId, actorOf(user), isOnCalendar(app));
}

interface ChangeOptions {
	version?: number;
	/** Changes that do not touch the procedure (parties, answers…) need no version. */
	audit: string;
	details?: Record<string, unknown>;
}

/**
 * Runs one change to a file: access first (audited 404), then under the row lock the version and
 * the rules, the change, the version raise, audit and news — all or nothing.
 */
async function changeFile(
	db: Kysely<DB>,
	user: SessionUser,
	id: string,
	ctx: Ctx,
	options: ChangeOptions,
	run: (trx: Transaction<DB>, row: FileRow, today: string) => Promise<Updateable<BibobFile> | void>
): Promise<BibobFileRecord> {
	await requireFileAccess(db, user, id, 'bibob.write', { ip: ctx.ip, channel: ctx.channel ?? 'api' });
	const today = todayOf(ctx);
	return transact(db, async (trx) => {
		const row = await lockFile(trx, id);
		if (!row) throw notFound();
		if (options.version !== undefined && row.version !== options.version) throw fileConflict(await fileRecord(trx, row, today), await lastChangeOf(trx, 'bibob_dossier', id));
		const values = (await run(trx, row, today)) ?? {};
		await updateFile(trx, id, values);
		const after = (await lockFile(trx, id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: `bibob.file.${options.audit}`,
			entityType: 'bibob_dossier',
			entityId: id,
			municipality: row.municipalityCode,
			ip: ctx.ip,
			// Codes and dates only: Bibob content never goes into the general audit log.
			details: options.details ?? {}
		});
		await announce(trx, user, after, 'bibob.file.changed');
		return fileRecord(trx, after, today);
	});
}

export async function openFile(db: Kysely<DB>, user: SessionUser, input: OpenFileInput, ctx: Ctx): Promise<BibobFileRecord> {
	if (!mayBibob(user, 'bibob.write', input.municipality)) {
		throw bibobMunicipalities(user).length === 0
			? forbidden('Alleen Bibob-functionarissen van een gemeente openen een Bibob-toets.')
			: forbidden('Je kunt alleen een Bibob-toets openen voor je eigen gemeente.');
	}
	const today = todayOf(ctx);
	const openedOn = input.openedOn ?? today;
	if (openedOn > today) throw new ServiceError(400, 'date_order', 'De datum van opening ligt in de toekomst.', [{ field: 'openedOn', message: 'De datum van opening ligt in de toekomst.' }]);
	try {
		return await transact(db, async (trx) => {
			let applicantName = input.applicantName;
			if (input.eventApplicationId) {
				const app = isUuid(input.eventApplicationId) ? await applicationForScreening(trx, input.eventApplicationId) : undefined;
				if (!app || app.municipalityCode !== input.municipality) {
					throw new ServiceError(404, 'application_not_found', 'Deze evenementenaanvraag bestaat niet in jouw gemeente.', [
						{ field: 'eventApplicationId', message: 'Kies een aanvraag van je eigen gemeente.' }
					]);
				}
				if (app.status === 'concept' || app.status === 'ingetrokken') {
					throw new ServiceError(409, 'application_not_screenable', 'Op een concept of ingetrokken aanvraag kan geen Bibob-toets worden geopend.');
				}
				applicantName ||= app.organiserOrganisation || app.organiserName;
			}
			const id = await insertFile(trx, {
				municipalityCode: input.municipality,
				permitKind: input.permitKind,
				eventApplicationId: input.eventApplicationId,
				permitReference: input.permitReference || null,
				permitDescription: input.permitDescription || null,
				applicantName,
				originalDeadline: input.originalDeadline,
				openedOn,
				openedBy: user.id
			});
			await linkPermit(trx, user, input.eventApplicationId, 'loopt');
			const row = (await lockFile(trx, id))!;
			await writeAudit(trx, {
				actorId: user.id,
				action: 'bibob.file.opened',
				entityType: 'bibob_dossier',
				entityId: id,
				municipality: input.municipality,
				ip: ctx.ip,
				details: { soort: input.permitKind, aanvraag: input.eventApplicationId }
			});
			await announce(trx, user, row, 'bibob.file.opened');
			return fileRecord(trx, row, today);
		});
	} catch (err) {
		const e = err as { code?: string; constraint?: string };
		if (e?.code === '23505' && e.constraint === 'bibob_file_one_open_per_application') {
			throw new ServiceError(409, 'bibob_already_open', 'Op deze aanvraag loopt al een Bibob-toets.', [{ field: 'eventApplicationId', message: 'Op deze aanvraag loopt al een Bibob-toets.' }]);
		}
		throw err;
	}
}

export async function addParty(db: Kysely<DB>, user: SessionUser, id: string, input: PartyInput, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { audit: 'party_added', details: { soort: input.kind, rol: input.role } }, async (trx, row) => {
		refuse(requireOpen(procedureState(row)));
		await insertParty(trx, { fileId: id, kind: input.kind, name: input.name, kvk: input.kvk, role: input.role, note: input.note, createdBy: user.id });
	});
}

export async function setQuestionnaire(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof questionnaireInput>, ctx: Ctx) {
	return changeFile(db, user, id, { ...ctx }, { version: input.version, audit: 'questionnaire_recorded', details: { verstuurd: input.sentOn, ontvangen: input.receivedOn } }, async (trx, row, today) => {
		refuse(checkQuestionnaire(procedureState(row), input, today));
		const settings = await loadSettings(trx, row.municipalityCode);
		return { questionnaireSentOn: input.sentOn, questionnaireDueOn: answerDue(input.sentOn, input.answerWeeks ?? settings.answerWeeks), questionnaireReceivedOn: input.receivedOn };
	});
}

export async function addAnswer(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof answerInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { audit: 'answer_recorded', details: { onderdeel: input.section, vraag: input.formReference } }, async (trx, row) => {
		refuse(requireOpen(procedureState(row)));
		await insertAnswer(trx, { fileId: id, section: input.section, formReference: input.formReference, summary: input.summary, createdBy: user.id });
	});
}

export async function addFinding(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof findingInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { audit: 'finding_recorded', details: { indicator: input.indicator } }, async (trx, row, today) => {
		// A finding may predate the file (an RIEC signal often does), never today.
		refuse(requireOpen(procedureState(row)));
		if (input.foundOn > today) refuse({ status: 400, code: 'date_order', field: 'foundOn', message: 'De datum van de bevinding ligt in de toekomst.' });
		await insertFinding(trx, { fileId: id, indicator: input.indicator, description: input.description, source: input.source, foundOn: input.foundOn, createdBy: user.id });
	});
}

export async function setConclusion(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof conclusionInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'conclusion_recorded', details: { conclusie: input.conclusion } }, async (_trx, row, today) => {
		refuse(checkDated(procedureState(row), 'concludedOn', input.concludedOn, today));
		return { ownConclusion: input.conclusion, ownConclusionText: input.text, ownConcludedOn: input.concludedOn };
	});
}

export async function addExtraQuestion(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof extraQuestionInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { audit: 'extra_questions_sent', details: { verstuurd: input.sentOn, beantwoord: input.answeredOn } }, async (trx, row, today) => {
		refuse(checkExtraQuestion(procedureState(row), input, today));
		await insertExtraQuestion(trx, { fileId: id, subject: input.subject, sentOn: input.sentOn, answeredOn: input.answeredOn, createdBy: user.id });
	});
}

export async function answerExtraQuestion(db: Kysely<DB>, user: SessionUser, id: string, questionId: string, input: z.output<typeof extraAnswerInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { audit: 'extra_questions_answered', details: { beantwoord: input.answeredOn } }, async (trx, row, today) => {
		refuse(requireOpen(procedureState(row)));
		const question = isUuid(questionId) ? await lockExtraQuestion(trx, id, questionId) : undefined;
		if (!question) throw notFound('Deze aanvullende vraag bestaat niet in dit dossier.');
		if (question.answeredOn) throw new ServiceError(409, 'already_answered', 'Het antwoord op deze vragen is al vastgelegd.');
		refuse(checkExtraQuestion(procedureState(row), { sentOn: question.sentOn, answeredOn: input.answeredOn }, today));
		await setExtraQuestionAnswered(trx, questionId, input.answeredOn);
	});
}

export async function requestLbbAdvice(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof lbbRequestInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'lbb_advice_requested', details: { gevraagd: input.requestedOn } }, async (_trx, row, today) => {
		refuse(checkLbbRequest(procedureState(row), input.requestedOn, today));
		return { lbbRequestedOn: input.requestedOn };
	});
}

export async function extendLbbTerm(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof lbbExtensionInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'lbb_term_extended', details: { verlengd: input.extendedOn } }, async (_trx, row, today) => {
		refuse(checkLbbExtension(procedureState(row), input.extendedOn, today));
		return { lbbExtendedOn: input.extendedOn };
	});
}

export async function recordLbbAdvice(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof lbbAdviceInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'lbb_advice_received', details: { ontvangen: input.receivedOn, conclusie: input.conclusion } }, async (_trx, row, today) => {
		refuse(checkLbbAdvice(procedureState(row), input.receivedOn, today));
		return { lbbReceivedOn: input.receivedOn, lbbConclusion: input.conclusion, lbbSummary: input.summary };
	});
}

export async function recordIntention(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof intentionInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'intention_sent', details: { voornemen: input.intention, datum: input.intentionOn } }, async (trx, row, today) => {
		refuse(checkIntention(procedureState(row), input.intentionOn, today));
		const settings = await loadSettings(trx, row.municipalityCode);
		return {
			intention: input.intention,
			intentionOn: input.intentionOn,
			zienswijzeDueOn: zienswijzeDue(input.intentionOn, input.zienswijzeWeeks ?? settings.zienswijzeWeeks),
			zienswijzeReceivedOn: null,
			zienswijzeSummary: null
		};
	});
}

export async function recordZienswijze(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof zienswijzeInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'hearing_received', details: { ontvangen: input.receivedOn } }, async (_trx, row, today) => {
		refuse(checkZienswijze(procedureState(row), input.receivedOn, today));
		return { zienswijzeReceivedOn: input.receivedOn, zienswijzeSummary: input.summary };
	});
}

export async function decide(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof decisionInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'decided', details: { besluit: input.decision, datum: input.decidedOn } }, async (trx, row, today) => {
		refuse(checkDecision(procedureState(row), input, today));
		await linkPermit(trx, user, row.eventApplicationId, 'afgerond');
		return {
			decision: input.decision,
			decidedOn: input.decidedOn,
			decisionReasoning: input.reasoning,
			proportionality: input.proportionality,
			decisionConditions: input.conditions || null,
			decidedBy: user.id,
			status: 'afgerond',
			closedOn: input.decidedOn
		};
	});
}

/** Closing without a decision, e.g. when the application is withdrawn. */
export async function closeFile(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof closeInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { version: input.version, audit: 'closed', details: { datum: input.closedOn } }, async (trx, row, today) => {
		refuse(checkDated(procedureState(row), 'closedOn', input.closedOn, today));
		await linkPermit(trx, user, row.eventApplicationId, 'afgerond');
		return { status: 'afgerond', closedOn: input.closedOn, closeReason: input.reason };
	});
}

/**
 * A disclosure is recorded with recipient, ground (one the law allows for that recipient), date and
 * what was shared. Allowed on closed files too: objection and appeal come after the decision.
 */
export async function recordDisclosure(db: Kysely<DB>, user: SessionUser, id: string, input: z.output<typeof disclosureInput>, ctx: Ctx) {
	return changeFile(db, user, id, ctx, { audit: 'disclosure_recorded', details: { ontvanger: input.recipientKind, grondslag: input.ground, datum: input.disclosedOn } }, async (trx, row, today) => {
		if (row.status === 'vernietigd') throw new ServiceError(409, 'file_destroyed', 'Dit dossier is vernietigd.');
		if (!groundAllows(input.ground as DisclosureGround, input.recipientKind as RecipientKind)) {
			const message = `Deze grondslag staat verstrekking aan ${RECIPIENT_KIND_LABELS[input.recipientKind as RecipientKind].toLowerCase()} niet toe; kies de grondslag die bij de ontvanger hoort.`;
			throw new ServiceError(400, 'ground_mismatch', message, [{ field: 'ground', message }]);
		}
		if (input.disclosedOn < row.openedOn || input.disclosedOn > today) {
			const message = input.disclosedOn > today ? 'De datum van verstrekking ligt in de toekomst.' : 'De datum van verstrekking ligt vóór de opening van het dossier.';
			throw new ServiceError(400, 'date_order', message, [{ field: 'disclosedOn', message }]);
		}
		await insertDisclosure(trx, { fileId: id, recipientKind: input.recipientKind, recipient: input.recipient, ground: input.ground, groundNote: input.groundNote, disclosedOn: input.disclosedOn, shared: input.shared, recordedBy: user.id });
	});
}
