// The OpenAPI 3.1 description of /api/v1, built from the same zod schemas that validate requests.
import { z } from 'zod';
import { loginInput } from '../auth/login-input';
import { noticeInput } from '../notices/notice-input';
import { risicoscanInputSchema } from '../../domain/risicoscan';
import { gripChangeInput, newIncidentInput, statusChangeInput } from '../incidents/incident-input';
import { newTaskInput, taskChangeInput, taskNoteInput } from '../tasks/task-input';
import { bulkAssignInput } from '../tasks/template-input';
import { bluswaterPaths, bluswaterSchemas } from '../bluswater/bluswater-openapi';
import { logbookPaths, logbookSchemas } from '../logbook/logbook-openapi';
import { eventsPaths, eventsSchemas } from '../events/events-openapi';
import { calendarPaths, calendarSchemas } from '../calendar/calendar-openapi';
import { advicePaths, adviceSchemas } from '../advice/advice-openapi';
import { bibobPaths, bibobSchemas } from '../bibob/bibob-openapi';
import { safetyPlanPaths, safetyPlanSchemas } from '../safety-plan/safety-plan-capability';
import { problemResponse, problemSchema } from './openapi-problem';
import { API_VERSION } from './problem';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const errorResponse = (description: string) => problemResponse(description);

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
		withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
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

const incident = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		title: { type: 'string' },
		kind: { type: 'string', enum: ['crisis', 'oefening'] },
		exercise: { type: 'boolean', description: 'true bij een oefening: alles eromheen draagt het OEFENING-merk' },
		type: { type: ['string', 'null'] },
		location: { type: ['string', 'null'] },
		position: { type: ['object', 'null'], properties: { lat: { type: 'number' }, lon: { type: 'number' } } },
		status: { type: 'string', enum: ['actief', 'afgeschaald', 'gesloten'] },
		grip: { type: 'integer', minimum: 0, maximum: 5 },
		affectedPeople: { type: ['integer', 'null'] },
		municipalities: { type: 'array', items: { type: 'string' } },
		startedAt: { type: 'string', format: 'date-time' },
		createdAt: { type: 'string', format: 'date-time' },
		createdBy: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
		bevolkingszorgActivatedAt: { type: ['string', 'null'], format: 'date-time' },
		version: { type: 'integer' }
	}
} as const;

const task = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		incidentId: { type: 'string', format: 'uuid' },
		process: { type: 'string', enum: ['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase'] },
		title: { type: 'string' },
		description: { type: 'string' },
		municipality: { type: ['string', 'null'] },
		assignee: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
		priority: { type: 'string', enum: ['laag', 'normaal', 'hoog', 'urgent'] },
		status: { type: 'string', enum: ['open', 'in_uitvoering', 'gereed'] },
		blocked: { type: 'boolean' },
		blockedReason: { type: ['string', 'null'] },
		dueAt: { type: ['string', 'null'], format: 'date-time' },
		version: { type: 'integer' },
		exercise: { type: 'boolean' },
		createdAt: { type: 'string', format: 'date-time' },
		updatedAt: { type: 'string', format: 'date-time' },
		updatedBy: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } }
	}
} as const;

const taskNote = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		taskId: { type: 'string', format: 'uuid' },
		text: { type: 'string' },
		at: { type: 'string', format: 'date-time' },
		author: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }
	}
} as const;

const ok = (ref: string, description = 'OK') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const list = (key: string, ref: string) => ({
	description: 'OK',
	content: { 'application/json': { schema: { type: 'object', properties: { [key]: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } } } } } }
});
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const conflictResponse = problemResponse('Iemand anders wijzigde het eerst; `current` bevat de huidige stand', {});

