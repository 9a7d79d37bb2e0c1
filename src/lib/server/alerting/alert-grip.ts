// Raising GRIP alerts the functions configured for the levels above the old one (DOMAIN.md §7;
// the configuration is data, kept on /beheer/piket). The GRIP change and its alert are one
// transaction: the incident service calls back into this one inside its own.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import type { Clocked } from '../clock.ts';
import { changeGrip } from '../incidents/incident-service.ts';
import type { GripChangeInput } from '../incidents/incident-input.ts';
import { gripAlertFunctions } from '../../domain/oncall/roster.ts';
import { issueAlert, type IssueDeps } from './alert-issue.ts';
import { gripAlertConfig } from './oncall-queries.ts';

interface Ctx extends Clocked {
	ip: string | null;
}

export function alertGripService(deps: () => IssueDeps) {
	return {
		/** `POST /api/v1/incidents/:id/grip` and the GRIP form: the change, and its alert if it went up. */
		async changeGripAndAlert(db: Kysely<DB>, user: SessionUser, incidentId: string, input: GripChangeInput, ctx: Ctx) {
			return changeGrip(db, user, incidentId, input, {
				...ctx,
				async afterGripChange(trx, change) {
					const functions = gripAlertFunctions(await gripAlertConfig(trx), change.from, change.to);
					if (functions.length === 0) return;
					const i = change.incident;
					await issueAlert(
						trx,
						{
							incident: { id: i.id, title: i.title, exercise: i.exercise },
							functions,
							message: `GRIP ${change.to}: ${input.reason}`.slice(0, 1000),
							gripLevel: change.to,
							sender: { id: user.id, name: user.name },
							ip: ctx.ip
						},
						change.at,
						deps()
					);
				}
			});
		}
	};
}
