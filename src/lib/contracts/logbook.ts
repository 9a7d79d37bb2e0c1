// The logbook, the situation picture and its SITRAPs as /api/v1 returns them and events carry them.
import type { PictureSection } from '../domain/situation.ts';
import type { PersonRef } from './people.ts';
import type { MapListItem } from '../domain/map/listing.ts';

export interface LogEntryRecord {
	id: string;
	incidentId: string;
	/** Running number within the incident: 1, 2, 3 … */
	number: number;
	kind: string;
	discipline: string;
	text: string;
	happenedAt: string;
	loggedAt: string;
	source: string;
	author: PersonRef;
	/** The entry this one corrects, or null. */
	corrects: { id: string; number: number } | null;
	/** The entry that corrects this one, or null. */
	correctedBy: { id: string; number: number } | null;
	verified: { by: PersonRef; at: string } | null;
	/** Set when the entry came from an exercise inject. */
	injectId: string | null;
	exercise: boolean;
}

/** One section of the situation picture: its current text. */
export interface SectionRecord {
	incidentId: string;
	section: PictureSection;
	text: string;
	/** 0 for a section nobody has written yet. */
	version: number;
	updatedAt: string | null;
	updatedBy: PersonRef | null;
	exercise: boolean;
}

export interface SitrapSummary {
	incidentId: string;
	number: number;
	publishedAt: string;
	publishedBy: PersonRef;
	exercise: boolean;
}

export interface SitrapSnapshot {
	incident: { id: string; title: string; kind: string; exercise: boolean; grip: number; status: string; municipalities: string[]; startedAt: string };
	sections: SectionRecord[];
	/** The drawn features of the incident map at publication (absent in SITRAPs made before the map). */
	map?: MapListItem[];
}

export interface SitrapRecord extends SitrapSummary {
	snapshot: SitrapSnapshot;
}
