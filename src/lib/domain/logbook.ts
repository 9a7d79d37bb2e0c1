// The incident logbook (DOMAIN.md §4, netcentric work): what kinds of entries exist, for which
// discipline, and the rules for corrections, verification and what a user has not read yet.
// Entries are never edited: a correction is a new entry that refers to the one it corrects.

export const LOG_KINDS = ['melding', 'beeld', 'oordeel', 'besluit', 'actie'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export const LOG_KIND_LABELS: Record<LogKind, string> = {
	melding: 'Melding',
	beeld: 'Beeld',
	oordeel: 'Oordeel',
	besluit: 'Besluit',
	actie: 'Actie'
};

/** Who an entry (or an inject) is about: the disciplines of the crisis organisation. */
export const LOG_DISCIPLINES = ['algemeen', 'brandweer', 'ghor', 'politie', 'bevolkingszorg', 'communicatie'] as const;
export type LogDiscipline = (typeof LOG_DISCIPLINES)[number];

export const LOG_DISCIPLINE_LABELS: Record<LogDiscipline, string> = {
	algemeen: 'Algemeen (leiding en coördinatie)',
	brandweer: 'Brandweer',
	ghor: 'GHOR',
	politie: 'Politie',
	bevolkingszorg: 'Bevolkingszorg',
	communicatie: 'Communicatie'
};

/** How far an entry's "happened at" may lie ahead of the clock (clocks of devices differ a little). */
export const HAPPENED_AT_FUTURE_TOLERANCE_MS = 2 * 60_000;

/** Why an entry cannot have happened at `happenedAt`, or null when it can. */
export function happenedAtRefusal(happenedAt: Date, now: Date): string | null {
	if (Number.isNaN(happenedAt.getTime())) return 'Het tijdstip van gebeuren is geen geldige tijd.';
	if (happenedAt.getTime() > now.getTime() + HAPPENED_AT_FUTURE_TOLERANCE_MS) return 'Het tijdstip van gebeuren ligt in de toekomst.';
	return null;
}

/** Why `entry` may not be corrected (now), or null when it may. */
export function correctionRefusal(entry: { number: number; correctedBy: number | null }): string | null {
	if (entry.correctedBy !== null) {
		return `Logregel ${entry.number} is al gecorrigeerd door logregel ${entry.correctedBy}; corrigeer zo nodig die.`;
	}
	return null;
}

/** Why `user` may not verify `entry`, or null when they may. */
export function verificationRefusal(entry: { number: number; authorId: string; verifiedAt: string | null }, userId: string): string | null {
	if (entry.verifiedAt !== null) return `Logregel ${entry.number} is al geverifieerd.`;
	if (entry.authorId === userId) return 'Je kunt je eigen logregel niet verifiëren; laat een andere informatiemanager dat doen.';
	return null;
}

/** The entries a user has not read: after their read position, and not their own. */
export function unreadNumbers(entries: { number: number; authorId: string }[], lastRead: number, userId: string): number[] {
	return entries.filter((e) => e.number > lastRead && e.authorId !== userId).map((e) => e.number);
}
