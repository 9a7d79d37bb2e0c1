// The advice part of /api/v1/openapi.json, from the same zod schemas that validate requests.
import { z } from 'zod';
import { ADVICE_CONCLUSIONS, ADVICE_DISCIPLINES, ADVICE_KINDS, ADVICE_STATUSES } from '../../domain/advice/vocabulary.ts';
import { adviceSettingsInput, answerAdviceInput, requestAdviceInput, withdrawAdviceInput } from './advice-input.ts';
import { problemResponse } from '../http/openapi-problem.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const error = (description: string) => problemResponse(description);
const body = (name: string, required = true) => ({ required, content: { 'application/json': { schema: ref(name) } } });
const conflict = problemResponse('Iemand anders was eerst (of de aanvraag is al uitgebracht/ingetrokken); `current` bevat de huidige stand', ref('AdviceRequest'));
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const list = json('OK', { type: 'object', properties: { requests: { type: 'array', items: ref('AdviceRequest') } } });
const person = { oneOf: [{ type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } }, { type: 'null' }] };

const adviceRequest = {
	type: 'object',
	description: 'Een adviesaanvraag; ook de `data` van de live-events `advice.requested`, `advice.answered` en `advice.withdrawn`',
	properties: {
		id: { type: 'string', format: 'uuid' },
		applicationId: { type: 'string', format: 'uuid' },
		application: {
			type: 'object',
			properties: {
				id: { type: 'string', format: 'uuid' },
				reference: { type: 'string', examples: ['HAA-2026-0012'] },
				name: { type: 'string' },
				municipality: { type: 'string' },
				category: { enum: ['A', 'B', 'C', null] },
				status: { type: 'string' },
				startsAt: { type: 'string', format: 'date-time' },
				endsAt: { type: 'string', format: 'date-time' },
				peakVisitors: { type: 'integer' }
			}
		},
		discipline: { enum: [...ADVICE_KINDS], description: '`joint`: één gezamenlijk advies van brandweer, GHOR en politie (klasse C)' },
		reasons: { type: 'array', items: { type: 'string' }, description: 'Waarom gevraagd (Nederlandse labels)' },
		voluntary: { type: 'boolean', description: 'Vrijwillig gevraagd, buiten wat de klasse vraagt' },
		status: { enum: [...ADVICE_STATUSES] },
		requestedAt: { type: 'string', format: 'date-time' },
		requestedBy: person,
		dueDate: { type: 'string', format: 'date', description: 'Hele dag in Europe/Amsterdam; op een niet-werkdag doorgeschoven (Atw)' },
		advice: { type: ['string', 'null'] },
		conditions: { type: 'array', items: { type: 'string' }, description: 'Voorschriften' },
		conclusion: { enum: [...ADVICE_CONCLUSIONS, null] },
		answeredAt: { type: ['string', 'null'], format: 'date-time' },
		answeredBy: person,
		answeredDiscipline: { enum: [...ADVICE_DISCIPLINES, null] },
		withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
		withdrawnReason: { type: ['string', 'null'] },
		version: { type: 'integer' }
	}
};

const adviceDetail = {
	type: 'object',
	properties: {
		request: ref('AdviceRequest'),
		application: { type: 'object', description: 'De aanvraag zoals de adviseur die nodig heeft: het evenement, de organisator alleen met naam en organisatie' },
		scan: { oneOf: [{ type: 'object', properties: { points: { type: 'integer' }, category: { enum: ['A', 'B', 'C'] }, reasons: { type: 'array' }, floors: { type: 'array' } } }, { type: 'null' }] },
		routing: { type: ['object', 'null'], description: 'Per discipline: nodig en waarom, bij de klasse die nu geldt' },
		others: { type: 'array', items: ref('AdviceRequest'), description: 'De andere adviesaanvragen op dezelfde aanvraag' },
		answeringAs: { enum: [...ADVICE_DISCIPLINES, null], description: 'Als welke discipline deze gebruiker antwoordt; null: alleen lezen' }
	}
};

