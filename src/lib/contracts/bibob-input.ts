// What the Bibob pages and API accept, with Dutch messages per field. The order of dates across
// steps is checked by the procedure rules (src/lib/domain/bibob/procedure.ts) in the service.
import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import {
	DECISIONS,
	DISCLOSURE_GROUND_CODES,
	FORM_REFERENCE_PATTERN,
	INDICATORS,
	INTENTIONS,
	LBB_CONCLUSIONS,
	OWN_CONCLUSIONS,
	PERMIT_KINDS,
	PERSON_ROLES,
	RECIPIENT_KINDS,
	SECTIONS
} from '../domain/bibob/catalog.ts';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function realDate(value: string): boolean {
	const m = LOCAL_DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === value;
}

/** A calendar date 'JJJJ-MM-DD' (a date field of a form sends exactly that). */
export const localDate = (what: string) =>
	safeText({ error: `Vul ${what} in.` })
		.trim()
		.min(1, { error: `Vul ${what} in.` })
		.refine(realDate, { error: `${what[0]!.toUpperCase()}${what.slice(1)} is geen geldige datum (JJJJ-MM-DD).` });

/** An optional date: empty or absent means none. */
const optionalDate = (what: string) =>
	z.preprocess((v) => (v === '' || v === undefined ? null : v), localDate(what).nullable()).optional().transform((v) => v ?? null);

const text = (what: string, max = 4000) =>
	safeText({ error: `Vul ${what} in.` })
		.trim()
		.min(1, { error: `Vul ${what} in.` })
		.max(max, { error: `${what[0]!.toUpperCase()}${what.slice(1)} is te lang (maximaal ${max} tekens).` });

const optionalText = (max = 4000) =>
	safeText()
		.trim()
		.max(max, { error: `Maximaal ${max} tekens.` })
		.optional()
		.transform((v) => v ?? '');

const version = z.coerce
	.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' })
	.int({ error: 'De versie ontbreekt; laad de pagina opnieuw.' })
	.check(...fitsInteger())
	.min(1, { error: 'De versie ontbreekt; laad de pagina opnieuw.' });

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

export const openFileInput = z
	.object({
		permitKind: choice(PERMIT_KINDS, 'Kies het soort vergunning.'),
		municipality: safeText({ error: 'Kies de gemeente.' }).trim().min(1, { error: 'Kies de gemeente.' }),
		eventApplicationId: safeText()
			.trim()
			.optional()
			.transform((v) => v || null),
		permitReference: optionalText(100),
		permitDescription: optionalText(500),
		applicantName: text('de naam van de aanvrager', 200),
		originalDeadline: localDate('de oorspronkelijke beslistermijn'),
		// Empty: today.
		openedOn: optionalDate('de datum van opening')
	})
	.superRefine((v, ctx) => {
		if (v.permitKind === 'evenement' && !v.eventApplicationId) {
			ctx.addIssue({ code: 'custom', path: ['eventApplicationId'], message: 'Kies de evenementenaanvraag waarop de toets loopt.' });
		}
		if (v.permitKind !== 'evenement' && v.eventApplicationId) {
			ctx.addIssue({ code: 'custom', path: ['eventApplicationId'], message: 'Alleen een toets op een evenementenvergunning hoort bij een evenementenaanvraag.' });
		}
		if (v.permitKind !== 'evenement' && !v.permitReference && !v.permitDescription) {
			ctx.addIssue({ code: 'custom', path: ['permitReference'], message: 'Geef het kenmerk of een omschrijving van de vergunning.' });
		}
		if (v.openedOn && v.originalDeadline < v.openedOn) {
			ctx.addIssue({ code: 'custom', path: ['originalDeadline'], message: 'De beslistermijn ligt vóór de opening van het dossier.' });
		}
	});
export type OpenFileInput = z.output<typeof openFileInput>;

export const partyInput = z
	.object({
		kind: choice(['organisatie', 'persoon'] as const, 'Kies organisatie of persoon.'),
		name: text('de naam', 200),
		kvk: safeText()
			.trim()
			.optional()
			.transform((v) => v || null),
		role: safeText()
			.trim()
			.optional()
			.transform((v) => v || null),
		note: optionalText(1000)
	})
	.superRefine((v, ctx) => {
		if (v.kind === 'organisatie') {
			if (!v.kvk || !/^\d{8}$/.test(v.kvk)) ctx.addIssue({ code: 'custom', path: ['kvk'], message: 'Een KvK-nummer bestaat uit 8 cijfers.' });
			if (v.role) ctx.addIssue({ code: 'custom', path: ['role'], message: 'Een rol hoort bij een persoon, niet bij een organisatie.' });
		} else {
			if (!v.role || !(PERSON_ROLES as readonly string[]).includes(v.role)) {
				ctx.addIssue({ code: 'custom', path: ['role'], message: 'Kies de rol: bestuurder, aandeelhouder, financier of leidinggevende.' });
			}
			if (v.kvk) ctx.addIssue({ code: 'custom', path: ['kvk'], message: 'Een KvK-nummer hoort bij een organisatie.' });
		}
	});
export type PartyInput = z.output<typeof partyInput>;

export const questionnaireInput = z.object({
	version,
	sentOn: localDate('de verzenddatum'),
	receivedOn: optionalDate('de ontvangstdatum'),
	answerWeeks: z.coerce
		.number({ error: 'Geef de antwoordtermijn in weken.' })
		.int({ error: 'Geef de antwoordtermijn in hele weken.' })
		.check(...fitsInteger())
		.min(1, { error: 'De antwoordtermijn is minstens 1 week.' })
		.max(12, { error: 'De antwoordtermijn is hoogstens 12 weken.' })
		.optional()
});

