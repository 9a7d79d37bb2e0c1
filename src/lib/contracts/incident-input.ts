import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from '../domain/incidents.ts';
import { KENNEMERLAND } from '../domain/region.ts';

const MUNICIPALITY_CODES = KENNEMERLAND.map((m) => m.code) as [string, ...string[]];

const gripLevel = z.coerce
	.number({ error: 'GRIP moet een niveau van 0 tot en met 5 zijn.' })
	.int({ error: 'GRIP moet een geheel niveau zijn (0 tot en met 5).' })
	.check(...fitsInteger())
	.min(0, { error: 'GRIP moet een niveau van 0 tot en met 5 zijn.' })
	.max(5, { error: 'GRIP moet een niveau van 0 tot en met 5 zijn (GRIP Rijk bestaat niet meer).' });

export const newIncidentInput = z.object({
	title: safeText({ error: 'Vul een titel in.' })
		.trim()
		.min(3, { error: 'De titel moet minstens 3 tekens hebben.' })
		.max(200, { error: 'De titel mag hoogstens 200 tekens hebben.' }),
	kind: z.enum(INCIDENT_KINDS, { error: 'Soort moet crisis of oefening zijn.' }),
	municipalities: z
		.array(z.enum(MUNICIPALITY_CODES, { error: `Onbekende gemeente; kies uit ${MUNICIPALITY_CODES.join(', ')}.` }), {
			error: 'Geef de getroffen gemeenten als lijst van gemeentecodes.'
		})
		.min(1, { error: 'Kies minstens één getroffen gemeente.' })
		.max(9, { error: 'Kennemerland heeft negen gemeenten.' }),
	grip: gripLevel.optional(),
	type: safeText().trim().max(100, { error: 'Het type mag hoogstens 100 tekens hebben.' }).optional(),
	location: safeText().trim().max(300, { error: 'De locatie mag hoogstens 300 tekens hebben.' }).optional(),
	position: z
		.object({
			lat: z.number().min(50.7, { error: 'Breedtegraad ligt buiten Nederland.' }).max(53.7, { error: 'Breedtegraad ligt buiten Nederland.' }),
			lon: z.number().min(3.2, { error: 'Lengtegraad ligt buiten Nederland.' }).max(7.3, { error: 'Lengtegraad ligt buiten Nederland.' })
		})
		.optional(),
	affectedPeople: z.number().int({ error: 'Aantal getroffenen is een geheel getal.' }).check(...fitsInteger()).min(0, { error: 'Aantal getroffenen kan niet negatief zijn.' }).optional(),
	startedAt: z.iso.datetime({ offset: true, error: 'Begintijd moet een ISO 8601-tijdstip met tijdzone zijn.' }).optional()
});
export type NewIncidentInput = z.output<typeof newIncidentInput>;

export const gripChangeInput = z.object({
	grip: gripLevel,
	reason: safeText({ error: 'Geef de reden van de GRIP-wijziging.' })
		.trim()
		.min(3, { error: 'Geef de reden van de GRIP-wijziging (minstens 3 tekens).' })
		.max(1000, { error: 'De reden mag hoogstens 1000 tekens hebben.' }),
	version: z.coerce.number().int().check(...fitsInteger()).min(1).optional()
});
export type GripChangeInput = z.output<typeof gripChangeInput>;

export const statusChangeInput = z.object({
	status: z.enum(INCIDENT_STATUSES, { error: 'Status moet actief, afgeschaald of gesloten zijn.' }),
	version: z.coerce.number().int().check(...fitsInteger()).min(1).optional()
});
export type StatusChangeInput = z.output<typeof statusChangeInput>;
