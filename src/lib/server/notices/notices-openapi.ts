// Regional notices in /api/v1/openapi.json.
import { noticeInput } from './notice-input.ts';
import { errorResponse, idParam, jsonBody, jsonSchema as schema } from '../http/openapi-helpers.ts';

const notice = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		title: { type: 'string' },
		text: { type: 'string' },
		severity: { type: 'string', enum: ['info', 'waarschuwing', 'urgent'] },
		exercise: { type: 'boolean' },
		createdAt: { type: 'string', format: 'date-time' },
		withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
		author: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }
	}
} as const;

export const noticesSchemas = {
	NoticeInput: schema(noticeInput),
	Notice: notice
};

export const noticesPaths = {
	'/api/v1/notices': {
		get: {
			summary: 'Recente regionale berichten',
			parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }],
			responses: { '200': { description: 'Berichten, nieuwste eerst', content: { 'application/json': { schema: { type: 'object', properties: { notices: { type: 'array', items: { $ref: '#/components/schemas/Notice' } } } } } } }, '401': errorResponse('Niet ingelogd') }
		},
		post: {
			summary: 'Regionaal bericht plaatsen (crisisteam of beheerder); live op onderwerp `region`',
			requestBody: jsonBody('NoticeInput'),
			responses: {
				'201': { description: 'Geplaatst', content: { 'application/json': { schema: { $ref: '#/components/schemas/Notice' } } } },
				'400': errorResponse('Ongeldige invoer'),
				'401': errorResponse('Niet ingelogd'),
				'403': errorResponse('Geen recht om berichten te plaatsen')
			}
		}
	},
	'/api/v1/notices/{id}/read': {
		post: {
			summary: 'Bericht gelezen: het verdwijnt uit de balk met urgente berichten van deze gebruiker (live op `user:<id>`)',
			parameters: idParam,
			responses: {
				'200': { description: 'Gelezen', content: { 'application/json': { schema: { $ref: '#/components/schemas/Notice' } } } },
				'401': errorResponse('Niet ingelogd'),
				'404': errorResponse('Onbekend bericht')
			}
		}
	},
	'/api/v1/notices/{id}/withdraw': {
		post: {
			summary: 'Bericht intrekken (crisisteam of beheerder): het verdwijnt overal, live op `region`',
			parameters: idParam,
			responses: {
				'200': { description: 'Ingetrokken', content: { 'application/json': { schema: { $ref: '#/components/schemas/Notice' } } } },
				'401': errorResponse('Niet ingelogd'),
				'403': errorResponse('Geen recht om berichten in te trekken'),
				'404': errorResponse('Onbekend bericht'),
				'409': errorResponse('Al ingetrokken')
			}
		}
	}
};
