// Making an alert happen, inside a transaction the caller opened: recipients with their one-tap
// tokens, the composed messages handed to the delivery, a logbook entry, an audit row and the
// realtime event. Shared by the alert service ("Alarmeren", raising GRIP), the one-tap answer
// ("Ik kan niet" passes the alert on) and the escalation scheduler. Framework-free (relative .ts
// imports), because the scheduler runs outside SvelteKit.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { PersonRef } from '../../contracts/people.ts';
import type { AlertRecord } from '../../contracts/alert.ts';
import { writeAudit } from '../audit/audit.ts';
import { publish } from '../realtime/event-log.ts';
import { findEntry, insertEntry } from '../logbook/log-queries.ts';
import { entryAsSeenBy } from '../../domain/injects.ts';
import { composeAlertMessage, type AlertNotification } from '../../domain/alerting/message.ts';
import { escalationDecision, escalationMoment } from '../../domain/alerting/escalation.ts';
import { onDutyAt } from '../../domain/oncall/roster.ts';
import { formatLocal } from '../../domain/events/event-time.ts';
import type { AlertStatus } from '../../domain/alerting/statuses.ts';
import { alertLink, alertTokenHash, newAlertToken } from './alert-token.ts';
import type { DeliverNotifications } from './notification-delivery.ts';
import type { AlertSettings } from './alert-settings.ts';
import { periodsCovering } from './oncall-queries.ts';
import { alertHeader, findAlert, functionNames, insertAlert, insertRecipients, lockRecipient, markEscalated, userNames, type NewRecipient } from './alert-queries.ts';

export interface IssueDeps {
	deliver: DeliverNotifications;
	settings: AlertSettings;
}

export interface IncidentForAlert {
	id: string;
	title: string;
	exercise: boolean;
}

interface Target {
	userId: string;
	functionCode: string;
	backupUserId: string | null;
	escalatedFrom: string | null;
	backupFor: string | null;
}

/** The logbook's own source for what Paraat's alerting wrote. */
export const ALERT_LOG_SOURCE = 'Paraat alarmering';

/** Inserts the recipients, composes one message each and hands them all to the delivery at once. */
async function addRecipients(
	trx: Transaction<DB>,
	alert: { id: string; message: string; gripLevel: number | null; senderName: string },
	incident: IncidentForAlert,
	targets: readonly Target[],
	at: Date,
	deps: IssueDeps
): Promise<void> {
	if (targets.length === 0) return;
	const names = await userNames(trx, targets.map((t) => t.userId));
	const functions = await functionNames(trx, targets.map((t) => t.functionCode));
	const linkExpiresAt = new Date(at.getTime() + deps.settings.linkHours * 3_600_000);
	const rows: NewRecipient[] = [];
	const messages: AlertNotification[] = [];
	for (const t of targets) {
		const token = newAlertToken();
		rows.push({
			alertId: alert.id,
			userId: t.userId,
			functionCode: t.functionCode,
			backupUserId: t.backupUserId,
			escalatedFrom: t.escalatedFrom,
			tokenHash: alertTokenHash(token)!,
			linkExpiresAt,
			sentAt: at,
			escalateAt: t.backupUserId ? escalationMoment(at, deps.settings.escalationMinutes) : null
		});
		messages.push(
			composeAlertMessage({
				userId: t.userId,
				recipientName: names.get(t.userId) ?? '',
				functionName: functions.get(t.functionCode) ?? t.functionCode,
				incidentTitle: incident.title,
				exercise: incident.exercise,
				gripLevel: alert.gripLevel,
				message: alert.message,
				senderName: alert.senderName,
				sentAt: at,
				link: alertLink(deps.settings.baseUrl, token),
				linkExpiresAt,
				backupFor: t.backupFor
			})
		);
	}
	await insertRecipients(trx, rows);
	await deps.deliver(trx, messages);
}

/** Appends a logbook entry (the caller holds the incident lock) and announces it to the players. */
export async function logAlertEntry(
	trx: Transaction<DB>,
	incident: IncidentForAlert,
	entry: { kind: 'actie' | 'melding'; text: string; authorId: string; at: Date },
	actor: PersonRef | null
): Promise<void> {
	const id = await insertEntry(trx, {
		incidentId: incident.id,
		kind: entry.kind,
		discipline: 'bevolkingszorg',
		text: entry.text,
		happenedAt: entry.at,
		source: ALERT_LOG_SOURCE,
		authorId: entry.authorId,
		loggedAt: entry.at
	});
	const record = (await findEntry(trx, id))!;
	await publish(trx, { topic: `incident:${incident.id}`, type: 'log.created', data: entryAsSeenBy(record, false), actor, exercise: incident.exercise, at: entry.at });
}

export async function announceAlert(trx: Transaction<DB>, alertId: string, type: 'alert.created' | 'alert.updated', actor: PersonRef | null, at: Date): Promise<AlertRecord> {
	const alert = (await findAlert(trx, alertId))!;
	await publish(trx, { topic: `incident:${alert.incidentId}`, type, data: alert, actor, exercise: alert.exercise, at });
	return alert;
}