export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Paraat API',
			version: API_VERSION,
			description:
				'De API van Paraat (Veiligheidsregio Kennemerland). Dezelfde diensten en rechten als de schermen. ' +
				'Fouten als probleemdetails (RFC 9457, application/problem+json) met een Nederlandse titel en uitleg, een vaste `code` en bij ongeldige invoer `invalidParams`; ' +
				'het lid `error: { code, message, fields? }` blijft voor bestaande clients tot API v2. Elk antwoord draagt de header API-Version. ' +
				'Wijzigende verzoeken alleen vanaf de eigen herkomst.'
		},
		servers: [{ url: serverUrl }],
		components: {
			securitySchemes: { sessie: { type: 'apiKey', in: 'cookie', name: 'paraat_sessie' } },
			schemas: {
				Problem: problemSchema,
				Login: schema(loginInput),
				User: user,
				NoticeInput: schema(noticeInput),
				Notice: notice,
				RisicoscanInput: schema(risicoscanInputSchema),
				IncidentInput: schema(newIncidentInput),
				GripChange: schema(gripChangeInput),
				StatusChange: schema(statusChangeInput),
				Incident: incident,
				TaskInput: schema(newTaskInput),
				TaskChange: schema(taskChangeInput),
				TaskNoteInput: schema(taskNoteInput),
				BulkAssign: schema(bulkAssignInput),
				Task: task,
				RisicoscanResult: risicoscanResult,
				...bluswaterSchemas,
				...logbookSchemas,
				...eventsSchemas,
				...calendarSchemas,
				...adviceSchemas,
				...bibobSchemas,
				...safetyPlanSchemas
			}
		},
		security: [{ sessie: [] }],
		paths: {
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
			'/api/v1/notices/{id}/read': {
				post: {
					summary: 'Bericht gelezen: het verdwijnt uit de balk met urgente berichten van deze gebruiker (live op `user:<id>`)',
					parameters: idParam,
					responses: {
						'200': { description: 'Gelezen', content: { 'application/json': { schema: { $ref: '#/components/schemas/Notice' } } } },
						'401': errorResponse('Niet ingelogd'),
						'404': errorResponse('Onbekend bericht')
					}
				}
			},
			'/api/v1/notices/{id}/withdraw': {
				post: {
					summary: 'Bericht intrekken (crisisteam of beheerder): het verdwijnt overal, live op `region`',
					parameters: idParam,
					responses: {
						'200': { description: 'Ingetrokken', content: { 'application/json': { schema: { $ref: '#/components/schemas/Notice' } } } },
						'401': errorResponse('Niet ingelogd'),
						'403': errorResponse('Geen recht om berichten in te trekken'),
						'404': errorResponse('Onbekend bericht'),
						'409': errorResponse('Al ingetrokken')
					}
				}
			},
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
			},
			'/api/v1/incidents': {
				get: { summary: 'Lopende incidenten en oefeningen (?gesloten=1: ook gesloten)', responses: { '200': list('incidents', 'Incident'), '403': errorResponse('Geen toegang tot incidenten') } },
				post: {
					summary: 'Incident of oefening aanmaken; live op `incidents` en `incident:<id>`',
					requestBody: jsonBody('IncidentInput'),
					responses: { '201': ok('Incident', 'Aangemaakt'), '400': errorResponse('Ongeldige invoer'), '403': errorResponse('Geen recht') }
				}
			},
			'/api/v1/incidents/{id}': { get: { summary: 'Incident met GRIP-verloop', parameters: idParam, responses: { '200': ok('Incident'), '404': errorResponse('Bestaat niet') } } },
			'/api/v1/incidents/{id}/grip': {
				post: { summary: 'GRIP wijzigen (met reden)', parameters: idParam, requestBody: jsonBody('GripChange'), responses: { '200': ok('Incident'), '400': errorResponse('Ongeldig niveau of geen reden'), '409': errorResponse('Verouderde versie of gesloten incident') } }
			},
			'/api/v1/incidents/{id}/status': {
				post: { summary: 'Status wijzigen (actief, afgeschaald, gesloten)', parameters: idParam, requestBody: jsonBody('StatusChange'), responses: { '200': ok('Incident'), '409': errorResponse('Verouderde versie of gesloten incident') } }
			},
			'/api/v1/incidents/{id}/bevolkingszorg': {
				post: { summary: 'Bevolkingszorg activeren: de standaardtaken worden taken van dit incident', parameters: idParam, responses: { '201': list('tasks', 'Task'), '409': errorResponse('Al geactiveerd') } }
			},
			'/api/v1/incidents/{id}/tasks': {
				get: { summary: 'Taken van het incident', parameters: idParam, responses: { '200': list('tasks', 'Task') } },
				post: { summary: 'Taak aanmaken', parameters: idParam, requestBody: jsonBody('TaskInput'), responses: { '201': ok('Task', 'Aangemaakt'), '400': errorResponse('Ongeldige invoer') } }
			},
			'/api/v1/incidents/{id}/tasks/bulk': {
				post: { summary: 'Meerdere taken tegelijk (her)toewijzen, alles of niets', parameters: idParam, requestBody: jsonBody('BulkAssign'), responses: { '200': list('tasks', 'Task'), '409': conflictResponse } }
			},
			'/api/v1/tasks/{id}': {
				get: {
					summary: 'Taak met notities en wijzigingsgeschiedenis',
					parameters: idParam,
					responses: {
						'200': { description: 'Taak', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Task' }, { type: 'object', properties: { notes: { type: 'array', items: taskNote }, history: { type: 'array', items: { type: 'object' } } } }] } } } },
						'404': errorResponse('Bestaat niet of geen toegang')
					}
				},
				patch: {
					summary: 'Taak wijzigen met de versie die je zag',
					parameters: idParam,
					requestBody: jsonBody('TaskChange'),
					responses: { '200': ok('Task'), '400': errorResponse('Ongeldige invoer of geen versie'), '409': conflictResponse }
				}
			},
			'/api/v1/tasks/{id}/notes': {
				post: {
					summary: 'Notitie bij een taak (geen versie nodig: een notitie wijzigt de taak niet)',
					parameters: idParam,
					requestBody: jsonBody('TaskNoteInput'),
					responses: {
						'201': { description: 'Geplaatst', content: { 'application/json': { schema: taskNote } } },
						'400': errorResponse('Ongeldige invoer'),
						'403': errorResponse('Geen recht'),
						'404': errorResponse('Bestaat niet')
					}
				}
			},
			'/api/v1/incidents/{id}/archive': {
				post: {
					summary: 'Een gesloten oefening archiveren (oefenleider of crisisteam); ze blijft leesbaar',
					parameters: idParam,
					responses: {
						'200': ok('Incident'),
						'400': errorResponse('Geen oefening (not_an_exercise)'),
						'403': errorResponse('Geen recht'),
						'409': errorResponse('Oefening nog niet gesloten (exercise_open) of al gearchiveerd (already_archived)')
					}
				}
			},
			'/api/v1/openapi.json': {
				get: { summary: 'Deze beschrijving (OpenAPI 3.1)', security: [], responses: { '200': { description: 'OpenAPI-document', content: { 'application/json': { schema: { type: 'object' } } } } } }
			},
			...bluswaterPaths,
			...logbookPaths,
			...eventsPaths,
			...calendarPaths,
			...advicePaths,
			...bibobPaths,
			...safetyPlanPaths,
			'/api/v1/mijn-taken': { get: { summary: 'Mijn taken over alle lopende incidenten', responses: { '200': list('tasks', 'Task') } } },
			'/healthz': {
				get: { summary: 'Leeft het proces (liveness; controleert de database niet)', security: [], responses: { '200': { description: 'In orde' } } }
			},
			'/readyz': {
				get: { summary: 'Gereed voor verkeer: database, migraties, realtime-verbinding (readiness)', security: [], responses: { '200': { description: 'Gereed, met de controles' }, '503': { description: 'Niet gereed, met de reden' } } }
			},
			'/metrics': {
				get: { summary: 'Prometheus-metrieken (Bearer-token als PARAAT_METRICS_TOKEN gezet is)', security: [], responses: { '200': { description: 'Prometheus-tekstformaat' }, '401': { description: 'Token ontbreekt of klopt niet' } } }
			}
		}
	};
}
