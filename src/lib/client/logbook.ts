// Logbook, situation picture, SITRAPs and injects as the API returns them
// (src/lib/server/logbook/*-queries.ts, src/lib/server/injects/inject-queries.ts).

export interface LogEntry {
	id: string;
	incidentId: string;
	number: number;
	kind: string;
	discipline: string;
	text: string;
	happenedAt: string;
	loggedAt: string;
	source: string;
	author: { id: string; name: string };
	corrects: { id: string; number: number } | null;
	correctedBy: { id: string; number: number } | null;
	verified: { by: { id: string; name: string }; at: string } | null;
	injectId: string | null;
	exercise: boolean;
}

export interface Section {
	incidentId: string;
	section: string;
	text: string;
	version: number;
	updatedAt: string | null;
	updatedBy: { id: string; name: string } | null;
	exercise: boolean;
}

export interface SitrapSummary {
	incidentId: string;
	number: number;
	publishedAt: string;
	publishedBy: { id: string; name: string };
	exercise: boolean;
}

export interface Inject {
	id: string;
	incidentId: string;
	text: string;
	discipline: string;
	dueMinutes: number;
	dueAt: string;
	deliveredAt: string | null;
	entry: { id: string; number: number } | null;
	createdBy: { id: string; name: string };
	createdAt: string;
	exercise: boolean;
}

/**
 * Adds or updates an entry. Entries never change their content; what can arrive later is the
 * verification and the correction that refers to it, so those are kept whichever comes first.
 */
export function mergeEntry(entries: Record<string, LogEntry>, incoming: LogEntry): Record<string, LogEntry> {
	const known = entries[incoming.id];
	const merged: LogEntry = known
		? { ...incoming, verified: incoming.verified ?? known.verified, correctedBy: incoming.correctedBy ?? known.correctedBy }
		: incoming;
	const next = { ...entries, [incoming.id]: merged };
	const corrected = incoming.corrects ? next[incoming.corrects.id] : undefined;
	if (corrected && !corrected.correctedBy) next[corrected.id] = { ...corrected, correctedBy: { id: incoming.id, number: incoming.number } };
	return next;
}

/** Keeps the newest version of each section. */
export function mergeSection(sections: Record<string, Section>, incoming: Section): Record<string, Section> {
	const known = sections[incoming.section];
	if (known && known.version >= incoming.version) return sections;
	return { ...sections, [incoming.section]: incoming };
}

export const when = (iso: string) =>
	new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });

export const timeOnly = (iso: string) =>
	new Date(iso).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
