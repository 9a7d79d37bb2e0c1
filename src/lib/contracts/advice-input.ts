// What the advice API and forms accept; every refusal names its field in Dutch, and one answer
// names every wrong field at once.
import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { ADVICE_CONCLUSIONS, ADVICE_CONCLUSION_LABELS, ADVICE_DISCIPLINES } from '../domain/advice/vocabulary.ts';

export const MAX_ADVICE_CHARS = 20_000;
export const MAX_CONDITIONS = 100;
export const MAX_CONDITION_CHARS = 2_000;

const version = z
	.number({ error: 'Stuur de versie mee die je voor het laatst zag (version), zodat niemands wijziging verloren gaat.' })
	.int({ error: 'version is een geheel getal.' })
	.check(...fitsInteger())
	.min(1, { error: 'version is een geheel getal van 1 of meer.' });

export const requestAdviceInput = z.object(
	{
		/** Disciplines asked of the officer's own accord (class A, or beyond what class B requires). */
		disciplines: z
			.array(z.enum(ADVICE_DISCIPLINES, { error: `Onbekende discipline; kies uit ${ADVICE_DISCIPLINES.join(', ')}.` }), {
				error: `disciplines moet een lijst zijn met waarden uit ${ADVICE_DISCIPLINES.join(', ')}.`
			})
			.max(3, { error: 'Kies hoogstens drie disciplines.' })
			.optional()
	},
	{ error: 'Het verzoek moet een JSON-object zijn.' }
);
export type RequestAdviceInput = z.output<typeof requestAdviceInput>;

const condition = safeText({ error: 'Elk voorschrift is een tekst.' })
	.trim()
	.min(1, { error: 'Een voorschrift mag niet leeg zijn.' })
	.max(MAX_CONDITION_CHARS, { error: `Een voorschrift mag hoogstens ${MAX_CONDITION_CHARS} tekens hebben.` });

/** Runs a cross-field rule only when its own fields are valid (and the body is an object at all). */
function whenValid(fields: readonly string[]) {
	return (payload: z.core.ParsePayload) =>
		!payload.issues.some((issue) => {
			const field = issue.path?.[0];
			return field === undefined || fields.includes(String(field));
		});
}

const conclusionMessage = `Kies een conclusie: ${ADVICE_CONCLUSIONS.map((c) => `${c} (${ADVICE_CONCLUSION_LABELS[c].toLowerCase()})`).join(', ')}.`;

export const answerAdviceInput = z
	.object(
		{
			version,
			advice: safeText({ error: 'Schrijf het advies (advice).' })
				.trim()
				.min(10, { error: 'Het advies moet minstens 10 tekens hebben.' })
				.max(MAX_ADVICE_CHARS, { error: `Het advies mag hoogstens ${MAX_ADVICE_CHARS} tekens hebben.` }),
			/** Voorschriften: a list, or one text with one voorschrift per line. */
			conditions: z
				.union([z.array(condition), safeText()], { error: 'Voorschriften zijn een lijst teksten, of één tekst met een voorschrift per regel.' })
				.transform((value) =>
					typeof value === 'string'
						? value
								.split(/\r?\n/)
								.map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
								.filter((line) => line.length > 0)
						: value
				)
				.pipe(
					z
						.array(safeText().max(MAX_CONDITION_CHARS, { error: `Een voorschrift mag hoogstens ${MAX_CONDITION_CHARS} tekens hebben.` }))
						.max(MAX_CONDITIONS, { error: `Geef hoogstens ${MAX_CONDITIONS} voorschriften.` })
				)
				.default([]),
			conclusion: z.enum(ADVICE_CONCLUSIONS, { error: conclusionMessage })
		},
		{ error: 'Het verzoek moet een JSON-object zijn.' }
	)
	.refine((body) => body.conclusion !== 'positief_met_voorwaarden' || body.conditions.length > 0, {
		path: ['conditions'],
		error: 'Een positief advies met voorwaarden noemt minstens één voorschrift.',
		when: whenValid(['conditions', 'conclusion'])
	});
export type AnswerAdviceInput = z.output<typeof answerAdviceInput>;

export const withdrawAdviceInput = z.object(
	{
		version,
		reason: safeText({ error: 'Geef een reden voor het intrekken.' })
			.trim()
			.min(3, { error: 'Geef een reden voor het intrekken (minstens 3 tekens).' })
			.max(2_000, { error: 'De reden mag hoogstens 2000 tekens hebben.' })
	},
	{ error: 'Het verzoek moet een JSON-object zijn.' }
);
export type WithdrawAdviceInput = z.output<typeof withdrawAdviceInput>;

const termDays = (name: string) =>
	z
		.number({ error: `${name} is een aantal dagen.` })
		.int({ error: `${name} is een geheel aantal dagen.` })
		.check(...fitsInteger())
		.min(1, { error: `${name} is minstens 1 dag.` })
		.max(180, { error: `${name} is hoogstens 180 dagen.` });

export const adviceSettingsInput = z.object(
	{
		version: z.number({ error: 'Stuur de versie mee (version; 0 als er nog geen instelling is).' }).int().check(...fitsInteger()).min(0),
		termDaysB: termDays('De adviestermijn voor klasse B'),
		termDaysC: termDays('De adviestermijn voor klasse C')
	},
	{ error: 'Het verzoek moet een JSON-object zijn.' }
);
export type AdviceSettingsInput = z.output<typeof adviceSettingsInput>;
