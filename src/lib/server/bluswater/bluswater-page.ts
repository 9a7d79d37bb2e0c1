// What the regional bluswater board needs in one load, and the topic position it reflects
// (so the live subscription starts exactly there).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { currentSeq } from '../realtime/event-log';
import { listIncidents } from '../incident-access/incident-record-queries';
import { canManageBluswater, requireRead } from './bluswater-access';
import { openRequestsFor, refillPointsFor, unitsFor } from './bluswater-service';

export async function loadBluswaterBoard(db: Kysely<DB>, user: SessionUser) {
	requireRead(user);
	// Position first: anything after it is replayed by the subscription, anything before is loaded.
	const seq = await currentSeq(db, 'bluswater');
	const [units, refillPoints, requests] = [await unitsFor(db, user), await refillPointsFor(db, user), await openRequestsFor(db, user)];
	const canManageReal = canManageBluswater(user, false);
	const canManageExercise = canManageBluswater(user, true);
	// Incidents a new water request may be made for: open ones this user may steer.
	const incidents = canManageExercise
		? (await listIncidents(db, { includeClosed: false }))
				.filter((i) => canManageBluswater(user, i.exercise))
				.map((i) => ({ id: i.id, title: i.title, exercise: i.exercise }))
		: [];
	return { seq, units, refillPoints, requests, incidents, canManageReal, canManageExercise, canEditFleet: can(user, 'fleet.edit') };
}
