// Changing one request: an adviser answers it, or the officer withdraws it. Each names the version
// it saw; whoever was overtaken gets a 409 with the request as it now is.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { lastChangeOf, type LastChange } from '../audit/last-change';
import { overtakenSentence } from '../../domain/wording/changes';
import { dutchDateTime } from '../../domain/wording/values';
import { VersionConflictError, forbidden, notFound } from '../errors';
import { ADVICE_KIND_LABELS, type AdviceRequestRecord } from '../../domain/advice';
import { findAdviceRequest, lockAdviceRequest, saveAnswer, saveWithdrawal } from '../advice-access/advice-queries';
import { announce } from '../advice-access/advice-writes';
import { answeringDiscipline } from '../advice-access/advice-access';
import { requireRequest } from './advice-reads';
import type { AdviceCtx } from './advice-context';
import type { AnswerAdviceInput, WithdrawAdviceInput } from './advice-input';

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
