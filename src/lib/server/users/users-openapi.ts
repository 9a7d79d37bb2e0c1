// The session and the signed-in user in /api/v1/openapi.json.
import { loginInput } from '../auth/login-input.ts';
import { errorResponse, jsonBody, jsonSchema as schema } from '../http/openapi-helpers.ts';

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

export const usersSchemas = {
	Login: schema(loginInput),
	User: user
};

export const usersPaths = {
	'/api/v1/session': {
		post: {
			summary: 'Inloggen (Bibob-functionarissen: met tweede factor `totp` of `recoveryCode`)',
			security: [],
			requestBody: jsonBody('Login'),
			responses: {
				'200': { description: 'Ingelogd; de sessiecookie is gezet', content: { 'application/json': { schema: { type: 'object', properties: { user: { $ref: '#/components/schemas/User' }, expiresAt: { type: 'string', format: 'date-time' } } } } } },
				'400': errorResponse('Ongeldige invoer'),
				'401': errorResponse(
					'Onjuist e-mailadres of wachtwoord (invalid_credentials). Voor een Bibob-functionaris zonder geldige tweede factor: second_factor_required (geef ook totp of recoveryCode mee), invalid_second_factor, of second_factor_enrolment_required (eerst via /inloggen een authenticator-app koppelen); er wordt dan geen cookie gezet'
				),
				'429': errorResponse('Te veel mislukte pogingen, ook van tweede-factorcodes (5 per 15 minuten; Retry-After in seconden)')
			}
		},
		delete: { summary: 'Uitloggen (verbreekt ook de live-verbindingen)', responses: { '204': { description: 'Uitgelogd' } } }
	},
	'/api/v1/me': {
		get: {
			summary: 'De ingelogde gebruiker met rollen',
			responses: { '200': { description: 'Gebruiker', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } }, '401': errorResponse('Niet ingelogd') }
		}
	}
};
