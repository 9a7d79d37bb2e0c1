// Tasks (bevolkingszorg) in /api/v1/openapi.json.
import { newTaskInput, taskChangeInput, taskNoteInput } from './task-input.ts';
import { bulkAssignInput } from './template-input.ts';
import { problemResponse } from '../http/openapi-problem.ts';
import { errorResponse, idempotencyKeyParam, idParam, jsonBody, jsonSchema as schema, listResponse as list, okResponse as ok } from '../http/openapi-helpers.ts';

const task = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		incidentId: { type: 'string', format: 'uuid' },
		process: { type: 'string', enum: ['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase'] },
		title: { type: 'string' },
		description: { type: 'string' },
		municipality: { type: ['string', 'null'] },
		assignee: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
		priority: { type: 'string', enum: ['laag', 'normaal', 'hoog', 'urgent'] },
		status: { type: 'string', enum: ['open', 'in_uitvoering', 'gereed'] },
		blocked: { type: 'boolean' },
		blockedReason: { type: ['string', 'null'] },
		dueAt: { type: ['string', 'null'], format: 'date-time' },
		version: { type: 'integer' },
		exercise: { type: 'boolean' },
		createdAt: { type: 'string', format: 'date-time' },
		updatedAt: { type: 'string', format: 'date-time' },
		updatedBy: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } }
	}
} as const;

const taskNote = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		taskId: { type: 'string', format: 'uuid' },
		text: { type: 'string' },
		at: { type: 'string', format: 'date-time' },
		author: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }
	}
} as const;

const conflictResponse = problemResponse('Iemand anders wijzigde het eerst; `current` bevat de huidige stand', {});

export const tasksSchemas = {
	TaskInput: schema(newTaskInput),
	TaskChange: schema(taskChangeInput),
	TaskNoteInput: schema(taskNoteInput),
	BulkAssign: schema(bulkAssignInput),
	Task: task
};

export const tasksPaths = {
	'/api/v1/incidents/{id}/bevolkingszorg': {
		post: { summary: 'Bevolkingszorg activeren: de standaardtaken worden taken van dit incident', parameters: idParam, responses: { '201': list('tasks', 'Task'), '409': errorResponse('Al geactiveerd') } }
	},
	'/api/v1/incidents/{id}/tasks': {
		get: { summary: 'Taken van het incident', parameters: idParam, responses: { '200': list('tasks', 'Task') } },
		post: {
			summary: 'Taak aanmaken',
			parameters: [...idParam, idempotencyKeyParam],
			requestBody: jsonBody('TaskInput'),
			responses: { '201': ok('Task', 'Aangemaakt'), '400': errorResponse('Ongeldige invoer of een ongeldige Idempotency-Key'), '422': errorResponse('Deze Idempotency-Key is al gebruikt voor een ander verzoek') }
		}
	},
	'/api/v1/incidents/{id}/tasks/bulk': {
		post: { summary: 'Meerdere taken tegelijk (her)toewijzen, alles of niets', parameters: idParam, requestBody: jsonBody('BulkAssign'), responses: { '200': list('tasks', 'Task'), '409': conflictResponse } }
	},
	'/api/v1/tasks/{id}': {
		get: {
			summary: 'Taak met notities en wijzigingsgeschiedenis',
			parameters: idParam,
			responses: {
				'200': { description: 'Taak', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Task' }, { type: 'object', properties: { notes: { type: 'array', items: taskNote }, history: { type: 'array', items: { type: 'object' } } } }] } } } },
				'404': errorResponse('Bestaat niet of geen toegang')
			}
		},
		patch: {
			summary: 'Taak wijzigen met de versie die je zag',
			parameters: [...idParam, idempotencyKeyParam],
			requestBody: jsonBody('TaskChange'),
			responses: {
				'200': ok('Task'),
				'400': errorResponse('Ongeldige invoer, geen versie of een ongeldige Idempotency-Key'),
				'409': conflictResponse,
				'422': errorResponse('Deze Idempotency-Key is al gebruikt voor een ander verzoek')
			}
		}
	},
	'/api/v1/tasks/{id}/notes': {
		post: {
			summary: 'Notitie bij een taak (geen versie nodig: een notitie wijzigt de taak niet)',
			parameters: idParam,
			requestBody: jsonBody('TaskNoteInput'),
			responses: {
				'201': { description: 'Geplaatst', content: { 'application/json': { schema: taskNote } } },
				'400': errorResponse('Ongeldige invoer'),
				'403': errorResponse('Geen recht'),
				'404': errorResponse('Bestaat niet')
			}
		}
	},
	'/api/v1/mijn-taken': { get: { summary: 'Mijn taken over alle lopende incidenten', responses: { '200': list('tasks', 'Task') } } }
};
