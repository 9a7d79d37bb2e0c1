// The evaluation timeline of an exercise (or incident): every log entry, GRIP change and task
// change with response times, as JSON, CSV or PDF. For the crisis team, and for the
// oefenleider of an exercise.
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { forbidden } from '../errors';
import { canOnIncident, requireReadableIncident } from '../incident-access/incident-access';
import type { IncidentRecord } from '../incident-access/incident-record-queries';
import { gripHistory } from '../incidents/incident-queries';
import { EXERCISE_MARK } from '../../domain/incidents';
import { buildTimeline, offsetLabel, type TimelineRow, type TimelineTaskChange } from '../../domain/evaluation';
import { entryAsSeenBy } from '../../domain/injects';
import { listEntries } from './log-queries';
import { taskChangesOfIncident } from '../tasks/task-queries';
import { disciplineLabel, formatTime, renderTimelinePdf } from './pdf';

interface Ctx {
	ip: string | null;
}

export function canExportTimeline(user: SessionUser, incident: IncidentRecord): boolean {
	return canOnIncident(user, 'timeline.export', incident);
}

async function taskChanges(db: Kysely<DB>, incidentId: string): Promise<TimelineTaskChange[]> {
	const rows = await taskChangesOfIncident(db, incidentId);
	return rows.map((r) => ({
		taskId: r.taskId,
		title: r.title,
		process: r.process,
		version: r.version,
		at: r.changedAt.toISOString(),
		by: r.name,
		changes: (r.changes ?? {}) as Record<string, unknown>
	}));
}

export async function timelineOf(db: Kysely<DB>, user: SessionUser, incidentId: string): Promise<{ incident: IncidentRecord; rows: TimelineRow[] }> {
	const incident = await requireReadableIncident(db, user, incidentId);
	if (!canExportTimeline(user, incident)) throw forbidden('Alleen het crisisteam (bij een oefening ook de oefenleider) maakt de evaluatietijdlijn.');
	// The evaluation shows which messages were staged only to the oefenleiding.
	const seesInjects = incident.exercise && canOnIncident(user, 'inject.manage', incident);
	const entries = (await listEntries(db, incidentId)).map((e) => entryAsSeenBy(e, seesInjects));
	const rows = buildTimeline({
		start: incident.startedAt,
		entries: entries.map((e) => ({
			number: e.number,
			kind: e.kind,
			discipline: e.discipline,
			text: e.text,
			happenedAt: e.happenedAt,
			loggedAt: e.loggedAt,
			author: e.author.name,
			fromInject: e.injectId !== null,
			corrects: e.corrects?.number ?? null,
			verifiedAt: e.verified?.at ?? null
		})),
		gripChanges: (await gripHistory(db, incidentId)).map((g) => ({ at: g.at, from: g.from, to: g.to, reason: g.reason, by: g.by.name })),
		taskChanges: await taskChanges(db, incidentId)
	});
	return { incident, rows };
}

async function auditExport(db: Kysely<DB>, user: SessionUser, incident: IncidentRecord, format: string, ctx: Ctx) {
	await writeAudit(db, {
		actorId: user.id,
		action: 'timeline.exported',
		entityType: 'incident',
		entityId: incident.id,
		ip: ctx.ip,
		details: { format, exercise: incident.exercise }
	});
}

const CSV_COLUMNS = ['markering', 'tijdstip', 'tijd', 't', 'soort', 'discipline', 'omschrijving', 'door', 'reactietijd_min', 'registratievertraging_min', 'verificatietijd_min'];

/** CSV for a spreadsheet (semicolons, as Dutch Excel expects); every row of an exercise carries the mark. */
export async function timelineCsv(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx): Promise<{ incident: IncidentRecord; csv: string }> {
	const { incident, rows } = await timelineOf(db, user, incidentId);
	const csv = stringify(
		rows.map((r) => ({
			markering: incident.exercise ? EXERCISE_MARK : '',
			tijdstip: r.at,
			tijd: formatTime(r.at),
			t: offsetLabel(r.offsetMinutes),
			soort: r.type,
			discipline: r.discipline ? disciplineLabel(r.discipline) : '',
			omschrijving: r.description,
			door: r.actor,
			reactietijd_min: r.responseMinutes ?? '',
			registratievertraging_min: r.loggingDelayMinutes ?? '',
			verificatietijd_min: r.verificationMinutes ?? ''
		})),
		{ header: true, columns: CSV_COLUMNS, delimiter: ';', bom: true }
	);
	await auditExport(db, user, incident, 'csv', ctx);
	return { incident, csv };
}

export async function timelinePdf(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx): Promise<{ incident: IncidentRecord; pdf: Buffer }> {
	const { incident, rows } = await timelineOf(db, user, incidentId);
	const pdf = await renderTimelinePdf({ title: incident.title, exercise: incident.exercise, startedAt: incident.startedAt, rows });
	await auditExport(db, user, incident, 'pdf', ctx);
	return { incident, pdf };
}
