// Alerting within an incident: "Alarmeren" by the crisis team, the alert as the API returns it,
// and the incident's attendance board. Made by `alertService(deps)`, so the composition root
// decides where messages go (request-services.ts) and a test can record them.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { ServiceError, forbidden, invalid, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { momentOf, type Clocked } from '../clock.ts';
import { requireReadableIncident } from '../incident-access/incident-access.ts';
import { lockIncident } from '../logbook/log-queries.ts';
import type { AlertCreated, AlertRecord } from '../../contracts/alert.ts';
import type { NewAlertInput } from '../../contracts/alert-input.ts';
import { issueAlert, type IssueDeps } from './alert-issue.ts';
import { alertsOfIncident, findAlert } from './alert-queries.ts';
import { listFunctions } from './oncall-queries.ts';

interface Ctx extends Clocked {
	ip: string | null;
}

export const closedForAlerts = () => new ServiceError(409, 'incident_closed', 'Dit incident is gesloten; er wordt niet meer gealarmeerd.');

export function canSendAlert(user: SessionUser, incident: { exercise: boolean }): boolean {
	return can(user, 'alert.send', { exercise: incident.exercise });
}

/** Refuses codes that are no crisis function, naming each wrong one; keeps the order, drops doubles. */
export async function knownFunctions(db: Kysely<DB>, codes: readonly string[]): Promise<string[]> {
	const known = new Set((await listFunctions(db)).map((f) => f.code));
	const wrong = codes.map((code, i) => ({ code, i })).filter((c) => !known.has(c.code));
	if (wrong.length > 0) {
		throw invalid(
			wrong.map((w) => ({ field: `functions.${w.i}`, message: `Onbekende functie: ${w.code}` })),
			`Onbekende functie: ${wrong.map((w) => w.code).join(', ')}`
		);
	}
	return [...new Set(codes)];
}

export function alertService(deps: () => IssueDeps) {
	return {
		/** `POST /api/v1/incidents/:id/alerts`: alerts whoever is on duty for the chosen functions. */
		async sendAlert(db: Kysely<DB>, user: SessionUser, incidentId: string, input: NewAlertInput, ctx: Ctx): Promise<AlertCreated & { alert: AlertRecord }> {
			const incident = await requireReadableIncident(db, user, incidentId);
			if (!canSendAlert(user, incident)) throw forbidden('Alleen het crisisteam (bij een oefening ook de oefenleider) alarmeert.');
			const functions = await knownFunctions(db, input.functions);
			const at = momentOf(ctx);
			const issued = await transact(db, async (trx) => {
				const locked = await lockIncident(trx, incidentId);
				if (!locked || locked.status === 'gesloten') throw closedForAlerts();
				return issueAlert(
					trx,
					{ incident: { id: incident.id, title: incident.title, exercise: incident.exercise }, functions, message: input.message, gripLevel: null, sender: { id: user.id, name: user.name }, ip: ctx.ip },
					at,
					deps()
				);
			});
			return {
				id: issued.alert.id,
				recipients: issued.alert.recipients.map((r) => ({ userId: r.userId, function: r.function, status: r.status })),
				unstaffed: issued.unstaffed,
				alert: issued.alert
			};
		},

		/** `GET /api/v1/alerts/:id`: every recipient's status and times. */
		async alertOf(db: Kysely<DB>, user: SessionUser, alertId: string): Promise<AlertRecord> {
			if (!can(user, 'incident.read')) throw forbidden('Je hebt geen toegang tot incidenten.');
			const alert = isUuid(alertId) ? await findAlert(db, alertId) : undefined;
			if (!alert) throw notFound('Deze alarmering bestaat niet.');
			return alert;
		},

		/** The attendance board (opkomst): the incident's alerts, newest first. */
		async alertsOf(db: Kysely<DB>, user: SessionUser, incidentId: string): Promise<{ alerts: AlertRecord[]; canSend: boolean; functions: { code: string; name: string }[] }> {
			const incident = await requireReadableIncident(db, user, incidentId);
			const canSend = canSendAlert(user, incident) && incident.status !== 'gesloten';
			const functions = canSend ? (await listFunctions(db)).map((f) => ({ code: f.code, name: f.name })) : [];
			return { alerts: await alertsOfIncident(db, incidentId), canSend, functions };
		}
	};
}
