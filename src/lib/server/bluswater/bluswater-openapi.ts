// The bluswater part of /api/v1/openapi.json, from the same zod schemas that validate requests.
import { z } from 'zod';
import { UNIT_STATUSES } from '../../domain/bluswater.ts';
import { assignmentInput, newUnitInput, newWaterRequestInput, unitEditInput, unitStatusChangeInput, waterRequestChangeInput } from './bluswater-input.ts';
import { problemResponse } from '../http/openapi-problem.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const error = (description: string) => problemResponse(description);
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const conflict = problemResponse('Iemand anders wijzigde het eerst; `current` bevat de huidige stand', {});
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const position = { type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } } };
const incidentRef = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, title: { type: 'string' }, exercise: { type: 'boolean' } } };

const unit = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		code: { type: 'string', examples: ['WTW 12-1'] },
		kind: { enum: ['wtw', 'gwt'] },
		station: { type: 'string' },
		capacityLitres: { type: 'integer' },
		pumpRateLpm: { type: 'integer' },
		crew: { enum: ['beroeps', 'vrijwillig'] },
		home: position,
		position,
		status: { enum: [...UNIT_STATUSES] },
		statusChangedAt: { type: 'string', format: 'date-time' },
		incident: { oneOf: [incidentRef, { type: 'null' }] },
		requestId: { type: ['string', 'null'] },
		exercise: { type: 'boolean', description: 'De eenheid werkt voor een oefening' },
		version: { type: 'integer' }
	}
};

const request = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		incident: incidentRef,
		exercise: { type: 'boolean' },
		place: { type: 'string' },
		position: { oneOf: [position, { type: 'null' }] },
		target: { oneOf: [position, { type: 'null' }], description: 'Waar de sommen vanaf rekenen' },
		targetSource: { enum: ['verzoek', 'incident', 'gemeente', null] },
		demandLpm: { type: 'integer' },
		startedAt: { type: 'string', format: 'date-time' },
		endedAt: { type: ['string', 'null'], format: 'date-time' },
		assignments: { type: 'array', items: { type: 'object' } },
		version: { type: 'integer' },
		water: { type: 'object', description: 'Alleen bij GET: liters ter plaatse en onderweg, minuten over, meter, waarschuwing, voorstel, pendelplan' }
	}
};

export const bluswaterSchemas = {
	WaterUnit: unit,
	WaterRequest: request,
	WaterRequestInput: schema(newWaterRequestInput),
	WaterRequestChange: schema(waterRequestChangeInput),
	WaterAssignmentInput: schema(assignmentInput),
	WaterUnitStatusChange: schema(unitStatusChangeInput),
	WaterUnitInput: schema(newUnitInput),
	WaterUnitEdit: schema(unitEditInput)
};

export const bluswaterPaths = {
	'/api/v1/bluswater/units': {
		get: { summary: 'Alle bluswatereenheden met status; live op `bluswater`', responses: { '200': json('OK', { type: 'object', properties: { units: { type: 'array', items: ref('WaterUnit') } } }) } },
		post: { summary: 'Eenheid toevoegen (beheerder)', requestBody: body('WaterUnitInput'), responses: { '201': json('Toegevoegd', ref('WaterUnit')), '403': error('Geen beheerder'), '409': error('Roepnaam bestaat al') } }
	},
	'/api/v1/bluswater/units/{id}': {
		get: { summary: 'Eenheid met de laatste statuswijzigingen (`history`)', parameters: idParam, responses: { '200': json('OK', ref('WaterUnit')), '404': error('Bestaat niet') } },
		patch: { summary: 'Eenheid wijzigen of in/buiten dienst (beheerder)', parameters: idParam, requestBody: body('WaterUnitEdit'), responses: { '200': json('OK', ref('WaterUnit')), '409': conflict } }
	},
	'/api/v1/bluswater/units/{id}/status': {
		patch: { summary: 'Status van een eenheid, met de versie die je zag', parameters: idParam, requestBody: body('WaterUnitStatusChange'), responses: { '200': json('OK', ref('WaterUnit')), '400': error('Onbekende status of ongeldige liters'), '409': conflict } }
	},
	'/api/v1/bluswater/refill-points': {
		get: { summary: 'Vulpunten (secundair water)', responses: { '200': json('OK', { type: 'object', properties: { refillPoints: { type: 'array', items: { type: 'object' } } } }) } }
	},
	'/api/v1/bluswater/incidents/{id}/requests': {
		get: { summary: 'Waterverzoeken van een incident met de sommen van dit moment', parameters: idParam, responses: { '200': json('OK', { type: 'object', properties: { requests: { type: 'array', items: ref('WaterRequest') } } }) } },
		post: { summary: 'Waterverzoek (standaard 500 l/min); live op `bluswater` en `incident:<id>`', parameters: idParam, requestBody: body('WaterRequestInput'), responses: { '201': json('Aangemaakt', ref('WaterRequest')), '400': error('Ongeldige invoer, bijvoorbeeld een negatieve vraag'), '409': error('Incident gesloten') } }
	},
	'/api/v1/bluswater/requests/{id}': {
		patch: { summary: 'Vraag of plaats wijzigen, of beëindigen', parameters: idParam, requestBody: body('WaterRequestChange'), responses: { '200': json('OK', ref('WaterRequest')), '409': conflict } }
	},
	'/api/v1/bluswater/requests/{id}/assignments': {
		post: { summary: 'Eenheid inzetten', parameters: idParam, requestBody: body('WaterAssignmentInput'), responses: { '201': json('Ingezet', ref('WaterRequest')), '409': error('Eenheid al ingezet of buiten dienst') } }
	},
	'/api/v1/bluswater/assignments/{id}': {
		delete: { summary: 'Inzet beëindigen (de eenheid gaat retour)', parameters: idParam, responses: { '200': json('OK', ref('WaterRequest')), '409': error('Al beëindigd') } }
	}
};
