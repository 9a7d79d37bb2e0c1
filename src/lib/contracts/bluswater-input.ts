// What the bluswater API and forms accept; every refusal names the field in Dutch.
import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { CREW_TYPES, UNIT_KINDS, UNIT_STATUSES, WATER_RULES } from '../domain/bluswater.ts';

const MAX_LPM = 100_000;

export const positionInput = z.object(
	{
		lat: z.number({ error: 'Breedtegraad moet een getal zijn.' }).min(50.7, { error: 'Breedtegraad ligt buiten Nederland.' }).max(53.7, { error: 'Breedtegraad ligt buiten Nederland.' }),
		lon: z.number({ error: 'Lengtegraad moet een getal zijn.' }).min(3.2, { error: 'Lengtegraad ligt buiten Nederland.' }).max(7.3, { error: 'Lengtegraad ligt buiten Nederland.' })
	},
	{ error: 'Geef de plaats als { lat, lon }.' }
);

const demandLpm = z
	.number({ error: 'De waterbehoefte moet een getal in liter per minuut zijn.' })
	.int({ error: 'De waterbehoefte is een geheel aantal liter per minuut.' })
	.check(...fitsInteger())
	.positive({ error: 'De waterbehoefte moet groter zijn dan 0 l/min.' })
	.max(MAX_LPM, { error: `De waterbehoefte kan hoogstens ${MAX_LPM} l/min zijn.` });

const place = safeText({ error: 'Vul de plaats in waar het water nodig is.' })
	.trim()
	.min(2, { error: 'De plaats moet minstens 2 tekens hebben.' })
	.max(200, { error: 'De plaats mag hoogstens 200 tekens hebben.' });

const version = z
	.number({ error: 'Stuur de versie mee die je voor het laatst zag (version), zodat niemands wijziging verloren gaat.' })
	.int({ error: 'version is een geheel getal.' })
	.check(...fitsInteger())
	.min(1, { error: 'version is een geheel getal van 1 of meer.' });

export const unitStatusInput = z.enum(UNIT_STATUSES, {
	error: `Deze status bestaat niet; kies uit ${UNIT_STATUSES.join(', ')}.`
});

export const newWaterRequestInput = z.object({
	place,
	demandLpm: demandLpm.default(WATER_RULES.defaultDemandLpm),
	position: positionInput.optional()
});
export type NewWaterRequestInput = z.output<typeof newWaterRequestInput>;

export const waterRequestChangeInput = z.object({
	version,
	place: place.optional(),
	demandLpm: demandLpm.optional(),
	position: positionInput.nullable().optional(),
	/** true: the fire needs no more water; open assignments end and their units return. */
	ended: z.literal(true, { error: 'ended kan alleen true zijn (een beëindigd verzoek gaat niet meer open).' }).optional()
});
export type WaterRequestChangeInput = z.output<typeof waterRequestChangeInput>;

export const assignmentInput = z.object({
	unitId: z.uuid({ error: 'Kies een eenheid (unitId is het id van een eenheid).' })
});
export type AssignmentInput = z.output<typeof assignmentInput>;

export const unitStatusChangeInput = z.object({
	version,
	status: unitStatusInput,
	/** A level the crew reports for the load on scene. */
	litresLeft: z
		.number({ error: 'Liters over moet een getal zijn.' })
		.int({ error: 'Liters over is een geheel getal.' })
		.check(...fitsInteger())
		.min(0, { error: 'Liters over kan niet negatief zijn.' })
		.optional(),
	position: positionInput.optional()
});
export type UnitStatusChangeInput = z.output<typeof unitStatusChangeInput>;

const code = safeText({ error: 'Vul de roepnaam van de eenheid in.' })
	.trim()
	.min(2, { error: 'De roepnaam moet minstens 2 tekens hebben.' })
	.max(30, { error: 'De roepnaam mag hoogstens 30 tekens hebben.' });
const station = safeText({ error: 'Vul de post (kazerne) in.' })
	.trim()
	.min(2, { error: 'De post moet minstens 2 tekens hebben.' })
	.max(100, { error: 'De post mag hoogstens 100 tekens hebben.' });
const capacityLitres = z
	.number({ error: 'De inhoud moet een getal in liters zijn.' })
	.int({ error: 'De inhoud is een geheel aantal liters.' })
	.check(...fitsInteger())
	.min(0, { error: 'De inhoud kan niet negatief zijn.' })
	.max(100_000, { error: 'De inhoud kan hoogstens 100 000 liter zijn.' });
const pumpRateLpm = z
	.number({ error: 'De pompcapaciteit moet een getal in liter per minuut zijn.' })
	.int({ error: 'De pompcapaciteit is een geheel aantal liter per minuut.' })
	.check(...fitsInteger())
	.positive({ error: 'De pompcapaciteit moet groter zijn dan 0 l/min.' })
	.max(MAX_LPM, { error: `De pompcapaciteit kan hoogstens ${MAX_LPM} l/min zijn.` });
const kind = z.enum(UNIT_KINDS, { error: 'Soort moet wtw (watertankwagen) of gwt (grootwatertransport) zijn.' });
const crew = z.enum(CREW_TYPES, { error: 'Bemanning moet beroeps of vrijwillig zijn.' });

const tankerCarriesWater = (u: { kind?: string; capacityLitres?: number }) => !(u.kind === 'wtw' && u.capacityLitres === 0);
const tankerMessage = { error: 'Een watertankwagen heeft een inhoud van meer dan 0 liter.', path: ['capacityLitres'] };

export const newUnitInput = z
	.object({ code, kind, station, capacityLitres, pumpRateLpm, crew, home: positionInput })
	.refine(tankerCarriesWater, tankerMessage);
export type NewUnitInput = z.output<typeof newUnitInput>;

export const unitEditInput = z
	.object({
		version,
		code: code.optional(),
		kind: kind.optional(),
		station: station.optional(),
		capacityLitres: capacityLitres.optional(),
		pumpRateLpm: pumpRateLpm.optional(),
		crew: crew.optional(),
		home: positionInput.optional(),
		/** false: buiten dienst; true: back in service (beschikbaar). */
		inService: z.boolean({ error: 'inService is true of false.' }).optional()
	})
	.refine(tankerCarriesWater, tankerMessage);
export type UnitEditInput = z.output<typeof unitEditInput>;
