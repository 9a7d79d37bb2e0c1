// The one-tap link: what its page shows and the one answer it gives. No session is involved and
// none is made; the token is looked up by its hash here and nowhere else, so it opens this one
// recipient's answer and nothing more. GET (the page) never answers: mail scanners fetch links.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { momentOf, type Clocked } from '../clock.ts';
import { lockIncident } from '../logbook/log-queries.ts';
import { formatLocal, localTime } from '../../domain/events/event-time.ts';
import { statusAfterAnswer, type AlertAnswer, type AlertStatus } from '../../domain/alerting/statuses.ts';
import type { AlertAnswerOutcome, AlertLinkAlert, AlertLinkView } from '../../contracts/alert-link.ts';
import { alertTokenHash } from './alert-token.ts';

export type { AlertAnswerOutcome, AlertLinkView };
import { announceAlert, escalateRecipient, logAlertEntry, type IssueDeps } from './alert-issue.ts';
import { lockRecipient, recipientByTokenHash, recordAnswer, recordSeen, type RecipientByToken } from './alert-queries.ts';

interface Ctx extends Clocked {
	ip: string | null;
}

/** The latest arrival a person may announce: half a day ahead. */
export const MAX_ETA_MINUTES = 720;

function shown(r: RecipientByToken): AlertLinkAlert {
	return {
		name: r.name,
		functionName: r.functionName,
		incidentTitle: r.incidentTitle,
		exercise: r.kind === 'oefening',
		gripLevel: r.gripLevel,
		message: r.message,
		senderName: r.senderName,
		sentAt: r.alertCreatedAt.toISOString()
	};
}

function viewOf(r: RecipientByToken | undefined, now: Date): AlertLinkView {
	if (!r) return { state: 'unknown' };
	const alert = shown(r);
	if (r.linkUsedAt) return { state: 'used', alert, status: r.status as AlertStatus, answeredAt: r.answeredAt?.toISOString() ?? null, eta: r.eta?.toISOString() ?? null };
	if (r.linkExpiresAt.getTime() <= now.getTime()) return { state: 'expired', alert };
	if (r.incidentStatus === 'gesloten') return { state: 'closed', alert };
	return { state: 'open', alert, expiresAt: r.linkExpiresAt.toISOString() };
}

async function byToken(db: Kysely<DB>, token: string): Promise<RecipientByToken | undefined> {
	const hash = alertTokenHash(token);
	return hash ? recipientByTokenHash(db, hash) : undefined;
}

export function alertLinkService(deps: () => IssueDeps) {
	return {
		/** The page behind the link; reads only. */
		async alertLinkView(db: Kysely<DB>, token: string, ctx: Clocked = {}): Promise<AlertLinkView> {
			return viewOf(await byToken(db, token), momentOf(ctx));
		},

		/** The page was opened in a browser (its script says so): "verzonden" becomes "ontvangen". */
		async markAlertSeen(db: Kysely<DB>, token: string, ctx: Clocked = {}): Promise<boolean> {
			const r = await byToken(db, token);
			if (!r || viewOf(r, momentOf(ctx)).state !== 'open' || r.status !== 'verzonden') return false;
			return transact(db, async (trx) => {
				if (!(await recordSeen(trx, r.id))) return false;
				await announceAlert(trx, r.alertId, 'alert.updated', { id: r.userId, name: r.name }, momentOf(ctx));
				return true;
			});
		},

		/**
		 * Answers once: "Ik kom" (with an optional arrival in minutes) or "Ik kan niet", which passes
		 * the alert to the backup at once. A used, expired or unknown link answers nothing.
		 */
		async answerAlert(db: Kysely<DB>, token: string, answer: AlertAnswer, etaMinutes: number | null, ctx: Ctx): Promise<AlertAnswerOutcome> {
			const found = await byToken(db, token);
			const at = momentOf(ctx);
			const before = viewOf(found, at);
			if (before.state !== 'open' || !found) return before;
			return transact(db, async (trx) => {
				// The recipient first, then the incident: the scheduler's order, so the two never deadlock.
				const locked = await lockRecipient(trx, found.id);
				if (!locked || locked.linkUsedAt) return viewOf(await byToken(trx, token), at);
				const incident = await lockIncident(trx, found.incidentId);
				if (!incident || incident.status === 'gesloten') return { state: 'closed', alert: shown(found) } as const;
				const status = statusAfterAnswer(answer);
				const eta = answer === 'komt' && etaMinutes !== null ? new Date(at.getTime() + etaMinutes * 60_000) : null;
				if (!(await recordAnswer(trx, found.id, { status, eta, at }))) return viewOf(await byToken(trx, token), at);
				const target = { id: found.incidentId, title: found.incidentTitle, exercise: found.kind === 'oefening' };
				const person = { id: found.userId, name: found.name };
				const words = answer === 'komt' ? `komt${eta ? `, verwacht om ${localTime(eta)}` : ''}` : 'kan niet komen';
				await logAlertEntry(trx, target, { kind: 'melding', text: `${found.name} (${found.functionName}) ${words}; antwoord op de alarmering van ${formatLocal(found.alertCreatedAt)}.`, authorId: found.userId, at }, person);
				await writeAudit(trx, {
					actorId: found.userId,
					action: 'alert.answered',
					entityType: 'alert',
					entityId: found.alertId,
					ip: ctx.ip,
					at,
					details: { incidentId: found.incidentId, function: found.functionCode, answer, exercise: target.exercise }
				});
				if (answer === 'komt_niet') await escalateRecipient(trx, found.id, target, at, deps());
				await announceAlert(trx, found.alertId, 'alert.updated', person, at);
				return { state: 'answered', alert: shown(found), status, eta: eta?.toISOString() ?? null } as const;
			});
		}
	};
}
