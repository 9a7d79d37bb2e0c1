// The logbook, situation picture, SITRAP and evaluation part of /api/v1/openapi.json,
// from the same zod schemas that validate requests.
import { z } from 'zod';
import { LOG_DISCIPLINES, LOG_KINDS } from '../../domain/logbook.ts';
import { PICTURE_SECTIONS } from '../../domain/situation.ts';
import { newLogEntryInput, readInput, sectionInput } from './log-input.ts';
import { problemResponse } from '../http/openapi-problem.ts';
import { idempotencyKeyParam } from '../http/openapi-helpers.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const error = (description: string) => problemResponse(description);
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const list = (key: string, name: string) => json('OK', { type: 'object', properties: { [key]: { type: 'array', items: ref(name) } } });
const conflict = problemResponse('Iemand anders wijzigde het eerst; `current` bevat de huidige stand', ref('Section'));
const file = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const path = (name: string, format: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format } });
const id = path('id', 'uuid');
const sitrapNumber = { name: 'number', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const person = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } };
const numbered = { type: ['object', 'null'], properties: { id: { type: 'string', format: 'uuid' }, number: { type: 'integer' } } };
const exercise = { type: 'boolean', description: 'true bij een oefening: het record draagt het OEFENING-merk' };
const closed = error('Het incident is gesloten');

const logEntry = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		incidentId: { type: 'string', format: 'uuid' },
		number: { type: 'integer', description: 'Volgnummer binnen het incident' },
		kind: { enum: [...LOG_KINDS] },
		discipline: { enum: [...LOG_DISCIPLINES] },
		text: { type: 'string' },
		happenedAt: { type: 'string', format: 'date-time' },
		loggedAt: { type: 'string', format: 'date-time' },
		source: { type: 'string' },
		author: person,
		corrects: { ...numbered, description: 'De logregel die deze corrigeert' },
		correctedBy: { ...numbered, description: 'De logregel die deze corrigeert (de oude blijft ongewijzigd)' },
		verified: { type: ['object', 'null'], properties: { by: person, at: { type: 'string', format: 'date-time' } } },
		injectId: { type: ['string', 'null'], description: 'Gezet als de logregel uit een inject van de oefenleiding komt' },
		exercise
	}
};

const section = {
	type: 'object',
	properties: {
		incidentId: { type: 'string', format: 'uuid' },
		section: { enum: [...PICTURE_SECTIONS] },
		text: { type: 'string' },
		version: { type: 'integer', description: '0 voor een sectie die nog niemand schreef' },
		updatedAt: { type: ['string', 'null'], format: 'date-time' },
		updatedBy: { ...person, type: ['object', 'null'] },
		exercise
	}
};

const sitrap = {
	type: 'object',
	properties: {
		incidentId: { type: 'string', format: 'uuid' },
		number: { type: 'integer' },
		publishedAt: { type: 'string', format: 'date-time' },
		publishedBy: person,
		exercise,
		snapshot: {
			type: 'object',
			description: 'Het hele beeld zoals het was bij publicatie (alleen bij één SITRAP)',
			properties: { incident: { type: 'object' }, sections: { type: 'array', items: ref('Section') } }
		}
	}
};

export const logbookSchemas = {
	LogEntryInput: schema(newLogEntryInput),
	LogRead: schema(readInput),
	LogEntry: logEntry,
	SectionInput: schema(sectionInput),
	Section: section,
	Sitrap: sitrap
};

