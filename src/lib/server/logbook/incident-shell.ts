// What every page of one incident shows: the incident header (with the exercise mark), the
// tabs this user may open, and the number of unread log entries.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { currentSeq } from '../realtime/event-log';
import { requireReadableIncident } from '../incidents/incident-service';
import { canManageInjects } from '../injects/inject-service';
import { canExportTimeline } from './timeline-service';
import { unreadCount } from './log-queries';

export async function loadIncidentShell(db: Kysely<DB>, user: SessionUser, id: string) {
	// Position first: anything after it is replayed by the subscription, anything before is loaded.
	const seq = await currentSeq(db, `incident:${id}`);
	const incident = await requireReadableIncident(db, user, id);
	return {
		incident,
		shellSeq: seq,
		unread: await unreadCount(db, id, user.id),
		tabs: { injects: canManageInjects(user, incident), timeline: canExportTimeline(user, incident) }
	};
}
