// The OpenAPI 3.1 description of /api/v1, built from the same zod schemas that validate requests.
import { z } from 'zod';
import { loginInput } from '../auth/login-input';
import { noticeInput } from '../notices/notice-input';
import { risicoscanInputSchema } from '../../domain/risicoscan';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const errorBody = {
	type: 'object',
	required: ['error'],
	properties: {
		error: {
			type: 'object',
			required: ['code', 'message'],
			properties: {
				code: { type: 'string', examples: ['validation_failed'] },
				message: { type: 'string', description: 'Nederlandse uitleg voor de gebruiker' },
				fields: {
					type: 'array',
					items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } }
				}
			}
		}
	}
} as const;

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

const jsonBody = (ref: string) => ({
	required: true,
	content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } }
});

const user = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		email: { type: 'string' },
		name: { type: 'string' },
		roles: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					role: { type: 'string' },
					label: { type: 'string' },
					municipality: { type: ['string', 'null'], description: 'null: de hele regio' },
					municipalityName: { type: 'string' },
					discipline: { type: ['string', 'null'], enum: ['brandweer', 'ghor', 'politie', null] }
				}
			}
		}
	}
} as const;

const notice = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		title: { type: 'string' },
		text: { type: 'string' },
		severity: { type: 'string', enum: ['info', 'waarschuwing', 'urgent'] },
		exercise: { type: 'boolean' },
		createdAt: { type: 'string', format: 'date-time' },
		author: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }
	}
} as const;

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

export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Paraat API',
			version: '1',
			description:
				'De API van Paraat (Veiligheidsregio Kennemerland). Dezelfde diensten en rechten als de schermen. ' +
				'Fouten als { error: { code, message } } met een Nederlandse melding. Wijzigende verzoeken alleen vanaf de eigen herkomst.'
		},
		servers: [{ url: serverUrl }],
		components: {
			securitySchemes: { sessie: { type: 'apiKey', in: 'cookie', name: 'paraat_sessie' } },
			schemas: {
				Error: errorBody,
				Login: schema(loginInput),
				User: user,
				NoticeInput: schema(noticeInput),
				Notice: notice,
				RisicoscanInput: schema(risicoscanInputSchema),
				RisicoscanResult: risicoscanResult
			}
		},
		security: [{ sessie: [] }],
		paths: {
			'/api/v1/session': {
				post: {
					summary: 'Inloggen',
					security: [],
					requestBody: jsonBody('Login'),
					responses: {
						'200': { description: 'Ingelogd; de sessiecookie is gezet', content: { 'application/json': { schema: { type: 'object', properties: { user: { $ref: '#/components/schemas/User' }, expiresAt: { type: 'string', format: 'date-time' } } } } } },
						'400': errorResponse('Ongeldige invoer'),
						'401': errorResponse('Onjuist e-mailadres of wachtwoord'),
						'429': errorResponse('Te veel mislukte pogingen (Retry-After in seconden)')
					}
				},
				delete: { summary: 'Uitloggen (verbreekt ook de live-verbindingen)', responses: { '204': { description: 'Uitgelogd' } } }
			},
			'/api/v1/me': {
				get: {
					summary: 'De ingelogde gebruiker met rollen',
					responses: { '200': { description: 'Gebruiker', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } }, '401': errorResponse('Niet ingelogd') }
				}
			},
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
			'/api/v1/risicoscan': {
				post: {
					summary: 'Risicoscan van één aanvraag (A/B/C met redenen); slaat niets op',
					requestBody: jsonBody('RisicoscanInput'),
					responses: {
						'200': { description: 'Uitkomst', content: { 'application/json': { schema: { $ref: '#/components/schemas/RisicoscanResult' } } } },
						'400': errorResponse('Elk fout veld wordt genoemd in error.fields'),
						'401': errorResponse('Niet ingelogd')
					}
				}
			},
			'/healthz': {
				get: { summary: 'Gezondheid (controleert de database)', security: [], responses: { '200': { description: 'In orde' }, '503': { description: 'Database onbereikbaar' } } }
			}
		}
	};
}
