// The neighbourhood map's part of /api/v1/openapi.json (merged into the safety plan capability).
import { problemResponse } from '../http/openapi-problem.ts';

const uuid = { type: 'string', format: 'uuid' };
const position = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[lengtegraad, breedtegraad] in WGS84' };
const ring = { type: 'array', items: position, minItems: 4 };

export const neighbourhoodSchemas = {
	SafetyPlanAreaFeature: {
		type: 'object',
		description: 'Een wijk of buurt (CBS-code) met het cijfer van de indicator in het gekozen jaar.',
		required: ['type', 'id', 'properties', 'geometry'],
		properties: {
			type: { const: 'Feature' },
			id: { type: 'string', examples: ['WK039601'] },
			properties: {
				type: 'object',
				required: ['code', 'name', 'kind', 'wijkCode', 'value', 'source', 'measuredOn', 'valueIsDemo', 'boundaryIsDemo', 'boundarySource'],
				properties: {
					code: { type: 'string', pattern: '^(WK\\d{6}|BU\\d{8})$' },
					name: { type: 'string' },
					kind: { enum: ['wijk', 'buurt'] },
					wijkCode: { type: ['string', 'null'], description: 'De wijk waarin een buurt ligt' },
					value: { type: ['number', 'null'], description: 'null: geen cijfer voor dit gebied en jaar' },
					source: { type: ['string', 'null'] },
					measuredOn: { type: ['string', 'null'], format: 'date' },
					valueIsDemo: { type: 'boolean' },
					boundaryIsDemo: { type: 'boolean', description: 'true: vereenvoudigde demogrenzen, niet de CBS-geometrie' },
					boundarySource: { type: 'string' }
				}
			},
			geometry: {
				oneOf: [
					{ type: 'object', required: ['type', 'coordinates'], properties: { type: { const: 'Polygon' }, coordinates: { type: 'array', items: ring } } },
					{ type: 'object', required: ['type', 'coordinates'], properties: { type: { const: 'MultiPolygon' }, coordinates: { type: 'array', items: { type: 'array', items: ring } } } }
				]
			}
		}
	},
	SafetyPlanAreaCollection: {
		type: 'object',
		description: 'GeoJSON FeatureCollection (RFC 7946, WGS84) van de wijken of buurten van de gemeente van het plan, met het cijfer per gebied.',
		required: ['type', 'features', 'planId', 'indicatorId', 'municipality', 'level', 'year', 'years', 'levels'],
		properties: {
			type: { const: 'FeatureCollection' },
			features: { type: 'array', items: { $ref: '#/components/schemas/SafetyPlanAreaFeature' } },
			planId: uuid,
			indicatorId: uuid,
			municipality: { type: 'string' },
			level: { enum: ['wijk', 'buurt'] },
			year: { type: ['integer', 'null'], description: 'Het getoonde jaar; null als er nog geen cijfers per gebied zijn' },
			years: { type: 'array', items: { type: 'integer' }, description: 'Jaren met cijfers per gebied' },
			levels: { type: 'array', items: { enum: ['wijk', 'buurt'] }, description: 'Niveaus waarvan grenzen zijn geladen' }
		}
	}
};

export const neighbourhoodPaths = {
	'/api/v1/safety-plans/{id}/indicators/{indicatorId}/areas': {
		get: {
			summary: 'De cijfers van een indicator per wijk of buurt, met de grenzen, voor de kaart (GeoJSON)',
			parameters: [
				{ name: 'id', in: 'path', required: true, schema: uuid },
				{ name: 'indicatorId', in: 'path', required: true, schema: uuid },
				{ name: 'year', in: 'query', schema: { type: 'string', pattern: '^\\d{4}$', examples: ['2023'] }, description: 'Jaar; zonder: het laatste jaar met cijfers per gebied' },
				{ name: 'level', in: 'query', schema: { enum: ['wijk', 'buurt'], default: 'wijk' }, description: 'Wijken of buurten' }
			],
			responses: {
				'200': { description: 'De gebieden met hun cijfer', content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/SafetyPlanAreaCollection' } } } },
				'400': problemResponse('Ongeldig jaar of niveau (validation_failed)'),
				'401': problemResponse('Niet ingelogd'),
				'403': problemResponse('Geen recht op dit plan'),
				'404': problemResponse('Plan of indicator bestaat niet')
			}
		}
	}
};
