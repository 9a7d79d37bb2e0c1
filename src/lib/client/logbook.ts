// Logbook, situation picture, SITRAPs and injects as the API returns them (the wire contract).

import type { LogEntryRecord, SectionRecord, SitrapSummary as SitrapSummaryRecord } from '$lib/contracts/logbook';
import type { InjectRecord } from '$lib/contracts/inject';

export type LogEntry = LogEntryRecord;
export type Section = SectionRecord;
export type SitrapSummary = SitrapSummaryRecord;
export type Inject = InjectRecord;

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

export const when = (iso: string) =>
	new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });

export const timeOnly = (iso: string) =>
	new Date(iso).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