export interface IssuedAlert {
	alert: AlertRecord;
	unstaffed: string[];
}

/**
 * Alerts whoever is on duty now for each function. The caller holds the incident lock and has
 * checked that the incident is open and the functions exist. A function without anyone on duty is
 * returned as unstaffed (and named in the logbook), not refused: the others must still be called.
 */
export async function issueAlert(
	trx: Transaction<DB>,
	input: { incident: IncidentForAlert; functions: string[]; message: string; gripLevel: number | null; sender: PersonRef; ip?: string | null },
	at: Date,
	deps: IssueDeps
): Promise<IssuedAlert> {
	const periods = await periodsCovering(trx, at, input.functions);
	const onDuty = onDutyAt(periods, at);
	const targets: Target[] = input.functions
		.filter((code) => onDuty.has(code))
		.map((code) => {
			const p = onDuty.get(code)!;
			return { userId: p.userId, functionCode: code, backupUserId: p.backupUserId, escalatedFrom: null, backupFor: null };
		});
	const unstaffed = input.functions.filter((code) => !onDuty.has(code));
	const alertId = await insertAlert(trx, {
		incidentId: input.incident.id,
		message: input.message,
		functions: input.functions,
		gripLevel: input.gripLevel,
		createdBy: input.sender.id,
		createdAt: at
	});
	await addRecipients(trx, { id: alertId, message: input.message, gripLevel: input.gripLevel, senderName: input.sender.name }, input.incident, targets, at, deps);

	const fnames = await functionNames(trx, input.functions);
	const called = targets.map((t) => `${fnames.get(t.functionCode)} (${onDuty.get(t.functionCode)!.userName})`);
	const text = [
		input.gripLevel !== null ? `Alarmering bij GRIP ${input.gripLevel}` : 'Alarmering',
		called.length > 0 ? `: ${called.join(', ')}.` : ': niemand gealarmeerd.',
		unstaffed.length > 0 ? ` Geen piketdienst voor: ${unstaffed.map((c) => fnames.get(c) ?? c).join(', ')}.` : '',
		` Bericht: ${input.message}`
	].join('');
	await logAlertEntry(trx, input.incident, { kind: 'actie', text, authorId: input.sender.id, at }, input.sender);
	await writeAudit(trx, {
		actorId: input.sender.id,
		action: 'alert.created',
		entityType: 'alert',
		entityId: alertId,
		ip: input.ip ?? null,
		at,
		details: { incidentId: input.incident.id, functions: input.functions, recipients: targets.length, unstaffed, grip: input.gripLevel, exercise: input.incident.exercise }
	});
	const alert = await announceAlert(trx, alertId, 'alert.created', input.sender, at);
	return { alert, unstaffed };
}

/**
 * Passes one recipient's alert to the backup of their duty period, if the rule says so now
 * (no answer within the minutes, or "Ik kan niet"). The caller holds the incident lock. Returns
 * whether it escalated; the alert's event is left to the caller, who may have more to announce.
 */
export async function escalateRecipient(
	trx: Transaction<DB>,
	recipientId: string,
	incident: IncidentForAlert,
	at: Date,
	deps: IssueDeps
): Promise<boolean> {
	const r = await lockRecipient(trx, recipientId);
	if (!r) return false;
	const decision = escalationDecision({ status: r.status as AlertStatus, backupUserId: r.backupUserId, escalateAt: r.escalateAt, escalatedAt: r.escalatedAt }, at);
	if (decision !== 'escalate') return false;
	const unanswered = r.status !== 'komt_niet';
	await markEscalated(trx, r.id, at, unanswered);
	const alert = (await alertHeader(trx, r.alertId))!;
	const names = await userNames(trx, [r.userId, r.backupUserId!, alert.createdBy]);
	const fnames = await functionNames(trx, [r.functionCode]);
	const who = names.get(r.userId) ?? '';
	await addRecipients(
		trx,
		{ id: alert.id, message: alert.message, gripLevel: alert.gripLevel, senderName: names.get(alert.createdBy) ?? '' },
		incident,
		[{ userId: r.backupUserId!, functionCode: r.functionCode, backupUserId: null, escalatedFrom: r.id, backupFor: who }],
		at,
		deps
	);
	const reason = unanswered ? `Geen antwoord van ${who} binnen ${deps.settings.escalationMinutes} minuten` : `${who} kan niet komen`;
	await logAlertEntry(
		trx,
		incident,
		{ kind: 'actie', text: `${reason} (${fnames.get(r.functionCode)}): alarmering doorgezet naar backup ${names.get(r.backupUserId!)} om ${formatLocal(at)}.`, authorId: alert.createdBy, at },
		null
	);
	await writeAudit(trx, {
		actorId: null,
		action: 'alert.escalated',
		entityType: 'alert',
		entityId: alert.id,
		at,
		details: { incidentId: incident.id, function: r.functionCode, unanswered, exercise: incident.exercise }
	});
	return true;
}
