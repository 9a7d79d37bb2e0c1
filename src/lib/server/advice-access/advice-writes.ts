// The writes every advice change shares: inserting planned requests (with audit) and announcing a
// request on `advice:<applicationId>` and the inbox topics of the disciplines it concerns. Used by
// the advice service and by the steps in which advice follows its application (events/advice-follow.ts).
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { adviceDueDate, termDaysFor, type AdviceRequestRecord, type PlannedRequest } from '../../domain/advice';
import type { Category } from '../../domain/risicoscan';
import { dbNow, findAdviceRequest, insertAdviceRequest, type AdviceApplicationRow } from './advice-queries';
import { adviceSettingsOf } from './advice-settings-queries';
import { adviceTopic, inboxTopicsFor } from './advice-access';
import { queueNotifications } from '../notifications/notification-outbox';
import { adviceAnsweredMessage, adviceRequestedMessage } from '../notifications/notification-messages';
import { advisersCovering } from '../notifications/recipient-queries';

const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name });

export async function announce(trx: Transaction<DB>, user: SessionUser, request: AdviceRequestRecord, type: 'advice.requested' | 'advice.answered' | 'advice.withdrawn'): Promise<void> {
	const event = { type, data: request, actor: actorOf(user), exercise: false };
	await publish(trx, { topic: adviceTopic(request.applicationId), ...event });
	for (const topic of inboxTopicsFor(request.application.municipality, request.discipline)) await publish(trx, { topic, ...event });
	await notify(trx, user, request, type);
}

/**
 * Tells the people concerned, in the same transaction: the advisers whose grant covers a new
 * request, the officer who asked when it is answered. Never the person who did it themselves.
 */
async function notify(trx: Transaction<DB>, user: SessionUser, request: AdviceRequestRecord, type: 'advice.requested' | 'advice.answered' | 'advice.withdrawn'): Promise<void> {
	if (type === 'advice.requested') {
		const disciplines = request.discipline === 'joint' ? ['brandweer', 'ghor', 'politie'] : [request.discipline];
		const advisers = (await advisersCovering(trx, request.application.municipality, disciplines)).filter((id) => id !== user.id);
		await queueNotifications(trx, advisers.map((id) => adviceRequestedMessage(id, request)));
	} else if (type === 'advice.answered' && request.requestedBy && request.requestedBy.id !== user.id) {
		await queueNotifications(trx, [adviceAnsweredMessage(request.requestedBy.id, request)]);
	}
}

/** Inserts and audits the planned requests, all due after the municipality's term from `ctx.now`; their ids. */
export async function insertRequests(
	trx: Transaction<DB>,
	user: SessionUser,
	application: AdviceApplicationRow,
	category: Category,
	planned: PlannedRequest[],
	ctx: { ip?: string | null; now?: Date }
): Promise<string[]> {
	const terms = await adviceSettingsOf(trx, application.municipalityCode);
	const requestedAt = ctx.now ?? (await dbNow(trx));
	const dueDate = adviceDueDate(requestedAt, termDaysFor(category, terms));
	const ids: string[] = [];
	for (const plan of planned) {
		const id = await insertAdviceRequest(trx, {
			applicationId: application.id,
			discipline: plan.kind,
			reasons: plan.reasons,
			voluntary: plan.voluntary,
			requestedAt,
			requestedBy: user.id,
			dueDate
		});
		await writeAudit(trx, {
			actorId: user.id,
			action: 'advice.requested',
			entityType: 'adviesaanvraag',
			entityId: id,
			municipality: application.municipalityCode,
			ip: ctx.ip ?? null,
			details: { applicationId: application.id, reference: application.reference, discipline: plan.kind, voluntary: plan.voluntary, dueDate, category }
		});
		ids.push(id);
	}
	return ids;
}

export async function announceRequested(trx: Transaction<DB>, user: SessionUser, ids: string[]): Promise<AdviceRequestRecord[]> {
	const records: AdviceRequestRecord[] = [];
	for (const id of ids) {
		const record = (await findAdviceRequest(trx, id))!;
		await announce(trx, user, record, 'advice.requested');
		records.push(record);
	}
	return records;
}
