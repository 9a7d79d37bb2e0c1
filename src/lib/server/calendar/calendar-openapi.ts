// The calendar part of /api/v1/openapi.json: the regional calendar, its year loads and exports.
import { MAX_WINDOW_DAYS, MUNICIPALITY_CODES } from './calendar-input.ts';
import { BUSY_ABOVE } from '../../domain/calendar/index.ts';
import { problemResponse } from '../http/openapi-problem.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const error = (description: string) => problemResponse(description);
const date = { type: 'string', format: 'date', examples: ['2027-08-27'] };

const filterParams = [
	{ name: 'from', in: 'query', schema: date, description: 'Eerste dag (JJJJ-MM-DD, Europe/Amsterdam). Alleen `from`: die maand.' },
	{ name: 'to', in: 'query', schema: date, description: `Laatste dag, inclusief; hoogstens ${MAX_WINDOW_DAYS} dagen na \`from\`.` },
	{ name: 'municipality', in: 'query', schema: { type: 'string', enum: MUNICIPALITY_CODES }, description: 'Alleen evenementen van deze gemeente' },
	{ name: 'category', in: 'query', schema: { type: 'string', enum: ['A', 'B', 'C'] }, description: 'Alleen evenementen van deze klasse' }
];

const entry = {
	type: 'object',
	description: 'Openbare gegevens van één evenement; nooit de gegevens van de organisator. Ook de vorm van `event.changed` op onderwerp `calendar`.',
	properties: {
		id: { type: 'string', format: 'uuid' },
		reference: { type: 'string', examples: ['ZVT-2027-0001'], description: '<GEMEENTE>-<registratiejaar>-<volgnummer>' },
		name: { type: 'string' },
		municipality: { type: 'string', enum: MUNICIPALITY_CODES },
		category: { enum: ['A', 'B', 'C', null] },
		procedure: { enum: ['melding', 'vergunning', null] },
		status: { enum: ['ingediend', 'in_behandeling', 'advies_gevraagd', 'besluit'] },
		startsAt: { type: 'string', format: 'date-time' },
		endsAt: { type: 'string', format: 'date-time' },
		peakVisitors: { type: 'integer' },
		totalVisitors: { type: ['integer', 'null'] },
		bibob: { enum: ['geen', 'loopt', 'afgerond'] }
	}
};

const day = {
	type: 'object',
	properties: {
		date: date,
		load: { type: 'integer', description: '3 per C-evenement plus 1 per B-evenement in de hele regio' },
		busy: { type: 'boolean', description: `Druk: belasting boven ${BUSY_ABOVE}` }
	}
};

export const calendarSchemas = {
	CalendarEntry: entry,
	CalendarDay: day,
	CalendarView: {
		type: 'object',
		properties: {
			from: date,
			to: date,
			municipality: { type: ['string', 'null'] },
			category: { enum: ['A', 'B', 'C', null] },
			events: { type: 'array', items: ref('CalendarEntry'), description: 'Evenementen op een dag van het venster die aan het filter voldoen, op begintijd' },
			days: {
				type: 'array',
				items: ref('CalendarDay'),
				description: 'Elke dag van het venster met de regionale belasting; het filter telt hier niet (een dag is druk voor de hele regio)'
			},
			samenlopend: {
				type: 'array',
				items: { type: 'array', items: { type: 'string', format: 'uuid' } },
				description: 'Groepen samenlopende evenementen (zelfde gemeente, overlappende tijden; ketens vormen één groep) waarvan er minstens één getoond wordt'
			},
			related: { type: 'array', items: ref('CalendarEntry'), description: 'Evenementen die het filter verbergt maar die in een groep samenlopend voorkomen' }
		}
	}
};

const files = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string' } } } });

export const calendarPaths = {
	'/api/v1/calendar': {
		get: {
			summary: 'Regionale evenementenkalender van een venster (standaard: deze maand); live op onderwerp `calendar`',
			parameters: filterParams,
			responses: {
				'200': json('OK', ref('CalendarView')),
				'400': error('Een parameter is ongeldig; error.fields noemt hem'),
				'401': error('Niet ingelogd')
			}
		}
	},
	'/api/v1/calendar/year': {
		get: {
			summary: 'Regionale belasting per dag van een jaar (de hittekaart); alleen dagen met evenementen',
			parameters: [{ name: 'year', in: 'query', schema: { type: 'integer', minimum: 2000, maximum: 2100 }, description: 'Standaard: dit jaar' }],
			responses: {
				'200': json('OK', {
					type: 'object',
					properties: {
						year: { type: 'integer' },
						days: { type: 'array', items: { allOf: [ref('CalendarDay'), { type: 'object', properties: { events: { type: 'integer' } } }] } }
					}
				}),
				'400': error('Ongeldig jaar'),
				'401': error('Niet ingelogd')
			}
		}
	},
	'/api/v1/calendar.ics': {
		get: {
			summary: 'iCalendar-feed van de regio of één gemeente (standaard: drie maanden terug tot tien maanden vooruit)',
			description:
				'Met de sessie, of zonder sessie met de persoonlijke agenda-sleutel (`sleutel`, te maken en in te trekken op /kalender) voor agenda-apps die niet kunnen inloggen. De sleutel opent alleen deze feed.',
			security: [{ sessie: [] }, {}],
			parameters: [...filterParams, { name: 'sleutel', in: 'query', required: false, schema: { type: 'string' }, description: 'Persoonlijke agenda-sleutel' }],
			responses: {
				'200': files('text/calendar', 'iCalendar (RFC 5545)'),
				'400': error('Ongeldige parameter'),
				'401': error('Niet ingelogd, of agenda-sleutel onbekend of ingetrokken (invalid_feed_key)')
			}
		}
	},
	'/api/v1/calendar.csv': {
		get: {
			summary: 'CSV van de getoonde evenementen (Nederlandse kolomkoppen, scheidingsteken `;`, datums als dd-mm-jjjj uu:mm)',
			parameters: filterParams,
			responses: { '200': files('text/csv', 'CSV met BOM'), '400': error('Ongeldige parameter'), '401': error('Niet ingelogd') }
		}
	},
	'/api/v1/calendar.xlsx': {
		get: {
			summary: 'Excel-werkmap van de getoonde evenementen: de kolommen van de CSV, met datum- en getalcellen',
			parameters: filterParams,
			responses: {
				'200': files('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel-werkmap (.xlsx)'),
				'400': error('Ongeldige parameter'),
				'401': error('Niet ingelogd')
			}
		}
	}
};
