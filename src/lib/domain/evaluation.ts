// The evaluation timeline of an exercise (or incident): every log entry, GRIP change and task
// change in time order, with response times. Pure: the server gathers the rows, this orders
// them and measures.
import { taskChangePhrase } from './wording/changes.ts';
import { featureTypeLabel, GEOMETRY_LABELS, type GeometryType } from './map/feature-types.ts';

export interface TimelineLogEntry {
	number: number;
	kind: string;
	discipline: string;
	text: string;
	happenedAt: string;
	loggedAt: string;
	author: string;
	fromInject: boolean;
	corrects: number | null;
	verifiedAt: string | null;
}

export interface TimelineGripChange {
	at: string;
	from: number | null;
	to: number;
	reason: string;
	by: string;
}

export interface TimelineTaskChange {
	taskId: string;
	title: string;
	process: string;
	version: number;
	at: string;
	by: string;
	/** The fields changed, as recorded (version 1 is the creation). */
	changes: Record<string, unknown>;
}

/** One change of a feature drawn on the incident map. */
export interface TimelineMapChange {
	featureId: string;
	version: number;
	action: 'created' | 'updated' | 'deleted';
	type: string;
	label: string;
	geometryType: string;
	/** What changed (Dutch words: vorm, soort, naam, kleur); empty for created and deleted. */
	fields: string[];
	at: string;
	by: string;
}

export type TimelineRowType = 'logregel' | 'inject' | 'grip' | 'taak' | 'kaart';

export interface TimelineRow {
	at: string;
	/** Whole minutes after the start ("T+"), negative before it. */
	offsetMinutes: number;
	type: TimelineRowType;
	/** Discipline or bevolkingszorg process, '' when not applicable. */
	discipline: string;
	description: string;
	actor: string;
	/**
	 * Response time in minutes: for an inject the first following besluit or actie of the same
	 * discipline (any discipline for algemeen); for a task, creation to gereed (on the row that
	 * finishes it); null when there is none (yet).
	 */
	responseMinutes: number | null;
	/** Minutes between happening and logging (log entries only). */
	loggingDelayMinutes: number | null;
	/** Minutes between logging and verification (log entries only). */
	verificationMinutes: number | null;
}

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

const RESPONSE_KINDS = new Set(['besluit', 'actie']);

/** Per inject entry number: minutes until the first following besluit or actie that answers it. */
export function injectResponseTimes(entries: TimelineLogEntry[]): Map<number, number | null> {
	const ordered = [...entries].sort((a, b) => Date.parse(a.loggedAt) - Date.parse(b.loggedAt) || a.number - b.number);
	const result = new Map<number, number | null>();
	ordered.forEach((inject, i) => {
		if (!inject.fromInject) return;
		const answer = ordered
			.slice(i + 1)
			.find((e) => !e.fromInject && RESPONSE_KINDS.has(e.kind) && (inject.discipline === 'algemeen' || e.discipline === inject.discipline));
		result.set(inject.number, answer ? minutesBetween(inject.loggedAt, answer.loggedAt) : null);
	});
	return result;
}

/** Per task: minutes from its creation to the change that made it gereed (the last such). */
export function taskCompletionTimes(changes: TimelineTaskChange[]): Map<string, { version: number; minutes: number }> {
	const created = new Map<string, string>();
	const done = new Map<string, { version: number; minutes: number }>();
	for (const c of [...changes].sort((a, b) => a.version - b.version)) {
		if (c.version === 1) created.set(c.taskId, c.at);
		const start = created.get(c.taskId);
		if (c.changes.status === 'gereed' && start) done.set(c.taskId, { version: c.version, minutes: minutesBetween(start, c.at) });
	}
	return done;
}

function describeTaskChange(c: TimelineTaskChange): string {
	if (c.version === 1) return `Taak aangemaakt: ${c.title}`;
	return `Taak ${c.title}: ${taskChangePhrase(c.changes) || 'gewijzigd'}`;
}

const TYPE_ORDER: Record<TimelineRowType, number> = { grip: 0, inject: 1, logregel: 2, taak: 3, kaart: 4 };

/** "Evacuatiegebied «Noord» getekend (vlak)", "… gewijzigd: naam, vorm", "… verwijderd". */
export function describeMapChange(c: TimelineMapChange): string {
	const what = `${featureTypeLabel(c.type)} «${c.label}»`;
	const shape = GEOMETRY_LABELS[c.geometryType as GeometryType] ?? c.geometryType;
	if (c.action === 'created') return `Kaart: ${what} getekend (${shape})`;
	if (c.action === 'deleted') return `Kaart: ${what} verwijderd`;
	return `Kaart: ${what} gewijzigd${c.fields.length ? `: ${c.fields.join(', ')}` : ''}`;
}

/** Everything in time order (ties: GRIP, inject, logregel, taak; then by number or version). */
export function buildTimeline(input: {
	start: string;
	entries: TimelineLogEntry[];
	gripChanges: TimelineGripChange[];
	taskChanges: TimelineTaskChange[];
	mapChanges?: TimelineMapChange[];
}): TimelineRow[] {
	const responses = injectResponseTimes(input.entries);
	const completions = taskCompletionTimes(input.taskChanges);
	const rows: (TimelineRow & { tie: number })[] = [];
	for (const e of input.entries) {
		const correction = e.corrects !== null ? ` (correctie op logregel ${e.corrects})` : '';
		rows.push({
			at: e.loggedAt,
			offsetMinutes: minutesBetween(input.start, e.loggedAt),
			type: e.fromInject ? 'inject' : 'logregel',
			discipline: e.discipline,
			description: `#${e.number} ${e.kind}${correction}: ${e.text}`,
			actor: e.author,
			responseMinutes: e.fromInject ? (responses.get(e.number) ?? null) : null,
			loggingDelayMinutes: Math.max(0, minutesBetween(e.happenedAt, e.loggedAt)),
			verificationMinutes: e.verifiedAt ? minutesBetween(e.loggedAt, e.verifiedAt) : null,
			tie: e.number
		});
	}
	for (const g of input.gripChanges) {
		rows.push({
			at: g.at,
			offsetMinutes: minutesBetween(input.start, g.at),
			type: 'grip',
			discipline: '',
			description: `${g.from === null ? `Start op GRIP ${g.to}` : `GRIP ${g.from} → ${g.to}`}: ${g.reason}`,
			actor: g.by,
			responseMinutes: null,
			loggingDelayMinutes: null,
			verificationMinutes: null,
			tie: 0
		});
	}
	for (const c of input.taskChanges) {
		const completion = completions.get(c.taskId);
		rows.push({
			at: c.at,
			offsetMinutes: minutesBetween(input.start, c.at),
			type: 'taak',
			discipline: c.process,
			description: describeTaskChange(c),
			actor: c.by,
			responseMinutes: completion && completion.version === c.version ? completion.minutes : null,
			loggingDelayMinutes: null,
			verificationMinutes: null,
			tie: c.version
		});
	}
	for (const c of input.mapChanges ?? []) {
		rows.push({
			at: c.at,
			offsetMinutes: minutesBetween(input.start, c.at),
			type: 'kaart',
			discipline: '',
			description: describeMapChange(c),
			actor: c.by,
			responseMinutes: null,
			loggingDelayMinutes: null,
			verificationMinutes: null,
			tie: c.version
		});
	}
	rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.tie - b.tie);
	return rows.map(({ tie: _tie, ...row }) => row);
}

/** "T+12" / "T-3": minutes relative to the start. */
export function offsetLabel(minutes: number): string {
	return minutes < 0 ? `T${minutes}` : `T+${minutes}`;
}
