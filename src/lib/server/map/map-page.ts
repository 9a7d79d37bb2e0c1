// What the incident's map page loads: the topic position first (its live subscription starts there),
// then the drawn features, and whether this user may draw.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { currentSeq } from '../realtime/event-log';
import { requireReadableIncident } from '../incident-access/incident-access';
import { canDraw } from './map-service';
import { listFeatures } from './map-queries';

export async function loadMapPage(db: Kysely<DB>, user: SessionUser, incidentId: string) {
	const seq = await currentSeq(db, `incident:${incidentId}`);
	const incident = await requireReadableIncident(db, user, incidentId);
	return { seq, features: await listFeatures(db, incidentId), canDraw: canDraw(user, incident) };
}
