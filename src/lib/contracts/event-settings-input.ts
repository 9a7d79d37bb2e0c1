// What a beheerder may change of the municipality's event settings and risicoscan model.
import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { EXCLUDED_DAYS } from '../domain/events/melding.ts';
import { ALCOHOL_LEVELS, SITES, YES_NO_CRITERIA } from '../domain/risicoscan/model.ts';

const points = (label: string) =>
	z.number({ error: `${label}: vul een getal in.` }).multipleOf(1, { error: `${label}: een geheel getal.` }).check(...fitsInteger()).min(0, { error: `${label}: 0 of meer.` }).max(100, { error: `${label}: hoogstens 100.` });
const count = (label: string, max = 10_000_000) =>
	z.number({ error: `${label}: vul een getal in.` }).multipleOf(1, { error: `${label}: een geheel getal.` }).check(...fitsInteger()).min(0, { error: `${label}: 0 of meer.` }).max(max, { error: `${label}: te groot.` });
const decimal = (label: string) => z.number({ error: `${label}: vul een getal in.` }).min(0, { error: `${label}: 0 of meer.` }).max(1000, { error: `${label}: te groot.` });
const version = z.number({ error: 'Stuur de versie mee die je zag.' }).multipleOf(1).check(...fitsInteger()).min(0);

const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const time = (label: string) => safeText({ error: `${label}: een tijd UU:MM.` }).regex(HHMM, { error: `${label}: een tijd UU:MM (00:00 tot 24:00).` });
const window = (label: string) =>
	z
		.object({ from: time(`${label} vanaf`), until: time(`${label} tot`) })
		.refine((w) => w.from < w.until, { error: `${label}: het einde moet na het begin liggen.`, path: ['until'] })
		.nullable();

const term = (label: string) =>
	z.object({
		unit: z.enum(['weeks', 'working_days'], { error: `${label}: kies weken of werkdagen.` }),
		amount: count(label, 104).min(1, { error: `${label}: minstens 1.` })
	});

export const eventSettingsInput = z.object({
	version,
	settings: z.object({
		permitTerm: term('Termijn vergunning'),
		meldingTerm: term('Termijn melding'),
		melding: z.object({
			maxVisitors: count('Meldingsplicht: hoogstens bezoekers'),
			oneDay: z.boolean(),
			window: window('Tijdvenster'),
			musicWindow: window('Muziek'),
			excludedDays: z.array(z.enum(EXCLUDED_DAYS)),
			oneStreet: z.boolean(),
			noRoadClosures: z.boolean(),
			emergencyLane: z.boolean(),
			maxCategory: z.enum(['A', 'B', 'C'])
		}),
		preannouncement: z
			.object({
				visitorsAbove: count('Vooraankondiging: meer dan bezoekers').nullable(),
				newEvents: z.boolean(),
				month: z.number().multipleOf(1).check(...fitsInteger()).min(1, { error: 'Maand 1 tot 12.' }).max(12, { error: 'Maand 1 tot 12.' }),
				day: z.number().multipleOf(1).check(...fitsInteger()).min(1, { error: 'Dag 1 tot 31.' }).max(31, { error: 'Dag 1 tot 31.' })
			})
			.nullable()
	})
});
export type EventSettingsInput = z.output<typeof eventSettingsInput>;

const record = <K extends string>(keys: readonly K[], label: (k: K) => string) =>
	z.object(Object.fromEntries(keys.map((k) => [k, points(label(k))])) as Record<K, ReturnType<typeof points>>);

/** The numbers of a risicoscan model; the advice routing stays the default's. */
export const risicoscanModelInput = z
	.object({
		basedOn: version,
		note: safeText().trim().max(500, { error: 'Toelichting: hoogstens 500 tekens.' }).default(''),
		peakVisitorBands: z.array(z.object({ min: count('Piekbezetting vanaf'), points: points('Punten piekbezetting') })).length(6),
		densityBands: z.array(z.object({ min: decimal('Dichtheid vanaf'), minInclusive: z.boolean(), points: points('Punten dichtheid') })).length(3),
		alcoholPoints: record(ALCOHOL_LEVELS, (k) => `Alcohol ${k}`),
		sitePoints: record(SITES, (k) => `Locatie ${k}`),
		criterionPoints: record(YES_NO_CRITERIA, (k) => `Criterium ${k}`),
		indoorLargeMinPeak: count('Binnen groot vanaf'),
		classThresholds: z.object({ B: points('Klasse B vanaf'), C: points('Klasse C vanaf') }),
		floorThresholds: z.record(safeText(), z.number({ error: 'Ondergrens: vul een getal in.' }).min(0, { error: 'Ondergrens: 0 of meer.' }).max(10_000_000, { error: 'Ondergrens: te groot.' }))
	})
	.refine((m) => m.classThresholds.B >= 1 && m.classThresholds.B < m.classThresholds.C, {
		path: ['classThresholds', 'C'],
		error: 'Klasse C moet meer punten vragen dan klasse B (en B minstens 1).'
	})
	.refine((m) => m.peakVisitorBands[0]?.min === 0 && m.peakVisitorBands.every((b, i, all) => i === 0 || b.min > all[i - 1]!.min), {
		path: ['peakVisitorBands'],
		error: 'De bezoekersgrenzen beginnen bij 0 en lopen op.'
	})
	.refine((m) => m.densityBands[0]?.min === 0 && m.densityBands.every((b, i, all) => i === 0 || b.min >= all[i - 1]!.min), {
		path: ['densityBands'],
		error: 'De dichtheidsgrenzen beginnen bij 0 en lopen op.'
	});
export type RisicoscanModelInput = z.output<typeof risicoscanModelInput>;
