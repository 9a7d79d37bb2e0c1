// Exercise injects (DOMAIN.md §4): scripted messages an oefenleider prepares, due at the
// exercise's start plus N minutes, that land in the logbook at their time.

/** An exercise script spans at most a week. */
export const MAX_INJECT_MINUTES = 7 * 24 * 60;

/** Small allowance for the time between filling in the form and saving it. */
export const INJECT_PAST_TOLERANCE_MS = 30_000;

export function injectDueAt(start: Date, minutes: number): Date {
	return new Date(start.getTime() + minutes * 60_000);
}

/** Why an inject at start + `minutes` cannot be scheduled now, or null when it can. */
export function injectRefusal(input: { start: Date; minutes: number; now: Date }): string | null {
	const { start, minutes, now } = input;
	if (!Number.isInteger(minutes)) return 'Het aantal minuten na de start is een geheel getal.';
	if (minutes < 0) return 'Een inject kan niet vóór de start van de oefening vallen.';
	if (minutes > MAX_INJECT_MINUTES) return `Een inject valt hoogstens ${MAX_INJECT_MINUTES / (24 * 60)} dagen na de start.`;
	const due = injectDueAt(start, minutes);
	if (due.getTime() < now.getTime() - INJECT_PAST_TOLERANCE_MS) {
		const elapsed = Math.floor((now.getTime() - start.getTime()) / 60_000);
		return `Deze inject valt in het verleden: de oefening loopt al ${elapsed} minuten. Kies ${elapsed + 1} minuten of later.`;
	}
	return null;
}

export function injectIsDue(inject: { dueAt: Date | string; deliveredAt: Date | string | null }, now: Date): boolean {
	return inject.deliveredAt === null && new Date(inject.dueAt).getTime() <= now.getTime();
}

/** "T+15" for the script view: minutes after the start. */
export function injectOffsetLabel(minutes: number): string {
	if (minutes < 60) return `T+${minutes} min`;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return m === 0 ? `T+${h} uur` : `T+${h} uur ${m} min`;
}

/** The source players see when the oefenleider names none. */
export const DEFAULT_INJECT_SOURCE = 'Meldkamer';

/**
 * A log entry as a player sees it: an inject is an ordinary message of its stated source (no inject
 * mark, the source as its author), so staged messages cannot be told from real ones. The
 * oefenleiding (`seesInjects`) sees the entry as it is.
 */
export function entryAsSeenBy<T extends { injectId: string | null; source: string; author: { id: string; name: string } }>(entry: T, seesInjects: boolean): T {
	if (seesInjects || entry.injectId === null) return entry;
	return { ...entry, injectId: null, author: { id: '', name: entry.source } };
}

/**
 * The oefenleiding's view of a delivered inject's log entry, from the inject (`inject.delivered` on
 * `injects:<id>`, which names its entry): the reverse of `entryAsSeenBy`, so a logbook open during
 * the exercise marks it live as the page load would.
 */
export function entryAsInject<T extends { injectId: string | null; author: { id: string; name: string } }>(entry: T, inject: { id: string; createdBy: { id: string; name: string } }): T {
	return { ...entry, injectId: inject.id, author: inject.createdBy };
}
