// The calendar's query parameters (API, exports and page), checked with Dutch messages that name
// the field: ?from=2027-06-01&to=2027-06-30&municipality=haarlem&category=C
import { z } from 'zod';
import { safeText } from '../../validation/fields.ts';
import { KENNEMERLAND } from '../../domain/region.ts';
import { daysBetween, isLocalDate, type LocalDate } from '../../domain/calendar/index.ts';

export const MUNICIPALITY_CODES = KENNEMERLAND.map((m) => m.code) as [string, ...string[]];
export const CALENDAR_CLASSES = ['A', 'B', 'C'] as const;
/** One request reads at most this many days (a year and a bit: the year view, a feed). */
export const MAX_WINDOW_DAYS = 400;

const localDate = (what: string) =>
	safeText({ error: `Geef ${what} als datum (JJJJ-MM-DD).` }).refine(isLocalDate, { message: `${what[0]!.toUpperCase()}${what.slice(1)} is geen bestaande datum (JJJJ-MM-DD).` });

export const calendarQueryInput = z
	.object({
		from: localDate('de begindatum').optional(),
		to: localDate('de einddatum').optional(),
		municipality: z.enum(MUNICIPALITY_CODES, { error: `Onbekende gemeente; kies uit ${MUNICIPALITY_CODES.join(', ')}.` }).optional(),
		category: z.enum(CALENDAR_CLASSES, { error: 'De klasse is A, B of C.' }).optional()
	})
	.superRefine((q, ctx) => {
		if (!q.from || !q.to) return;
		const span = daysBetween(q.from, q.to);
		if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'De einddatum ligt voor de begindatum.' });
		else if (span >= MAX_WINDOW_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Vraag hoogstens ${MAX_WINDOW_DAYS} dagen tegelijk op.` });
	});

export type CalendarQueryInput = z.infer<typeof calendarQueryInput>;

export interface CalendarFilter {
	municipality?: string | undefined;
	category?: (typeof CALENDAR_CLASSES)[number] | undefined;
}

export interface CalendarQuery extends CalendarFilter {
	from: LocalDate;
	to: LocalDate;
}

/** The search parameters as a plain object: empty values count as absent. */
export function queryValues(params: URLSearchParams, names: readonly string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const name of names) {
		const value = params.get(name)?.trim();
		if (value) out[name] = value;
	}
	return out;
}