export const answerInput = z.object({
	section: choice(SECTIONS, 'Kies het onderdeel van de vragenlijst.'),
	formReference: safeText({ error: 'Geef het vraagnummer van het formulier.' })
		.trim()
		.regex(FORM_REFERENCE_PATTERN, { error: 'Geef het vraagnummer zoals op het Bibob-vragenformulier, bijvoorbeeld 3.2 of 3.2, 3.4.' }),
	summary: text('de samenvatting van het antwoord')
});

export const findingInput = z.object({
	indicator: choice(INDICATORS, 'Kies de indicator.'),
	description: text('de bevinding'),
	source: text('de bron', 300),
	foundOn: localDate('de datum van de bevinding')
});

export const conclusionInput = z.object({
	version,
	conclusion: choice(OWN_CONCLUSIONS, 'Kies de conclusie van het eigen onderzoek.'),
	text: text('de onderbouwing van de conclusie'),
	concludedOn: localDate('de datum van de conclusie')
});

export const extraQuestionInput = z.object({
	subject: text('waarover de aanvullende vragen gaan', 500),
	sentOn: localDate('de verzenddatum'),
	answeredOn: optionalDate('de datum van het antwoord')
});

export const extraAnswerInput = z.object({ answeredOn: localDate('de datum van het antwoord') });

export const lbbRequestInput = z.object({ version, requestedOn: localDate('de datum van de adviesaanvraag') });
export const lbbExtensionInput = z.object({ version, extendedOn: localDate('de datum van de verlenging') });
export const lbbAdviceInput = z.object({
	version,
	receivedOn: localDate('de ontvangstdatum van het advies'),
	conclusion: choice(LBB_CONCLUSIONS, 'Kies de conclusie van het advies: geen, mindere mate of ernstig gevaar.'),
	summary: text('een samenvatting van het advies')
});

export const intentionInput = z.object({
	version,
	intention: choice(INTENTIONS, 'Kies het voornemen: voorschriften verbinden, weigeren of intrekken.'),
	intentionOn: localDate('de datum van het voornemen'),
	zienswijzeWeeks: z.coerce
		.number({ error: 'Geef de zienswijzetermijn in weken.' })
		.int({ error: 'Geef de zienswijzetermijn in hele weken.' })
		.check(...fitsInteger())
		.min(1, { error: 'De zienswijzetermijn is minstens 1 week.' })
		.max(12, { error: 'De zienswijzetermijn is hoogstens 12 weken.' })
		.optional()
});

export const zienswijzeInput = z.object({
	version,
	receivedOn: localDate('de ontvangstdatum van de zienswijze'),
	summary: text('een samenvatting van de zienswijze')
});

export const decisionInput = z
	.object({
		version,
		decision: choice(DECISIONS, 'Kies het besluit: verlenen, verlenen met voorschriften, weigeren of intrekken.'),
		decidedOn: localDate('de datum van het besluit'),
		reasoning: text('de motivering van het besluit', 8000),
		proportionality: text('de evenredigheidsafweging (het advies bindt niet: weeg zelf af)', 8000),
		conditions: optionalText(4000)
	})
	.superRefine((v, ctx) => {
		if (v.decision === 'verlenen_met_voorschriften' && !v.conditions) {
			ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'Noem de voorschriften die aan de vergunning worden verbonden.' });
		}
	});

export const closeInput = z.object({ version, closedOn: localDate('de datum van afsluiten'), reason: text('de reden van afsluiten zonder besluit', 1000) });

export const disclosureInput = z
	.object({
		recipientKind: choice(RECIPIENT_KINDS, 'Kies aan wie is verstrekt.'),
		recipient: text('de ontvanger', 300),
		ground: z.enum(DISCLOSURE_GROUND_CODES as [string, ...string[]], {
			error: 'Een verstrekking zonder grondslag mag niet: kies de wettelijke grondslag (art. 28 Wet Bibob).'
		}),
		groundNote: optionalText(500),
		disclosedOn: localDate('de datum van verstrekking'),
		shared: text('wat er is verstrekt', 2000)
	});

export const destroyInput = z.object({
	version,
	// true from JSON, 'on' from a checkbox.
	confirm: z.union([z.literal(true), z.literal('true'), z.literal('on')], { error: 'Bevestig dat dit dossier definitief wordt vernietigd.' }).transform(() => true as const)
});

export const settingsInput = z.object({
	version: z.coerce.number().int().check(...fitsInteger()).min(0, { error: 'De versie ontbreekt; laad de pagina opnieuw.' }),
	retentionYears: z.coerce
		.number({ error: 'Geef de bewaartermijn in jaren.' })
		.int({ error: 'Geef de bewaartermijn in hele jaren.' })
		.check(...fitsInteger())
		.min(1, { error: 'De bewaartermijn is minstens 1 jaar.' })
		.max(30, { error: 'De bewaartermijn is hoogstens 30 jaar.' }),
	zienswijzeWeeks: z.coerce.number({ error: 'Geef de zienswijzetermijn in weken.' }).int({ error: 'Hele weken.' }).check(...fitsInteger()).min(1, { error: 'Minstens 1 week.' }).max(12, { error: 'Hoogstens 12 weken.' }),
	answerWeeks: z.coerce.number({ error: 'Geef de antwoordtermijn in weken.' }).int({ error: 'Hele weken.' }).check(...fitsInteger()).min(1, { error: 'Minstens 1 week.' }).max(12, { error: 'Hoogstens 12 weken.' }),
	warningDays: z.coerce.number({ error: 'Geef het aantal dagen.' }).int({ error: 'Hele dagen.' }).check(...fitsInteger()).min(1, { error: 'Minstens 1 dag.' }).max(60, { error: 'Hoogstens 60 dagen.' })
});
export type SettingsInput = z.output<typeof settingsInput>;
