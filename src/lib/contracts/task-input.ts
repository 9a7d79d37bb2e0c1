import { z } from 'zod';
import { fitsInteger, safeText } from '../validation/fields.ts';
import { PRIORITIES, PROCESSES, TASK_STATUSES } from '../domain/bevolkingszorg.ts';
import { KENNEMERLAND } from '../domain/region.ts';

const MUNICIPALITY_CODES = KENNEMERLAND.map((m) => m.code) as [string, ...string[]];

const process = z.enum(PROCESSES, {
	error: `Onbekend proces; kies uit ${PROCESSES.join(', ')}.`
});
const status = z.enum(TASK_STATUSES, { error: `Onbekende status; kies uit ${TASK_STATUSES.join(', ')}.` });
const priority = z.enum(PRIORITIES, { error: `Onbekende prioriteit; kies uit ${PRIORITIES.join(', ')}.` });
const title = safeText({ error: 'Vul een titel in.' })
	.trim()
	.min(2, { error: 'De titel moet minstens 2 tekens hebben.' })
	.max(200, { error: 'De titel mag hoogstens 200 tekens hebben.' });
const description = safeText({ error: 'Omschrijving moet tekst zijn.' }).max(4000, { error: 'De omschrijving mag hoogstens 4000 tekens hebben.' });
const municipality = z.enum(MUNICIPALITY_CODES, { error: `Onbekende gemeente; kies uit ${MUNICIPALITY_CODES.join(', ')}.` }).nullable();
const dueAt = z.iso.datetime({ offset: true, error: 'Deadline moet een ISO 8601-tijdstip met tijdzone zijn.' }).nullable();
const assigneeId = z.uuid({ error: 'Uitvoerder moet een gebruikers-id zijn.' }).nullable();

export const newTaskInput = z.object({
	process,
	title,
	description: description.optional(),
	municipality: municipality.optional(),
	priority: priority.optional(),
	dueAt: dueAt.optional(),
	assigneeId: assigneeId.optional()
});
export type NewTaskInput = z.output<typeof newTaskInput>;

export const taskChangeInput = z.object({
	version: z
		.number({ error: 'Stuur de versie mee die je voor het laatst zag (version), zodat niemands wijziging verloren gaat.' })
		.int({ error: 'version is een geheel getal.' })
		.check(...fitsInteger())
		.min(1, { error: 'version is een geheel getal van 1 of meer.' }),
	status: status.optional(),
	process: process.optional(),
	title: title.optional(),
	description: description.optional(),
	municipality: municipality.optional(),
	priority: priority.optional(),
	dueAt: dueAt.optional(),
	assigneeId: assigneeId.optional(),
	blockedReason: safeText().trim().max(500, { error: 'De reden van de blokkade mag hoogstens 500 tekens hebben.' }).nullable().optional()
});
export type TaskChangeInput = z.output<typeof taskChangeInput>;

export const taskNoteInput = z.object({
	text: safeText({ error: 'Een notitie is tekst.' })
		.trim()
		.min(1, { error: 'Een notitie mag niet leeg zijn.' })
		.max(2000, { error: 'Een notitie mag hoogstens 2000 tekens hebben.' })
});