export const logbookPaths = {
	'/api/v1/incidents/{id}/log': {
		get: {
			summary: 'Logboek met filters (?soort=besluit,actie&discipline=ghor&ongelezen=1), leespositie en ongelezen nummers',
			parameters: [
				id,
				{ name: 'soort', in: 'query', schema: { type: 'string' }, description: `Komma-gescheiden: ${LOG_KINDS.join(', ')}` },
				{ name: 'discipline', in: 'query', schema: { type: 'string' }, description: `Komma-gescheiden: ${LOG_DISCIPLINES.join(', ')}` },
				{ name: 'ongelezen', in: 'query', schema: { type: 'string', enum: ['1'] } }
			],
			responses: {
				'200': json('Logboek', {
					type: 'object',
					properties: {
						entries: { type: 'array', items: ref('LogEntry') },
						readPosition: { type: 'integer' },
						unread: { type: 'array', items: { type: 'integer' } },
						highest: { type: 'integer' }
					}
				}),
				'400': error('Ongeldig filter')
			}
		},
		post: {
			summary: 'Logregel toevoegen (met correctsId: correctie op een eerdere, die zelf nooit wijzigt); live op `incident:<id>`',
			parameters: [id, idempotencyKeyParam],
			requestBody: body('LogEntryInput'),
			responses: {
				'201': json('Toegevoegd', ref('LogEntry')),
				'400': error('Ongeldige invoer, bijvoorbeeld een lege tekst, of een ongeldige Idempotency-Key'),
				'403': error('Alleen meelezen (waarnemer)'),
				'409': error('Gesloten incident, al gecorrigeerde logregel, of hetzelfde verzoek wordt nog verwerkt'),
				'422': error('Deze Idempotency-Key is al gebruikt voor een ander verzoek')
			}
		}
	},
	'/api/v1/incidents/{id}/log/read': {
		post: { summary: 'Markeer als gelezen tot en met logregel upTo (voor de ingelogde gebruiker)', parameters: [id], requestBody: body('LogRead'), responses: { '200': json('Leespositie', { type: 'object' }) } }
	},
	'/api/v1/incidents/{id}/log/{entryId}/verify': {
		post: {
			summary: 'Logregel verifiëren (informatiemanager van het crisisteam; niet de eigen)',
			parameters: [id, path('entryId', 'uuid')],
			responses: { '200': json('Geverifieerd', ref('LogEntry')), '403': error('Geen informatiemanager'), '409': error('Al geverifieerd of gesloten incident') }
		}
	},
	'/api/v1/incidents/{id}/picture': {
		get: {
			summary: 'Het actuele beeld: één tekst per sectie, SITRAPs en de verouderingsgrens in minuten',
			parameters: [id],
			responses: {
				'200': json('Beeld', {
					type: 'object',
					properties: { sections: { type: 'array', items: ref('Section') }, sitraps: { type: 'array', items: ref('Sitrap') }, staleMinutes: { type: 'integer' } }
				})
			}
		}
	},
	'/api/v1/incidents/{id}/picture/{section}': {
		put: {
			summary: 'Sectie van het beeld vervangen, met de versie die je zag; live op `incident:<id>`',
			parameters: [id, { name: 'section', in: 'path', required: true, schema: { enum: [...PICTURE_SECTIONS] } }],
			requestBody: body('SectionInput'),
			responses: { '200': json('Opgeslagen', ref('Section')), '403': error('Geen schrijver van deze sectie'), '404': error('Onbekende sectie'), '409': conflict }
		}
	},
	'/api/v1/incidents/{id}/sitraps': {
		get: { summary: "Gepubliceerde SITRAP's, nieuwste eerst", parameters: [id], responses: { '200': list('sitraps', 'Sitrap') } },
		post: {
			summary: 'Het beeld van nu publiceren als volgende genummerde SITRAP',
			parameters: [id],
			responses: { '201': json('Gepubliceerd', ref('Sitrap')), '400': error('Het beeld is nog leeg'), '403': error('Geen recht'), '409': closed }
		}
	},
	'/api/v1/incidents/{id}/sitraps/{number}': {
		get: { summary: 'Eén SITRAP met het beeld zoals het toen was', parameters: [id, sitrapNumber], responses: { '200': json('SITRAP', ref('Sitrap')), '404': error('Bestaat niet') } }
	},
	'/api/v1/incidents/{id}/sitraps/{number}/pdf': {
		get: { summary: 'SITRAP als PDF (bij een oefening het OEFENING-merk op elke pagina)', parameters: [id, sitrapNumber], responses: { '200': file('application/pdf', 'PDF') } }
	},
	'/api/v1/incidents/{id}/timeline': {
		get: { summary: 'Evaluatietijdlijn: logregels, GRIP- en taakwijzigingen met reactietijden', parameters: [id], responses: { '200': json('Tijdlijn', { type: 'object' }), '403': error('Geen recht') } }
	},
	'/api/v1/incidents/{id}/timeline/csv': {
		get: { summary: 'Evaluatietijdlijn als CSV (puntkomma; kolom Markering = OEFENING bij een oefening; tijdstippen als dd-mm-jjjj uu:mm:ss)', parameters: [id], responses: { '200': file('text/csv', 'CSV') } }
	},
	'/api/v1/incidents/{id}/timeline/xlsx': {
		get: {
			summary: 'Evaluatietijdlijn als Excel-werkmap: de kolommen van de CSV, met datum- en getalcellen',
			parameters: [id],
			responses: { '200': file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel-werkmap (.xlsx)') }
		}
	},
	'/api/v1/incidents/{id}/timeline/pdf': {
		get: { summary: 'Evaluatietijdlijn als PDF', parameters: [id], responses: { '200': file('application/pdf', 'PDF') } }
	}
};
