// On-call roster and alerting in /api/v1/openapi.json.
import { newAlertInput } from '../../contracts/alert-input.ts';
import { ALERT_STATUSES } from '../../domain/alerting/statuses.ts';
import { errorResponse, idParam, jsonBody, jsonSchema as schema, listResponse as list, okResponse as ok } from '../http/openapi-helpers.ts';

const time = { type: ['string', 'null'], format: 'date-time' } as const;

const recipient = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		userId: { type: 'string', format: 'uuid' },
		name: { type: 'string' },
		function: { type: 'string', description: 'code van de crisisfunctie (docs/alerting.md)' },
		functionName: { type: 'string' },
		status: { type: 'string', enum: [...ALERT_STATUSES] },
		sentAt: { type: 'string', format: 'date-time' },
		receivedAt: time,
		answeredAt: time,
		eta: { ...time, description: 'verwachte aankomst, opgegeven bij "Ik kom"' },
		escalateAt: { ...time, description: 'wanneer de alarmering zonder antwoord naar de backup gaat' },
		escalatedAt: time,
		escalatedFrom: { type: ['string', 'null'], format: 'uuid', description: 'bij een backup: de ontvanger wiens alarmering hij overnam' }
	}
} as const;

export const alertingSchemas = {
	AlertInput: schema(newAlertInput),
	AlertRecipient: recipient,
	Alert: {
		type: 'object',
		properties: {
			id: { type: 'string', format: 'uuid' },
			incidentId: { type: 'string', format: 'uuid' },
			message: { type: 'string' },
			functions: { type: 'array', items: { type: 'string' } },
			gripLevel: { type: ['integer', 'null'] },
			createdBy: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
			createdAt: { type: 'string', format: 'date-time' },
			exercise: { type: 'boolean' },
			recipients: { type: 'array', items: { $ref: '#/components/schemas/AlertRecipient' } }
		}
	},
	AlertCreated: {
		type: 'object',
		properties: {
			id: { type: 'string', format: 'uuid' },
			recipients: {
				type: 'array',
				items: { type: 'object', properties: { userId: { type: 'string', format: 'uuid' }, function: { type: 'string' }, status: { type: 'string', enum: [...ALERT_STATUSES] } } }
			},
			unstaffed: { type: 'array', items: { type: 'string' }, description: 'gekozen functies zonder piketdienst op dit moment' }
		}
	},
	OnCall: {
		type: 'array',
		items: {
			type: 'object',
			properties: {
				function: { type: 'string' },
				userId: { type: 'string', format: 'uuid' },
				name: { type: 'string' },
				backupUserId: { type: ['string', 'null'], format: 'uuid' }
			}
		}
	}
};

export const alertingPaths = {
	'/api/v1/oncall': {
		get: { summary: 'Wie nu piketdienst heeft, per functie, met de backup', responses: { '200': ok('OnCall'), '403': errorResponse('Geen toegang tot het piketrooster') } }
	},
	'/api/v1/incidents/{id}/alerts': {
		get: { summary: 'De alarmeringen van een incident (opkomst), nieuwste eerst', parameters: idParam, responses: { '200': list('alerts', 'Alert'), '404': errorResponse('Incident bestaat niet') } },
		post: {
			summary: 'Alarmeren: wie nu dienst heeft voor de gekozen functies krijgt het bericht met een eenmalige antwoordlink; live op `incident:<id>`',
			parameters: idParam,
			requestBody: jsonBody('AlertInput'),
			responses: {
				'201': ok('AlertCreated', 'Verstuurd'),
				'400': errorResponse('Ongeldige invoer of onbekende functie'),
				'403': errorResponse('Geen recht om te alarmeren'),
				'404': errorResponse('Incident bestaat niet'),
				'409': errorResponse('Incident gesloten')
			}
		}
	},
	'/api/v1/alerts/{id}': {
		get: { summary: 'Een alarmering: per ontvanger de status en de tijden', parameters: idParam, responses: { '200': ok('Alert'), '404': errorResponse('Bestaat niet') } }
	}
};
