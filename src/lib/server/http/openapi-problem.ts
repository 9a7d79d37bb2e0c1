// The API's error answers in the OpenAPI document: one shared Problem component (RFC 9457 as
// the Logius API Design Rules use it, see problem.ts) that every module refers to.
import { API_VERSION, PROBLEM_CONTENT_TYPE } from './problem.ts';

export const problemSchema = {
	type: 'object',
	description:
		'Probleemdetails (RFC 9457, application/problem+json) met een Nederlandse `title` en `detail`. ' +
		'`error` is dezelfde melding in de eerdere vorm { code, message, fields? }, bewaard voor bestaande clients tot API v2.',
	required: ['type', 'title', 'status', 'detail', 'code', 'error'],
	properties: {
		type: { type: 'string', format: 'uri', examples: ['urn:paraat:probleem:validation_failed'] },
		title: { type: 'string', examples: ['Ongeldig verzoek'] },
		status: { type: 'integer', minimum: 400, maximum: 599 },
		detail: { type: 'string', description: 'Nederlandse uitleg voor de gebruiker' },
		code: { type: 'string', description: 'Vaste machinecode', examples: ['validation_failed', 'version_conflict', 'not_found'] },
		instance: { type: 'string', format: 'uri-reference' },
		invalidParams: {
			type: 'array',
			description: 'Bij validation_failed: elk fout veld',
			items: {
				type: 'object',
				required: ['name', 'reason'],
				properties: {
					name: { type: 'string', description: 'Het veld, met punten voor geneste velden (bijv. position.lat)' },
					reason: { type: 'string', description: 'Nederlandse reden' },
					code: { type: 'string', description: 'Soort fout (bijv. too_big, invalid_type, unstorable_text)' }
				}
			}
		},
		retryAfter: { type: 'integer', description: 'Bij 429 en 503: seconden tot een nieuwe poging zin heeft (ook als Retry-After-header)' },
		error: {
			type: 'object',
			deprecated: true,
			required: ['code', 'message'],
			properties: {
				code: { type: 'string' },
				message: { type: 'string' },
				fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } }
			}
		}
	}
} as const;

export const apiVersionHeader = {
	'API-Version': { description: 'De versie van de API', schema: { type: 'string', examples: [API_VERSION] } }
} as const;

/** An error answer; `current` adds the record as it is now (beside a 409). */
export function problemResponse(description: string, current?: object) {
	const schema = current
		? { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { current } }] }
		: { $ref: '#/components/schemas/Problem' };
	return { description, headers: apiVersionHeader, content: { [PROBLEM_CONTENT_TYPE]: { schema } } };
}
