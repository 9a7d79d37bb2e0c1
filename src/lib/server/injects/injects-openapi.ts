// The inject part of /api/v1/openapi.json (an exercise's script), from the same zod schemas that
// validate requests.
import { LOG_DISCIPLINES } from '../../domain/logbook.ts';
import { newInjectInput } from './inject-input.ts';
import { errorResponse as error, jsonSchema as schema, listResponse as list, schemaRef as ref } from '../http/openapi-helpers.ts';

const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const path = (name: string, format: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format } });
const id = path('id', 'uuid');
const person = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } };
const numbered = { type: ['object', 'null'], properties: { id: { type: 'string', format: 'uuid' }, number: { type: 'integer' } } };
const exercise = { type: 'boolean', description: 'true bij een oefening: het record draagt het OEFENING-merk' };
const closed = error('Het incident is gesloten');

const inject = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		incidentId: { type: 'string', format: 'uuid' },
		text: { type: 'string' },
		discipline: { enum: [...LOG_DISCIPLINES] },
		dueMinutes: { type: 'integer', description: 'Minuten na de start van de oefening' },
		dueAt: { type: 'string', format: 'date-time' },
		deliveredAt: { type: ['string', 'null'], format: 'date-time' },
		entry: numbered,
		createdBy: person,
		createdAt: { type: 'string', format: 'date-time' },
		exercise
	}
};

export const injectsSchemas = {
	InjectInput: schema(newInjectInput),
	Inject: inject
};

export const injectsPaths = {
	'/api/v1/incidents/{id}/injects': {
		get: { summary: 'Draaiboek van de oefening (alleen de oefenleider; live op `injects:<id>`)', parameters: [id], responses: { '200': list('injects', 'Inject'), '403': error('Geen oefenleider') } },
		post: {
			summary: 'Inject inplannen op start + dueMinutes; komt op tijd als melding in het logboek, ook na een herstart',
			parameters: [id],
			requestBody: body('InjectInput'),
			responses: { '201': json('Ingepland', ref('Inject')), '400': error('In het verleden, leeg of geen oefening'), '403': error('Geen oefenleider'), '409': closed }
		}
	},
	'/api/v1/incidents/{id}/injects/{injectId}': {
		delete: { summary: 'Inject verwijderen die nog niet is afgeleverd', parameters: [id, path('injectId', 'uuid')], responses: { '200': json('Verwijderd', ref('Inject')), '409': error('Al afgeleverd') } }
	}
};
