// What every page of one incident shows: the incident header (with the exercise mark), the
// tabs this user may open, and the number of unread log entries.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { currentSeq } from '../realtime/event-log';
import { canManageInjects, requireReadableIncident } from '../incident-access/incident-access';
import { canExportTimeline } from './timeline-service';
import { unreadCount } from './log-queries';

export async function loadIncidentShell(db: Kysely<DB>, user: SessionUser, id: string) {
	// Header, topic position and unread count from one snapshot: an entry committed in between
	// would otherwise be counted here and again when its live event arrives.
	const { incident, seq, unread } = await db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => ({
			seq: await currentSeq(trx, `incident:${id}`),
			incident: await requireReadableIncident(trx, user, id),
			unread: await unreadCount(trx, id, user.id)
		}));
	return {
		incident,
		shellSeq: seq,
		unread,
		tabs: { injects: canManageInjects(user, incident), timeline: canExportTimeline(user, incident) }
	};
}
