// What the applications API and forms accept. Every field has a Dutch message, and one answer
// names every wrong field (cross-field rules run even when other fields are wrong).
import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { ACTIVITIES, ALCOHOL_LEVELS, AUDIENCE_GROUPS, SITES } from '../domain/risicoscan/model.ts';
import { KENNEMERLAND } from '../domain/region.ts';
import { DECISIONS, DOCUMENT_KINDS, EVENT_TYPES } from '../domain/events/application.ts';

const MAX_VISITORS = 5_000_000;
const MAX_AREA_M2 = 100_000_000; // 100 km²

export const LIMITS = { name: 200, description: 5000, address: 300, organiser: 200, email: 254, phone: 30, reason: 2000, conditions: 10_000 };

const MUNICIPALITY_CODES = KENNEMERLAND.map((m) => m.code) as [string, ...string[]];

function text(label: string, max: number) {
	return safeText({ error: `${label} moet tekst zijn.` })
		.trim()
		.max(max, { error: `${label} mag hoogstens ${max} tekens hebben.` });
}

function requiredText(label: string, max: number) {
	return safeText({ error: (i) => (i.input === undefined ? `Vul ${label.toLowerCase()} in.` : `${label} moet tekst zijn.`) })
		.trim()
		.min(1, { error: `Vul ${label.toLowerCase()} in.` })
		.max(max, { error: `${label} mag hoogstens ${max} tekens hebben.` });
}

function wholeNumber(label: string, max = MAX_VISITORS) {
	const error = `${label} moet een geheel getal van 0 tot ${new Intl.NumberFormat('nl-NL').format(max)} zijn.`;
	// multipleOf(1) rather than int(): a failed int() aborts the object and silences the other fields.
	return z.number({ error }).multipleOf(1, { error }).check(...fitsInteger()).min(0, { error }).max(max, { error });
}

