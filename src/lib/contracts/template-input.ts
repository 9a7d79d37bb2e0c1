import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { PRIORITIES, PROCESSES } from '../domain/bevolkingszorg.ts';

export const templateInput = z.object({
	process: z.enum(PROCESSES, { error: 'Kies een van de vijf processen.' }),
	title: safeText().trim().min(2, { error: 'De titel moet minstens 2 tekens hebben.' }).max(200, { error: 'De titel mag hoogstens 200 tekens hebben.' }),
	description: safeText().max(4000, { error: 'De omschrijving mag hoogstens 4000 tekens hebben.' }).default(''),
	priority: z.enum(PRIORITIES, { error: 'Kies een prioriteit: laag, normaal, hoog of urgent.' }),
	// Empty in a form: no deadline.
	dueMinutes: z
		.union([z.literal('').transform(() => null), z.coerce.number().int({ error: 'Minuten zijn een geheel getal.' }).check(...fitsInteger()).min(0, { error: 'De deadline ligt niet vóór het begin van het incident.' }).max(60 * 24 * 14, { error: 'Hoogstens twee weken na het begin.' })])
		.nullable()
		.default(null),
	sortOrder: z.coerce.number().int().check(...fitsInteger()).min(0).max(10_000).default(0)
});
export type TemplateInput = z.output<typeof templateInput>;

export const templateUpdateInput = templateInput.extend({
	id: z.uuid({ error: 'Onbekende taakkaart.' }),
	version: z.coerce.number().int().check(...fitsInteger()).min(1),
	active: z
		.union([z.boolean(), z.enum(['true', 'false', 'on', ''])])
		.transform((v) => v === true || v === 'true' || v === 'on')
		.default(true)
});
export type TemplateUpdateInput = z.output<typeof templateUpdateInput>;

export const bulkAssignInput = z.object({
	tasks: z
		.array(z.object({ id: z.uuid({ error: 'Onbekende taak.' }), version: z.number().int().check(...fitsInteger()).min(1) }), { error: 'Geef de taken als lijst van { id, version }.' })
		.min(1, { error: 'Kies minstens één taak.' })
		.max(500, { error: 'Hoogstens 500 taken tegelijk.' }),
	assigneeId: z.uuid({ error: 'Uitvoerder moet een gebruikers-id zijn.' }).nullable().optional(),
	municipality: safeText().nullable().optional()
});
export type BulkAssignInput = z.output<typeof bulkAssignInput>;
