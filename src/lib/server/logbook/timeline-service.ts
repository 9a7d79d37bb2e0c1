// The evaluation timeline of an exercise (or incident): every log entry, GRIP change and task
// change with response times, as JSON, CSV, Excel or PDF. For the crisis team, and for the
// oefenleider of an exercise.
import type { Kysely } from 'kysely';
import { tableCsv } from '../spreadsheet/csv';
import { tableXlsx } from '../spreadsheet/xlsx';
import type { ExportTable } from '../spreadsheet/table';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { forbidden } from '../errors';
import { canOnIncident, requireReadableIncident } from '../incident-access/incident-access';
import type { IncidentRecord } from '../incident-access/incident-record-queries';
import { gripHistory } from '../incidents/incident-queries';
import { EXERCISE_MARK } from '../../domain/incidents';
import { buildTimeline, type TimelineRow, type TimelineTaskChange } from '../../domain/evaluation';
import { entryAsSeenBy } from '../../domain/injects';
import { listEntries } from './log-queries';
import { taskChangesOfIncident } from '../tasks/task-queries';
import { featureChangesOfIncident } from '../map/map-queries';
import { disciplineLabel, renderTimelinePdf } from './pdf';

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
		taskChanges: await taskChanges(db, incidentId),
		mapChanges: (await featureChangesOfIncident(db, incidentId)).map((c) => ({
			featureId: c.featureId,
			version: c.version,
			action: c.action as 'created' | 'updated' | 'deleted',
			type: c.type,
			label: c.label,
			geometryType: c.geometryType,
			fields: c.fields,
			at: c.changedAt.toISOString(),
			by: c.name
		}))
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

const TYPE_LABELS: Record<TimelineRow['type'], string> = { logregel: 'Logregel', inject: 'Inject', grip: 'GRIP', taak: 'Taak', kaart: 'Kaart' };

/** The evaluation timeline as a list: Dutch headers, one date-time format (to the second). */
function timelineTable(incident: IncidentRecord): ExportTable<TimelineRow> {
	return {
		sheet: 'Evaluatietijdlijn',
		dateTimeFormat: 'seconds',
		columns: [
			{ header: 'Markering', type: 'text', value: () => (incident.exercise ? EXERCISE_MARK : '') },
			{ header: 'Tijdstip', type: 'datetime', value: (r) => r.at },
			{ header: 'Minuten na start (T)', type: 'number', value: (r) => r.offsetMinutes },
			{ header: 'Soort', type: 'text', value: (r) => TYPE_LABELS[r.type] },
			{ header: 'Discipline', type: 'text', value: (r) => (r.discipline ? disciplineLabel(r.discipline) : '') },
			{ header: 'Omschrijving', type: 'text', value: (r) => r.description, width: 60 },
			{ header: 'Door', type: 'text', value: (r) => r.actor, width: 24 },
			{ header: 'Reactietijd (minuten)', type: 'number', value: (r) => r.responseMinutes },
			{ header: 'Registratievertraging (minuten)', type: 'number', value: (r) => r.loggingDelayMinutes },
			{ header: 'Verificatietijd (minuten)', type: 'number', value: (r) => r.verificationMinutes }
		]
	};
}

/** CSV for a spreadsheet (semicolons, as Dutch Excel expects); every row of an exercise carries the mark. */
export async function timelineCsv(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx): Promise<{ incident: IncidentRecord; csv: string }> {
	const { incident, rows } = await timelineOf(db, user, incidentId);
	const csv = tableCsv(timelineTable(incident), rows);
	await auditExport(db, user, incident, 'csv', ctx);
	return { incident, csv };
}

/** The same list as an Excel workbook with date and number cells. */
export async function timelineXlsx(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx): Promise<{ incident: IncidentRecord; xlsx: Buffer }> {
	const { incident, rows } = await timelineOf(db, user, incidentId);
	const xlsx = await tableXlsx(timelineTable(incident), rows);
	await auditExport(db, user, incident, 'xlsx', ctx);
	return { incident, xlsx };
}

export async function timelinePdf(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx): Promise<{ incident: IncidentRecord; pdf: Buffer }> {
	const { incident, rows } = await timelineOf(db, user, incidentId);
	const pdf = await renderTimelinePdf({ title: incident.title, exercise: incident.exercise, startedAt: incident.startedAt, rows });
	await auditExport(db, user, incident, 'pdf', ctx);
	return { incident, pdf };
}