function yesNo(label: string) {
	return z.boolean({ error: `${label}: kies ja of nee (true of false).` });
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
function timeOfDay(label: string) {
	return safeText({ error: `${label} moet een tijd (UU:MM) zijn.` })
		.trim()
		.refine((v) => v === '' || HHMM.test(v), { error: `${label} moet een tijd (UU:MM) zijn, bijvoorbeeld 23:00.` });
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
function instant(label: string) {
	const rule = `${label} moet een tijdstip met tijdzone zijn, bijvoorbeeld 2027-06-12T14:00:00+02:00.`;
	return safeText({ error: (i) => (i.input === undefined ? `Vul ${label.toLowerCase()} in.` : rule) })
		.refine((v) => ISO_WITH_OFFSET.test(v) && Number.isFinite(Date.parse(v)), { error: rule });
}

function subsetOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
	return z.array(z.enum(values, { error: `${label}: onbekende keuze; kies uit ${values.join(', ')}.` }), {
		error: `${label} moet een lijst zijn met waarden uit ${values.join(', ')}.`
	});
}

/** Every field of an application that a user fills in; the same names appear in the API's answer. */
export const applicationFieldShape = {
	organiserName: text('Naam contactpersoon', LIMITS.organiser),
	organiserOrganisation: text('Organisatie', LIMITS.organiser),
	organiserKvk: safeText({ error: 'KvK-nummer moet tekst zijn.' })
		.trim()
		.refine((v) => v === '' || /^\d{8}$/.test(v), { error: 'Een KvK-nummer heeft precies 8 cijfers.' }),
	organiserEmail: safeText({ error: 'E-mailadres moet tekst zijn.' })
		.trim()
		.max(LIMITS.email, { error: `E-mailadres mag hoogstens ${LIMITS.email} tekens hebben.` })
		.refine((v) => v === '' || z.email().safeParse(v).success, { error: 'Dit is geen geldig e-mailadres.' }),
	organiserPhone: safeText({ error: 'Telefoonnummer moet tekst zijn.' })
		.trim()
		.refine((v) => v === '' || /^\+?[0-9 ()-]{8,20}$/.test(v), { error: 'Een telefoonnummer heeft 8 tot 20 cijfers (spaties, + en - mogen).' }),
	name: requiredText('Naam van het evenement', LIMITS.name),
	description: text('Omschrijving', LIMITS.description),
	eventType: z.enum(EVENT_TYPES, { error: `Soort evenement: kies uit ${EVENT_TYPES.join(', ')}.` }),
	address: text('Adres of locatie', LIMITS.address),
	lat: z.number({ error: 'Breedtegraad moet een getal zijn.' }).min(50.7, { error: 'Breedtegraad ligt buiten Nederland.' }).max(53.7, { error: 'Breedtegraad ligt buiten Nederland.' }).nullable(),
	lon: z.number({ error: 'Lengtegraad moet een getal zijn.' }).min(3.2, { error: 'Lengtegraad ligt buiten Nederland.' }).max(7.3, { error: 'Lengtegraad ligt buiten Nederland.' }).nullable(),
	startsAt: instant('Begin'),
	endsAt: instant('Einde'),
	totalVisitors: wholeNumber('Totaal aantal bezoekers').nullable(),
	peakVisitors: wholeNumber('Piekbezetting'),
	areaM2: z
		.number({ error: 'Bruikbare oppervlakte moet een getal in m² zijn.' })
		.gt(0, { error: 'Bruikbare oppervlakte moet groter zijn dan 0 m².' })
		.max(MAX_AREA_M2, { error: 'Bruikbare oppervlakte is onmogelijk groot (hoogstens 100 km²).' })
		.nullable(),
	isNewEvent: yesNo('Nieuw evenement'),
	audience: subsetOf('Publiek', AUDIENCE_GROUPS),
	alcohol: z.enum(ALCOHOL_LEVELS, { error: `Alcohol: kies uit ${ALCOHOL_LEVELS.join(', ')}.` }),
	drugsExpected: yesNo('Drugsgebruik verwacht'),
	rivalGroups: yesNo('Rivaliserende groepen'),
	activities: subsetOf('Activiteiten', ACTIVITIES),
	site: z.enum(SITES, { error: `Soort locatie: kies uit ${SITES.join(', ')}.` }),
	indoor: yesNo('Binnen'),
	enclosed: yesNo('Omsloten terrein'),
	roadClosures: yesNo('Wegafsluitingen'),
	poorAccess: yesNo('Slechte bereikbaarheid'),
	nearHazard: yesNo('Nabij risicobron'),
	oneStreet: yesNo('Binnen één straat'),
	emergencyLaneFree: yesNo('Vrije doorgang hulpdiensten'),
	musicFrom: timeOfDay('Muziek vanaf'),
	musicUntil: timeOfDay('Muziek tot'),
	preannounced: yesNo('Vooraankondiging gedaan')
};

const fields = z.object(applicationFieldShape);
export type ApplicationFields = z.output<typeof fields>;

/** Runs a cross-field rule only when its own fields are valid, so every wrong field is still named. */
function whenValid(names: readonly string[]) {
	return (payload: z.core.ParsePayload) => !payload.issues.some((issue) => issue.path?.[0] === undefined || names.includes(String(issue.path[0])));
}

export const END_AFTER_START = 'Het einde moet na het begin liggen.';
export const TOTAL_AT_LEAST_PEAK = 'Het totaal aantal bezoekers kan niet lager zijn dan de piekbezetting.';
export const LAT_LON_TOGETHER = 'Geef breedtegraad en lengtegraad allebei, of geen van beide.';

type Partialish = { startsAt?: string; endsAt?: string; peakVisitors?: number; totalVisitors?: number | null; lat?: number | null; lon?: number | null };

function crossFieldRules<T extends z.ZodType<Partialish>>(schema: T) {
	return schema
		.refine((v) => v.startsAt === undefined || v.endsAt === undefined || Date.parse(v.endsAt) > Date.parse(v.startsAt), {
			path: ['endsAt'],
			error: END_AFTER_START,
			when: whenValid(['startsAt', 'endsAt'])
		})
		.refine((v) => v.peakVisitors === undefined || v.totalVisitors == null || v.totalVisitors >= v.peakVisitors, {
			path: ['totalVisitors'],
			error: TOTAL_AT_LEAST_PEAK,
			when: whenValid(['peakVisitors', 'totalVisitors'])
		})
		.refine((v) => v.lat === undefined || v.lon === undefined || (v.lat === null) === (v.lon === null), {
			path: ['lon'],
			error: LAT_LON_TOGETHER,
			when: whenValid(['lat', 'lon'])
		});
}

/** POST /api/v1/events: a new concept. Only name, municipality and times are needed to save one. */
export const newApplicationInput = crossFieldRules(
	z.object(
		{
			...fields.partial().shape,
			name: applicationFieldShape.name,
			startsAt: applicationFieldShape.startsAt,
			endsAt: applicationFieldShape.endsAt,
			municipality: z.enum(MUNICIPALITY_CODES, {
				error: (i) => (i.input === undefined ? 'Kies de gemeente.' : `Onbekende gemeente; kies uit ${MUNICIPALITY_CODES.join(', ')}.`)
			})
		},
		{ error: 'Stuur de aanvraag als JSON-object.' }
	)
);
export type NewApplicationInput = z.output<typeof newApplicationInput>;

const version = z
	.number({ error: 'Stuur de versie mee die je voor het laatst zag (version), zodat niemands wijziging verloren gaat.' })
	.multipleOf(1, { error: 'version is een geheel getal.' })
	.check(...fitsInteger())
	.min(1, { error: 'version is een geheel getal van 1 of meer.' });

/** PATCH /api/v1/events/:id: the version seen and any fields to change. */
export const applicationChangeInput = crossFieldRules(
	z.object({ ...fields.partial().shape, version }, { error: 'Stuur de wijziging als JSON-object.' })
);
export type ApplicationChangeInput = z.output<typeof applicationChangeInput>;

export const versionOnlyInput = z.object({ version }, { error: 'Stuur { version } als JSON-object.' });

export const transitionInput = z.object({
	version,
	status: z.enum(['ingediend', 'in_behandeling', 'ingetrokken'], { error: 'status: kies ingediend, in_behandeling of ingetrokken.' }),
	note: text('Toelichting', LIMITS.reason).default('')
});
export type TransitionInput = z.output<typeof transitionInput>;

export const overrideInput = z.object({
	version,
	category: z.enum(['A', 'B', 'C'], { error: 'Klasse: kies A, B of C.' }).nullable(),
	reason: text('Reden', LIMITS.reason).default('')
});
export type OverrideInput = z.output<typeof overrideInput>;

export const decisionInput = z
	.object({
		version,
		decision: z.enum(DECISIONS, { error: `Besluit: kies uit ${DECISIONS.join(', ')}.` }),
		conditions: text('Voorschriften', LIMITS.conditions).default(''),
		reason: requiredText('Motivering', LIMITS.reason),
		/** Why to decide although advice or documents are missing (besluit ondanks ontbrekend advies). */
		despiteMissing: text('Reden om toch te besluiten', LIMITS.reason).default('')
	})
	.refine((v) => v.decision !== 'verleend_met_voorschriften' || v.conditions.length > 0, {
		path: ['conditions'],
		error: 'Vul de voorschriften in bij een vergunning met voorschriften.',
		when: whenValid(['decision', 'conditions'])
	});
export type DecisionInput = z.output<typeof decisionInput>;

export const documentKindInput = z.enum(DOCUMENT_KINDS, { error: `Soort document: kies uit ${DOCUMENT_KINDS.join(', ')}.` });

export const statusFilterInput = z
	.enum(['concept', 'ingediend', 'in_behandeling', 'advies_gevraagd', 'besluit', 'ingetrokken'], { error: 'Onbekende status.' })
	.optional();
