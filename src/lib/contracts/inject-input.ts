import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { LOG_DISCIPLINES } from '../domain/logbook.ts';
import { DEFAULT_INJECT_SOURCE, MAX_INJECT_MINUTES } from '../domain/injects.ts';

export const newInjectInput = z.object({
	text: safeText({ error: 'Vul de tekst van de inject in.' })
		.trim()
		.min(1, { error: 'Vul de tekst van de inject in; een lege inject wordt niet opgeslagen.' })
		.max(4000, { error: 'Een inject mag hoogstens 4000 tekens hebben.' }),
	/** Who the players will see as the message's source ("Meldkamer brandweer", "Burger via 112"). */
	source: safeText({ error: 'Vul de bron van de inject in.' })
		.trim()
		.min(1, { error: 'Vul de bron in die de spelers zien (bijvoorbeeld Meldkamer brandweer).' })
		.max(100, { error: 'De bron mag hoogstens 100 tekens hebben.' })
		.default(DEFAULT_INJECT_SOURCE),
	discipline: z.enum(LOG_DISCIPLINES, { error: `Onbekende discipline; kies uit ${LOG_DISCIPLINES.join(', ')}.` }),
	dueMinutes: z
		.number({ error: 'Geef aan hoeveel minuten na de start de inject valt (dueMinutes).' })
		.int({ error: 'Het aantal minuten na de start is een geheel getal.' })
		.check(...fitsInteger())
		.min(0, { error: 'Een inject kan niet vóór de start van de oefening vallen.' })
		.max(MAX_INJECT_MINUTES, { error: `Een inject valt hoogstens ${MAX_INJECT_MINUTES / (24 * 60)} dagen na de start.` })
});
export type NewInjectInput = z.output<typeof newInjectInput>;