const settings = {
	type: 'object',
	properties: {
		municipality: { type: 'string' },
		termDaysB: { type: 'integer', description: 'Adviestermijn klasse B in dagen (standaard 21)' },
		termDaysC: { type: 'integer', description: 'Adviestermijn klasse C in dagen (standaard 28)' },
		updatedAt: { type: ['string', 'null'], format: 'date-time' },
		version: { type: 'integer' }
	}
};

export const adviceSchemas = {
	AdviceRequest: adviceRequest,
	AdviceRequestDetail: adviceDetail,
	AdviceSettings: settings,
	AdviceAsk: schema(requestAdviceInput),
	AdviceAnswer: schema(answerAdviceInput),
	AdviceWithdraw: schema(withdrawAdviceInput),
	AdviceSettingsChange: schema(adviceSettingsInput)
};

export const advicePaths = {
	'/api/v1/events/{id}/advice': {
		get: { summary: 'Alle adviesaanvragen op een evenementaanvraag; live op `advice:<id>`', parameters: idParam, responses: { '200': list, '404': error('Bestaat niet of geen toegang') } },
		post: {
			summary: 'Advies vragen naar klasse (B per discipline, C één gezamenlijk advies); zet de aanvraag op advies_gevraagd',
			parameters: idParam,
			requestBody: body('AdviceAsk', false),
			responses: {
				'201': list,
				'400': error('Onbekende discipline'),
				'403': error('Geen vergunningverlener van deze gemeente'),
				'404': error('Bestaat niet of geen toegang'),
				'409': error('Verkeerde status, geen klasse, klasse A zonder vrijwillige keuze, of al gevraagd')
			}
		}
	},
	'/api/v1/advice': {
		get: { summary: 'Adviesinbox van de adviseur (eigen disciplines en gebied), open aanvragen op termijn; live op `adviceinbox:<gemeente>-<discipline>`', responses: { '200': list, '403': error('Geen adviseur') } }
	},
	'/api/v1/advice/due': {
		get: { summary: 'Adviezen die bijna verlopen of verlopen zijn, in de gemeenten van de vergunningverlener', responses: { '200': list, '403': error('Geen vergunningverlener') } }
	},
	'/api/v1/advice/{id}': {
		get: { summary: 'Eén adviesaanvraag met de aanvraag, risicoscan en routering', parameters: idParam, responses: { '200': json('OK', ref('AdviceRequestDetail')), '404': error('Bestaat niet of geen toegang') } }
	},
	'/api/v1/advice/{id}/answer': {
		post: {
			summary: 'Advies uitbrengen, met de versie die je zag',
			parameters: idParam,
			requestBody: body('AdviceAnswer'),
			responses: {
				'200': json('Uitgebracht', ref('AdviceRequest')),
				'400': error('Elk fout veld genoemd in `fields`'),
				'403': error('Adviseur van een andere discipline'),
				'404': error('Bestaat niet of geen toegang'),
				'409': conflict
			}
		}
	},
	'/api/v1/advice/{id}/withdraw': {
		post: { summary: 'Adviesaanvraag intrekken (vergunningverlener)', parameters: idParam, requestBody: body('AdviceWithdraw'), responses: { '200': json('Ingetrokken', ref('AdviceRequest')), '403': error('Geen vergunningverlener'), '409': conflict } }
	},
	'/api/v1/advice/settings/{municipality}': {
		get: { summary: 'Adviestermijnen van een gemeente', parameters: [{ name: 'municipality', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json('OK', ref('AdviceSettings')) } },
		put: {
			summary: 'Adviestermijnen wijzigen (beheerder van de gemeente)',
			parameters: [{ name: 'municipality', in: 'path', required: true, schema: { type: 'string' } }],
			requestBody: body('AdviceSettingsChange'),
			responses: { '200': json('OK', ref('AdviceSettings')), '403': error('Geen beheerder'), '409': error('Iemand anders was eerst; `current` bevat de huidige stand') }
		}
	}
};
