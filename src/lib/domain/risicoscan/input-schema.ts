// The body of POST /api/v1/risicoscan (DESIGN.md "Public API"). Every field has one Dutch message,
// and a wrong body reports every wrong field at once, so a client can fix its request in one go.
import { z } from 'zod';
import { fitsInteger, safeText } from '../../validation/fields.ts';
import { ACTIVITIES, ALCOHOL_LEVELS, AUDIENCE_GROUPS, SITES } from './model.ts';

export interface FieldError {
	/** Dotted path of the wrong value, e.g. 'endsAt' or 'activities.1'; 'body' for the body itself. */
	field: string;
	message: string;
}

/** One message for a field, with a separate one when the field is missing altogether. */
function fieldError(name: string, rule: string) {
	const missing = `${name}: dit veld is verplicht`;
	return { error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : rule) };
}

function listed(values: readonly string[]): string {
	return values.join(', ');
}

const WHOLE_NUMBER = 'moet een geheel getal van 0 of meer zijn';
const YES_OR_NO = 'moet true of false zijn';
const ISO_EXAMPLE = 'een ISO 8601-tijdstip met tijdzone zijn, bijvoorbeeld 2026-06-13T14:00:00+02:00';

function wholeNumber(name: string) {
	const error = fieldError(name, `${name} ${WHOLE_NUMBER}`);
	// multipleOf(1) rather than int(): zod marks a failed int() as aborting the whole object, which
	// would silence the cross-field rules and leave fields unnamed.
	return z.number(error).multipleOf(1, error).check(...fitsInteger()).min(0, error);
}

function yesOrNo(name: string) {
	return z.boolean(fieldError(name, `${name} ${YES_OR_NO}`));
}

// ISO 8601 with an explicit offset; seconds and fractions optional (14:00+02:00 is as valid as
// 14:00:00.000+02:00). Without an offset the instant is ambiguous, so it is refused.
const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/i;

/** The instant with a `±HH:MM` offset (as given otherwise), or undefined when it is no real time. */
function normaliseInstant(value: string): string | undefined {
	const match = ISO_WITH_OFFSET.exec(value.trim());
	if (!match) return undefined;
	const [year, month, day] = match[1]!.split('-').map(Number) as [number, number, number];
	const [hour, minute, second = 0] = match[2]!.split(':').map(Number) as [number, number, number?];
	// Date.parse rolls 30 February over into March; a calendar check refuses it.
	const calendar = new Date(Date.UTC(year, month - 1, day));
	if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
	if (hour > 23 || minute > 59 || second >= 60) return undefined;
	const offset = match[3]!.toUpperCase() === 'Z' ? 'Z' : match[3]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
	const instant = `${match[1]}T${match[2]}${offset}`;
	return Number.isNaN(Date.parse(instant)) ? undefined : instant;
}

function instantWithOffset(name: string) {
	const rule = `${name} moet ${ISO_EXAMPLE}`;
	return safeText(fieldError(name, rule)).transform((value, ctx) => {
		const instant = normaliseInstant(value);
		if (instant === undefined) {
			ctx.addIssue({ code: 'custom', message: rule });
			return z.NEVER;
		}
		return instant;
	});
}

function subsetOf<const T extends readonly [string, ...string[]]>(name: string, itemName: string, values: T) {
	return z.array(
		z.enum(values, { error: `Onbekende ${itemName}; kies uit ${listed(values)}` }),
		fieldError(name, `${name} moet een lijst zijn met waarden uit ${listed(values)}`)
	);
}

/** Runs a cross-field rule only when its own fields are valid (and the body is an object at all). */
function whenValid(fields: readonly string[]) {
	return (payload: z.core.ParsePayload) =>
		!payload.issues.some((issue) => {
			const field = issue.path?.[0];
			return field === undefined || fields.includes(String(field));
		});
}

export const risicoscanInputSchema = z
	.object(
		{
			peakVisitors: wholeNumber('Piekbezetting'),
			totalVisitors: wholeNumber('Totaal aantal bezoekers').optional(),
			areaM2: z
				.number(fieldError('Oppervlakte', 'Oppervlakte moet een getal groter dan 0 zijn (m²)'))
				.gt(0, { error: 'Oppervlakte moet een getal groter dan 0 zijn (m²)' })
				.optional(),
			startsAt: instantWithOffset('Begin'),
			endsAt: instantWithOffset('Einde'),
			audience: subsetOf('Publiek', 'publieksgroep', AUDIENCE_GROUPS),
			alcohol: z.enum(
				ALCOHOL_LEVELS,
				fieldError('Alcohol', `Alcohol moet een van ${listed(ALCOHOL_LEVELS)} zijn`)
			),
			drugsExpected: yesOrNo('Drugsgebruik verwacht'),
			rivalGroups: yesOrNo('Rivaliserende groepen'),
			activities: subsetOf('Activiteiten', 'activiteit', ACTIVITIES),
			site: z.enum(SITES, fieldError('Locatie', `Locatie moet een van ${listed(SITES)} zijn`)),
			indoor: yesOrNo('Binnen'),
			enclosed: yesOrNo('Omsloten terrein'),
			roadClosures: yesOrNo('Wegafsluitingen'),
			poorAccess: yesOrNo('Slechte bereikbaarheid'),
			nearHazard: yesOrNo('Nabij risicobron'),
			concurrentEvents: wholeNumber('Aantal andere B- of C-evenementen op dezelfde dag').optional(),
			municipality: safeText({ error: 'Gemeente moet een gemeentecode zijn' })
				.trim()
				.min(1, { error: 'Gemeente moet een gemeentecode zijn' })
				.optional()
		},
		{ error: 'Het verzoek moet een JSON-object zijn' }
	)
	// Cross-field rules run even when other fields are wrong, so one answer names every wrong field.
	.refine((body) => body.totalVisitors === undefined || body.totalVisitors >= body.peakVisitors, {
		path: ['totalVisitors'],
		error: 'Totaal aantal bezoekers mag niet lager zijn dan de piekbezetting',
		when: whenValid(['peakVisitors', 'totalVisitors'])
	})
	.refine((body) => Date.parse(body.endsAt) > Date.parse(body.startsAt), {
		path: ['endsAt'],
		error: 'Einde moet na het begin liggen',
		when: whenValid(['startsAt', 'endsAt'])
	});

export type RisicoscanBody = z.infer<typeof risicoscanInputSchema>;

/** One entry per wrong field, in the order zod found them; the first message of a field wins. */
export function zodIssuesToFieldErrors(error: { issues: readonly z.core.$ZodIssue[] }): FieldError[] {
	const byField = new Map<string, string>();
	for (const issue of error.issues) {
		const field = issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
		if (!byField.has(field)) byField.set(field, issue.message);
	}
	return [...byField].map(([field, message]) => ({ field, message }));
}
