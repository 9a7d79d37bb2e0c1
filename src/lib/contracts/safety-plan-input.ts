// What the safety plan's editing API and forms accept (issue 18): a revision of the plan (with its
// priorities and themes and the reason, giving a new version), a new action of an execution
// programme, a new indicator with its targets per year, and a measurement entered by hand. Every
// refusal names its field in Dutch; one answer names every wrong field at once.
import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { ACTION_STATUSES } from '../domain/safety-plan/actions.ts';

export const MAX_PLAN_TEXT = 4_000;
export const MAX_PRIORITIES = 20;

const version = z
	.number({ error: 'Stuur de versie mee die je voor het laatst zag (version), zodat niemands wijziging verloren gaat.' })
	.int({ error: 'version is een geheel getal.' })
	.check(...fitsInteger())
	.min(1, { error: 'version is een geheel getal van 1 of meer.' });

const year = (what: string) =>
	z
		.number({ error: `Geef ${what} als jaartal, bijvoorbeeld 2024.` })
		.int({ error: `Geef ${what} als jaartal, bijvoorbeeld 2024.` })
		.min(2000, { error: `${what[0]!.toUpperCase()}${what.slice(1)} ligt tussen 2000 en 2100.` })
		.max(2100, { error: `${what[0]!.toUpperCase()}${what.slice(1)} ligt tussen 2000 en 2100.` });

const figure = (what: string) =>
	z
		.number({ error: `Geef ${what} als getal, bijvoorbeeld 1.234,5.` })
		.refine(Number.isFinite, { error: `Geef ${what} als getal, bijvoorbeeld 1.234,5.` })
		.refine((n) => Math.abs(n) < 1e12, { error: `${what[0]!.toUpperCase()}${what.slice(1)} is te groot.` });

const required = (what: string, max: number) =>
	safeText({ error: `Vul ${what} in.` })
		.trim()
		.min(1, { error: `Vul ${what} in.` })
		.max(max, { error: `${what[0]!.toUpperCase()}${what.slice(1)} mag hoogstens ${max} tekens hebben.` });

const optional = (what: string) =>
	safeText({ error: `${what[0]!.toUpperCase()}${what.slice(1)} is een tekst.` })
		.trim()
		.max(MAX_PLAN_TEXT, { error: `${what[0]!.toUpperCase()}${what.slice(1)} mag hoogstens ${MAX_PLAN_TEXT} tekens hebben.` })
		.default('');

const uuid = (what: string) => z.uuid({ error: `Kies ${what} van dit plan.` });

/** A priority or strategic theme as revised: with `id` an existing one, without a new one. */
export const priorityRevisionInput = z.strictObject({
	id: uuid('een prioriteit').optional(),
	kind: z.enum(['prioriteit', 'thema'], { error: 'Kies prioriteit of strategisch thema.' }),
	title: required('de titel van de prioriteit', 200),
	why: optional('waarom'),
	ambition: optional('de ambitie'),
	approach: optional('de aanpak'),
	conditions: optional('de randvoorwaarden'),
	focusArea: optional('het focusgebied'),
	partners: optional('de partners'),
	residentsRole: optional('de rol van inwoners en ondernemers')
});
export type PriorityRevisionInput = z.output<typeof priorityRevisionInput>;

/**
 * `PATCH /api/v1/safety-plans/:id`: the plan as it should now be, with the version it was read at.
 * `priorities`, when given, lists the priorities and themes to keep (with id) or add (without).
 */
export const planRevisionInput = z.strictObject({
	version,
	reason: required('waarom het plan wordt bijgesteld', 1_000),
	title: required('de titel van het plan', 200),
	ambition: optional('de ambitie'),
	endYear: year('het laatste jaar van het plan'),
	priorities: z
		.array(priorityRevisionInput, { error: 'priorities is een lijst van prioriteiten en thema’s.' })
		.min(1, { error: 'Een plan heeft ten minste één prioriteit.' })
		.max(MAX_PRIORITIES, { error: `Een plan heeft hoogstens ${MAX_PRIORITIES} prioriteiten en thema’s.` })
		.optional()
});
export type PlanRevisionInput = z.output<typeof planRevisionInput>;

/** `POST /api/v1/safety-plans/:id/actions`: a new action of a year's execution programme. */
export const newActionInput = z.strictObject({
	priorityId: uuid('de prioriteit'),
	year: year('het jaar'),
	title: required('de actie', 300),
	owner: required('de trekker (team of partner)', 200),
	plannedQuarter: z
		.number({ error: 'Kies het kwartaal (1 tot en met 4).' })
		.int({ error: 'Kies het kwartaal (1 tot en met 4).' })
		.min(1, { error: 'Kies het kwartaal (1 tot en met 4).' })
		.max(4, { error: 'Kies het kwartaal (1 tot en met 4).' }),
	status: z.enum(ACTION_STATUSES, { error: `Kies een status: ${ACTION_STATUSES.join(', ')}.` }).default('gepland')
});
export type NewActionInput = z.output<typeof newActionInput>;

/** `POST /api/v1/safety-plans/:id/indicators`: a new indicator with its baseline and targets per year. */
export const newIndicatorInput = z.strictObject({
	priorityId: uuid('de prioriteit'),
	title: required('de naam van de indicator', 200),
	definition: required('de definitie', MAX_PLAN_TEXT),
	source: required('de bron', 300),
	unit: required('de eenheid', 60),
	direction: z.enum(['omlaag', 'omhoog'], { error: 'Kies of lager of hoger beter is.' }),
	baselineYear: year('het jaar van de nulmeting'),
	baseline: figure('de nulmeting'),
	targets: z
		.array(z.strictObject({ year: year('het jaar van het doel'), value: figure('het doel') }), { error: 'targets is een lijst van { year, value }.' })
		.max(20, { error: 'Hoogstens twintig doelen.' })
		.default([])
});
export type NewIndicatorInput = z.output<typeof newIndicatorInput>;

/** `POST /api/v1/safety-plans/:id/indicators/:indicatorId/measurements`: a figure entered by hand. */
export const measurementInput = z.strictObject({
	areaCode: z
		.string({ error: 'Het gebied is een CBS-code.' })
		.trim()
		.regex(/^(|WK\d{6}|BU\d{8})$/, { error: 'Laat het gebied leeg (hele gemeente) of geef een CBS-wijkcode (WK + 6 cijfers) of buurtcode (BU + 8 cijfers).' })
		.default(''),
	year: year('het jaar'),
	value: figure('de waarde'),
	source: required('de bron', 300),
	measuredOn: z.iso.date({ error: 'Geef de datum van het cijfer als JJJJ-MM-DD.' })
});
export type MeasurementInput = z.output<typeof measurementInput>;
