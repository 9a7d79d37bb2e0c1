// Incidents and exercises in /api/v1/openapi.json.
import { gripChangeInput, newIncidentInput, statusChangeInput } from './incident-input.ts';
import { errorResponse, idParam, jsonBody, jsonSchema as schema, listResponse as list, okResponse as ok } from '../http/openapi-helpers.ts';

const incident = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		title: { type: 'string' },
		kind: { type: 'string', enum: ['crisis', 'oefening'] },
		exercise: { type: 'boolean', description: 'true bij een oefening: alles eromheen draagt het OEFENING-merk' },
		type: { type: ['string', 'null'] },
		location: { type: ['string', 'null'] },
		position: { type: ['object', 'null'], properties: { lat: { type: 'number' }, lon: { type: 'number' } } },
		status: { type: 'string', enum: ['actief', 'afgeschaald', 'gesloten'] },
		grip: { type: 'integer', minimum: 0, maximum: 5 },
		affectedPeople: { type: ['integer', 'null'] },
		municipalities: { type: 'array', items: { type: 'string' } },
		startedAt: { type: 'string', format: 'date-time' },
		createdAt: { type: 'string', format: 'date-time' },
		createdBy: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
		bevolkingszorgActivatedAt: { type: ['string', 'null'], format: 'date-time' },
		version: { type: 'integer' }
	}
} as const;

export const incidentsSchemas = {
	IncidentInput: schema(newIncidentInput),
	GripChange: schema(gripChangeInput),
	StatusChange: schema(statusChangeInput),
	Incident: incident
};

export const incidentsPaths = {
	'/api/v1/incidents': {
		get: { summary: 'Lopende incidenten en oefeningen (?gesloten=1: ook gesloten)', responses: { '200': list('incidents', 'Incident'), '403': errorResponse('Geen toegang tot incidenten') } },
		post: {
			summary: 'Incident of oefening aanmaken; live op `incidents` en `incident:<id>`',
			requestBody: jsonBody('IncidentInput'),
			responses: { '201': ok('Incident', 'Aangemaakt'), '400': errorResponse('Ongeldige invoer'), '403': errorResponse('Geen recht') }
		}
	},
	'/api/v1/incidents/{id}': { get: { summary: 'Incident met GRIP-verloop', parameters: idParam, responses: { '200': ok('Incident'), '404': errorResponse('Bestaat niet') } } },
	'/api/v1/incidents/{id}/grip': {
		post: { summary: 'GRIP wijzigen (met reden)', parameters: idParam, requestBody: jsonBody('GripChange'), responses: { '200': ok('Incident'), '400': errorResponse('Ongeldig niveau of geen reden'), '409': errorResponse('Verouderde versie of gesloten incident') } }
	},
	'/api/v1/incidents/{id}/status': {
		post: { summary: 'Status wijzigen (actief, afgeschaald, gesloten)', parameters: idParam, requestBody: jsonBody('StatusChange'), responses: { '200': ok('Incident'), '409': errorResponse('Verouderde versie of gesloten incident') } }
	},
	'/api/v1/incidents/{id}/archive': {
		post: {
			summary: 'Een gesloten oefening archiveren (oefenleider of crisisteam); ze blijft leesbaar',
			parameters: idParam,
			responses: {
				'200': ok('Incident'),
				'400': errorResponse('Geen oefening (not_an_exercise)'),
				'403': errorResponse('Geen recht'),
				'409': errorResponse('Oefening nog niet gesloten (exercise_open) of al gearchiveerd (already_archived)')
			}
		}
	}
};
