import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { LOG_DISCIPLINES, LOG_KINDS } from '../domain/logbook.ts';
import { PICTURE_SECTIONS } from '../domain/situation.ts';

const kind = z.enum(LOG_KINDS, { error: `Onbekend soort logregel; kies uit ${LOG_KINDS.join(', ')}.` });
const discipline = z.enum(LOG_DISCIPLINES, { error: `Onbekende discipline; kies uit ${LOG_DISCIPLINES.join(', ')}.` });

export const newLogEntryInput = z.object({
	kind,
	discipline,
	text: safeText({ error: 'Vul de tekst van de logregel in.' })
		.trim()
		.min(1, { error: 'Vul de tekst van de logregel in; een lege logregel wordt niet opgeslagen.' })
		.max(4000, { error: 'Een logregel mag hoogstens 4000 tekens hebben.' }),
	happenedAt: z.iso.datetime({ offset: true, error: 'Het tijdstip van gebeuren moet een ISO 8601-tijdstip met tijdzone zijn.' }).optional(),
	source: safeText({ error: 'De bron moet tekst zijn.' }).trim().max(200, { error: 'De bron mag hoogstens 200 tekens hebben.' }).optional(),
	/** Set for a correction: the id of the entry it corrects. */
	correctsId: z.uuid({ error: 'correctsId moet het id van een logregel zijn.' }).optional()
});
export type NewLogEntryInput = z.output<typeof newLogEntryInput>;

/** Query filters, from repeated or comma-separated parameters (?soort=besluit,actie&discipline=ghor). */
export const logFilterInput = z.object({
	kinds: z.array(kind).optional(),
	disciplines: z.array(discipline).optional(),
	unread: z.boolean().optional()
});
export type LogFilterInput = z.output<typeof logFilterInput>;

export function logFilterFromQuery(params: URLSearchParams): unknown {
	const list = (...names: string[]) => {
		const values = names.flatMap((n) => params.getAll(n)).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
		return values.length > 0 ? values : undefined;
	};
	const unread = params.get('ongelezen') ?? params.get('unread');
	return { kinds: list('soort', 'kind'), disciplines: list('discipline'), unread: unread === null ? undefined : unread === '1' || unread === 'true' };
}

export const readInput = z.object({
	upTo: z
		.number({ error: 'Geef het nummer van de laatst gelezen logregel (upTo).' })
		.int({ error: 'upTo is een geheel getal.' })
		.check(...fitsInteger())
		.min(0, { error: 'upTo is 0 of meer.' })
});
export type ReadInput = z.output<typeof readInput>;

export const sectionInput = z.object({
	text: safeText({ error: 'De tekst van het beeld moet tekst zijn.' }).max(10_000, { error: 'Een sectie van het beeld mag hoogstens 10.000 tekens hebben.' }),
	version: z
		.number({ error: 'Stuur de versie mee die je voor het laatst zag (version; 0 voor een lege sectie), zodat niemands tekst verloren gaat.' })
		.int({ error: 'version is een geheel getal.' })
		.check(...fitsInteger())
		.min(0, { error: 'version is 0 of meer.' })
});
export type SectionInput = z.output<typeof sectionInput>;

export const sectionParam = z.enum(PICTURE_SECTIONS, { error: `Onbekende sectie; kies uit ${PICTURE_SECTIONS.join(', ')}.` });
