// The incident map's drawn features and the place search in /api/v1/openapi.json.
import { featureChangeInput, featureDeleteInput, newFeatureInput } from '../../contracts/map-feature.ts';
import { FEATURE_TYPES } from '../../domain/map/feature-types.ts';
import { errorResponse, idParam, jsonBody, jsonSchema as schema, okResponse as ok, schemaRef } from '../http/openapi-helpers.ts';
import { problemResponse } from '../http/openapi-problem.ts';

const person = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } };
const position = { type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } } };

const feature = {
	type: 'object',
	description: 'Een GeoJSON Feature (RFC 7946) met de velden van Paraat in properties',
	properties: {
		type: { const: 'Feature' },
		id: { type: 'string', format: 'uuid' },
		geometry: { type: 'object', description: 'Point, LineString of Polygon in WGS84 (lengtegraad eerst)' },
		properties: {
			type: 'object',
			properties: {
				id: { type: 'string', format: 'uuid' },
				incidentId: { type: 'string', format: 'uuid' },
				type: { enum: [...FEATURE_TYPES] },
				label: { type: 'string' },
				colour: { type: ['string', 'null'], description: 'Eigen kleur (#rrggbb); null: de kleur van het soort' },
				version: { type: 'integer' },
				updatedAt: { type: 'string', format: 'date-time' },
				updatedBy: person,
				deletedAt: { type: ['string', 'null'], format: 'date-time' },
				exercise: { type: 'boolean', description: 'true bij een oefening: het record draagt het OEFENING-merk' }
			}
		}
	}
};

const conflict = problemResponse('Iemand anders wijzigde of verwijderde het eerst; `current` bevat de huidige stand', schemaRef('MapFeature'));

export const mapSchemas = {
	MapFeatureInput: schema(newFeatureInput),
	MapFeatureChange: schema(featureChangeInput),
	MapFeatureDelete: schema(featureDeleteInput),
	MapFeature: feature,
	MapFeatureCollection: { type: 'object', properties: { type: { const: 'FeatureCollection' }, features: { type: 'array', items: schemaRef('MapFeature') } } },
	PlaceSearch: {
		type: 'object',
		properties: {
			query: { type: 'string' },
			addresses: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, label: { type: 'string' } } } },
			addressesAvailable: { type: 'boolean', description: 'false als de PDOK Locatieserver niet bereikbaar was' },
			message: { type: ['string', 'null'], description: 'Eén zin als de adreszoeker niet bereikbaar was' },
			own: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						kind: { enum: ['incident', 'evenement', 'vulpunt'] },
						id: { type: 'string' },
						label: { type: 'string' },
						detail: { type: 'string' },
						position: { ...position, type: ['object', 'null'] },
						href: { type: ['string', 'null'] }
					}
				}
			}
		}
	},
	Place: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, label: { type: 'string' }, position } }
};

const geojsonFile = { description: 'GeoJSON-bestand (download)', content: { 'application/geo+json': { schema: schemaRef('MapFeatureCollection') } } };

export const mapPaths = {
	'/api/v1/incidents/{id}/features': {
		get: {
			summary: 'De getekende kaartobjecten van een incident als GeoJSON FeatureCollection',
			parameters: idParam,
			responses: { '200': { description: 'OK', content: { 'application/geo+json': { schema: schemaRef('MapFeatureCollection') } } }, '403': errorResponse('Geen toegang tot incidenten'), '404': errorResponse('Bestaat niet') }
		},
		post: {
			summary: 'Een kaartobject tekenen (GeoJSON Feature met properties.type en label); live op `incident:<id>` als `map.feature.created`',
			parameters: idParam,
			requestBody: jsonBody('MapFeatureInput'),
			responses: {
				'201': ok('MapFeature', 'Getekend'),
				'400': errorResponse('Ongeldige geometrie of eigenschappen'),
				'403': errorResponse('Geen recht om te tekenen'),
				'404': errorResponse('Incident bestaat niet'),
				'409': errorResponse('Incident gesloten')
			}
		}
	},
	'/api/v1/incidents/{id}/features/export': {
		get: { summary: 'De kaartobjecten als GeoJSON-bestand om te downloaden (met OEFENING-merk bij een oefening)', parameters: idParam, responses: { '200': geojsonFile, '403': errorResponse('Geen toegang'), '404': errorResponse('Bestaat niet') } }
	},
	'/api/v1/features/{id}': {
		patch: {
			summary: 'Een kaartobject wijzigen (vorm, soort, naam, kleur) met de versie die je zag; live als `map.feature.updated`',
			parameters: idParam,
			requestBody: jsonBody('MapFeatureChange'),
			responses: { '200': ok('MapFeature'), '400': errorResponse('Ongeldige invoer'), '403': errorResponse('Geen recht'), '404': errorResponse('Bestaat niet'), '409': conflict }
		},
		delete: {
			summary: 'Een kaartobject verwijderen met de versie die je zag (body `{ version }` of `?version=`); live als `map.feature.deleted`',
			parameters: [...idParam, { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
			responses: { '200': ok('MapFeature', 'Verwijderd (de laatste stand, met deletedAt)'), '400': errorResponse('Geen versie'), '403': errorResponse('Geen recht'), '404': errorResponse('Bestaat niet'), '409': conflict }
		}
	},
	'/api/v1/places': {
		get: {
			summary: 'Adressen en plaatsen zoeken (PDOK Locatieserver, via de server) en wat Paraat zelf kent (incidenten, evenementen, vulpunten die je mag zien)',
			parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2, maxLength: 100 } }],
			responses: { '200': ok('PlaceSearch'), '400': errorResponse('Zoekvraag te kort of te lang') }
		}
	},
	'/api/v1/places/{placeId}': {
		get: {
			summary: 'De positie van een adres of plaats uit de zoeklijst (Locatieserver lookup)',
			parameters: [{ name: 'placeId', in: 'path', required: true, schema: { type: 'string' } }],
			responses: { '200': ok('Place'), '400': errorResponse('Geen geldig id'), '404': errorResponse('Niet gevonden'), '503': errorResponse('Locatieserver niet bereikbaar') }
		}
	}
};
