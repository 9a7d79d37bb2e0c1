// Helpers for the logbook, picture, SITRAP and inject tests: input through the real schemas and
// row counts of every table those services write to.
import { sql } from 'kysely';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { newLogEntryInput } from '../../src/lib/server/logbook/log-input.ts';
import { addLogEntry } from '../../src/lib/server/logbook/log-service.ts';
import type { LogEntryRecord } from '../../src/lib/server/logbook/log-queries.ts';
import { ctx, parse } from './incident-fixtures.ts';

type Table = 'log_entry' | 'log_read' | 'situation_section' | 'sitrap' | 'inject' | 'audit_log' | 'realtime_event';
const TABLES: Table[] = ['log_entry', 'log_read', 'situation_section', 'sitrap', 'inject', 'audit_log', 'realtime_event'];

export async function logbookCounts(db: Database): Promise<Record<Table, number>> {
	const out = {} as Record<Table, number>;
	for (const table of TABLES) {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
		out[table] = rows[0]!.n;
	}
	return out;
}

/** Adds an entry through the schema and the service. */
export async function logEntry(
	db: Database,
	user: SessionUser,
	incidentId: string,
	input: { kind?: string; discipline?: string; text?: string; happenedAt?: string; source?: string; correctsId?: string } = {}
): Promise<LogEntryRecord> {
	const body = { kind: 'melding', discipline: 'algemeen', text: 'Melding van de meldkamer', ...input };
	return addLogEntry(db, user, incidentId, parse(newLogEntryInput, body), ctx);
}

export const eventsOfType = async (db: Database, topic: string, type: string) =>
	db.selectFrom('realtimeEvent').selectAll().where('topic', '=', topic).where('type', '=', type).orderBy('seq').execute();
