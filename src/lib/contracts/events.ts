// The socket events of DESIGN.md's realtime contract, `{ topic, seq, type, at, actor, exercise,
// data }`, with `data` typed per `type`: switching on `type` narrows `data` to the record that
// event carries (in the same shape as the API returns it), so no view needs a cast.
import type { AdviceRequestRecord } from './advice.ts';
import type { AlertRecord } from './alert.ts';
import type { ApplicationView } from './application.ts';
import type { BibobFileNews } from './bibob.ts';
import type { UnitRecord, WaterRequestRecord } from './bluswater.ts';
import type { CalendarEntry } from './calendar.ts';
import type { EventImportProgress } from './event-import.ts';
import type { IncidentRecord } from './incident.ts';
import type { InjectRecord } from './inject.ts';
import type { LogEntryRecord, SectionRecord, SitrapRecord } from './logbook.ts';
import type { MapFeatureRecord } from './map-feature.ts';
import type { NoticeRecord } from './notice.ts';
import type { PersonRef } from './people.ts';
import type { TaskNoteRecord, TaskRecord } from './task.ts';

/** Who caused an event; null for the system (a scheduled inject, a background job). */
export type Actor = PersonRef;

/** What each event type carries in `data`. Adding an event type starts here. */
export interface EventPayloads {
	// incident:<id>, incidents
	'incident.created': IncidentRecord;
	'incident.updated': IncidentRecord;
	// incident:<id>, user:<id>
	'task.created': TaskRecord;
	'task.updated': TaskRecord;
	'task.note': TaskNoteRecord;
	// incident:<id>
	'log.created': LogEntryRecord;
	'log.verified': LogEntryRecord;
	'picture.updated': SectionRecord;
	'sitrap.published': SitrapRecord;
	// incident:<id>: the incident map's drawn features (deleted: the last version, with deletedAt)
	'map.feature.created': MapFeatureRecord;
	'map.feature.updated': MapFeatureRecord;
	'map.feature.deleted': MapFeatureRecord;
	// injects:<id>
	'inject.created': InjectRecord;
	'inject.deleted': InjectRecord;
	'inject.delivered': InjectRecord;
	// incident:<id> (the attendance board, opkomst)
	'alert.created': AlertRecord;
	'alert.updated': AlertRecord;
	// region, user:<id>
	'notice.created': NoticeRecord;
	'notice.withdrawn': NoticeRecord;
	'notice.read': { id: string };
	// calendar
	'event.changed': CalendarEntry;
	'event.removed': { id: string };
	// bluswater, incident:<id>
	'bluswater.unit.created': UnitRecord;
	'bluswater.unit.updated': UnitRecord;
	'bluswater.request.created': WaterRequestRecord;
	'bluswater.request.updated': WaterRequestRecord;
	'bluswater.request.ended': WaterRequestRecord;
	'bluswater.assignment.created': WaterRequestRecord;
	'bluswater.assignment.ended': WaterRequestRecord;
	// advice:<applicationId>, advice inboxes
	'advice.requested': AdviceRequestRecord;
	'advice.answered': AdviceRequestRecord;
	'advice.withdrawn': AdviceRequestRecord;
	// application:<id>
	'application.changed': ApplicationView;
	// user:<id> of the officer importing an events list, after each committed batch
	'application.import_progress': EventImportProgress;
	// bibob:<municipality>
	'bibob.file.opened': BibobFileNews;
	'bibob.file.changed': BibobFileNews;
	'bibob.file.destroyed': BibobFileNews;
	'bibob.settings.changed': { municipality: string };
}

export type EventType = keyof EventPayloads;

/** Event types whose payload is of type P, e.g. `EventTypeCarrying<UnitRecord>`. */
export type EventTypeCarrying<P> = { [K in EventType]: EventPayloads[K] extends P ? K : never }[EventType];

/**
 * One event as it goes over the socket. Without a type argument it is the union of every event
 * type, discriminated by `type`; `RealtimeEvent<'task.updated'>` is that one event.
 */
export type RealtimeEvent<K extends EventType = EventType> = {
	[T in K]: {
		topic: string;
		/** Per-topic sequence number without gaps. */
		seq: number;
		type: T;
		/** ISO 8601 moment of the commit that wrote it. */
		at: string;
		actor: Actor | null;
		exercise: boolean;
		data: EventPayloads[T];
	};
}[K];

const TYPES: Record<EventType, true> = {
	'incident.created': true,
	'incident.updated': true,
	'task.created': true,
	'task.updated': true,
	'task.note': true,
	'log.created': true,
	'log.verified': true,
	'picture.updated': true,
	'sitrap.published': true,
	'map.feature.created': true,
	'map.feature.updated': true,
	'map.feature.deleted': true,
	'inject.created': true,
	'inject.deleted': true,
	'inject.delivered': true,
	'alert.created': true,
	'alert.updated': true,
	'notice.created': true,
	'notice.withdrawn': true,
	'notice.read': true,
	'event.changed': true,
	'event.removed': true,
	'bluswater.unit.created': true,
	'bluswater.unit.updated': true,
	'bluswater.request.created': true,
	'bluswater.request.updated': true,
	'bluswater.request.ended': true,
	'bluswater.assignment.created': true,
	'bluswater.assignment.ended': true,
	'advice.requested': true,
	'advice.answered': true,
	'advice.withdrawn': true,
	'application.changed': true,
	'application.import_progress': true,
	'bibob.file.opened': true,
	'bibob.file.changed': true,
	'bibob.file.destroyed': true,
	'bibob.settings.changed': true
};

/** Every event type, for code that must know them all (documentation, tests). */
export const EVENT_TYPES = Object.keys(TYPES) as EventType[];

export function isEventType(value: string): value is EventType {
	return Object.hasOwn(TYPES, value);
}

/** Narrows an event to one of the given types: `if (isEvent(e, 'task.created', 'task.updated')) e.data.title`. */
export function isEvent<K extends EventType>(event: RealtimeEvent, ...types: K[]): event is Extract<RealtimeEvent, { type: K }> {
	return (types as EventType[]).includes(event.type);
}

/** The event types that carry an advice request. */
export const ADVICE_EVENTS = ['advice.requested', 'advice.answered', 'advice.withdrawn'] as const satisfies readonly EventType[];
/** The event types that carry a water unit. */
export const UNIT_EVENTS = ['bluswater.unit.created', 'bluswater.unit.updated'] as const satisfies readonly EventType[];
/** The event types that carry a water request with its assignments. */
export const REQUEST_EVENTS = [
	'bluswater.request.created',
	'bluswater.request.updated',
	'bluswater.request.ended',
	'bluswater.assignment.created',
	'bluswater.assignment.ended'
] as const satisfies readonly EventType[];
/** The event types that carry a drawn feature of an incident map. */
export const FEATURE_EVENTS = ['map.feature.created', 'map.feature.updated', 'map.feature.deleted'] as const satisfies readonly EventType[];
