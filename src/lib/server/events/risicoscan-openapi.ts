// The stand-alone risicoscan in /api/v1/openapi.json.
import { risicoscanInputSchema } from '../../domain/risicoscan/index.ts';
import { errorResponse, jsonBody, jsonSchema as schema } from '../http/openapi-helpers.ts';

const risicoscanResult = {
	type: 'object',
	required: ['points', 'category', 'reasons', 'floors', 'advice'],
	properties: {
		points: { type: 'integer' },
		category: { type: 'string', enum: ['A', 'B', 'C'] },
		reasons: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					code: { type: 'string' },
					profile: { type: 'string', enum: ['publiek', 'activiteit', 'ruimte', 'context'] },
					points: { type: 'integer' },
					label: { type: 'string' }
				}
			}
		},
		floors: {
			type: 'array',
			items: {
				type: 'object',
				properties: { code: { type: 'string' }, category: { type: 'string', enum: ['B', 'C'] }, label: { type: 'string' } }
			}
		},
		advice: {
			type: 'object',
			properties: {
				brandweer: { type: 'boolean' },
				ghor: { type: 'boolean' },
				politie: { type: 'boolean' },
				joint: { type: 'boolean' }
			}
		}
	}
} as const;

export const risicoscanSchemas = {
	RisicoscanInput: schema(risicoscanInputSchema),
	RisicoscanResult: risicoscanResult
};

export const risicoscanPaths = {
	'/api/v1/risicoscan': {
		post: {
			summary: 'Risicoscan van één aanvraag (A/B/C met redenen); slaat niets op',
			requestBody: jsonBody('RisicoscanInput'),
			responses: {
				'200': { description: 'Uitkomst', content: { 'application/json': { schema: { $ref: '#/components/schemas/RisicoscanResult' } } } },
				'400': errorResponse('Elk fout veld wordt genoemd in invalidParams'),
				'401': errorResponse('Niet ingelogd')
			}
		}
	}
};
