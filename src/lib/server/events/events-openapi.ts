// The event applications part of /api/v1/openapi.json, from the same zod schemas that validate requests.
import { z } from 'zod';
import { APPLICATION_STATUSES, DOCUMENT_KINDS } from '../../domain/events/application.ts';
import { applicationChangeInput, decisionInput, newApplicationInput, overrideInput, transitionInput, versionOnlyInput } from './application-input.ts';
import { problemResponse } from '../http/openapi-problem.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const error = (description: string) => problemResponse(description);
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const conflict = problemResponse('Iemand anders wijzigde de aanvraag eerst; `current` bevat de huidige stand', ref('EventApplication'));
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const who = { type: ['object', 'null'], properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } };

const application = {
	type: 'object',
	description:
		'Een evenementaanvraag. De invulvelden (organiser*, name, …, risicoscanvragen) heten hier zoals in POST/PATCH. GET /events/{id} en het onderwerp `application:<id>` voegen documents, history, requiredDocuments, deadlineTerm en preannouncement toe.',
	properties: {
		id: { type: 'string', format: 'uuid' },
		reference: { type: 'string', examples: ['HLM-2027-0012'] },
		municipality: { type: 'string' },
		status: { enum: [...APPLICATION_STATUSES] },
		procedure: { enum: ['melding', 'vergunning', null] },
		procedureReasons: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } }, description: 'Waarom een melding niet kan' },
		scan: {
			type: 'object',
			properties: { result: { oneOf: [ref('RisicoscanResult'), { type: 'null' }] }, modelVersion: { type: ['integer', 'null'], description: '0 = standaardmodel' }, computedCategory: { enum: ['A', 'B', 'C', null] } }
		},
		override: { type: ['object', 'null'], properties: { category: { enum: ['A', 'B', 'C'] }, reason: { type: 'string' }, by: who, at: { type: 'string', format: 'date-time' } } },
		category: { enum: ['A', 'B', 'C', null], description: 'De klasse die geldt: de aangepaste, anders de berekende' },
		deadlineDate: { type: ['string', 'null'], format: 'date', description: 'Uiterste indiendatum (lokale datum)' },
		submittedAt: { type: ['string', 'null'], format: 'date-time' },
		late: { type: 'boolean', description: 'Te laat ingediend (een vlag, geen weigering)' },
		decision: {
			type: ['object', 'null'],
			properties: { decision: { enum: ['verleend', 'verleend_met_voorschriften', 'geweigerd'] }, conditions: { type: 'string' }, reason: { type: 'string' }, decidedAt: { type: 'string', format: 'date-time' }, decidedBy: who, despite: { type: ['object', 'null'], description: 'Besluit ondanks ontbrekend advies: de reden en wat ontbrak' } }
		},
		bibobStatus: { enum: ['geen', 'loopt', 'afgerond'] },
		copiedFrom: { type: ['string', 'null'], format: 'uuid' },
		version: { type: 'integer' }
	}
};

const document = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		kind: { enum: [...DOCUMENT_KINDS] },
		filename: { type: 'string' },
		mimeType: { type: 'string', description: 'Herkend aan de inhoud' },
		sizeBytes: { type: 'integer' },
		uploadedBy: who,
		uploadedAt: { type: 'string', format: 'date-time' }
	}
};

const importResult = {
	type: 'object',
	required: ['rows', 'created', 'unchanged', 'errors'],
	properties: {
		rows: { type: 'integer', description: 'Gegevensrijen in het bestand (lege rijen niet meegeteld)' },
		created: { type: 'integer', description: 'Nieuwe aanvragen (concept); bij dryRun: hoeveel er zouden komen' },
		unchanged: { type: 'integer', description: 'Rijen waarvan het evenement al eerder is geïmporteerd (zelfde gemeente, naam, begin en locatie); niet gewijzigd' },
		errors: {
			type: 'array',
			description: 'Elke afgekeurde rij, niet geïmporteerd',
			items: {
				type: 'object',
				required: ['row', 'field', 'message'],
				properties: {
					row: { type: 'integer', description: 'Rijnummer zoals het rekenblad het toont (de kopregel is rij 1)' },
					field: { type: 'string', description: 'Het veld van de aanvraag, zoals in POST /events (name, startsAt, peakVisitors, …)' },
					message: { type: 'string', description: 'De reden, in het Nederlands' }
				}
			}
		}
	}
};

export const eventsSchemas = {
	EventApplication: application,
	EventImportResult: importResult,
	EventDocument: document,
	EventApplicationInput: schema(newApplicationInput),
	EventApplicationChange: schema(applicationChangeInput),
	EventVersion: schema(versionOnlyInput),
	EventTransition: schema(transitionInput),
	EventOverride: schema(overrideInput),
	EventDecision: schema(decisionInput)
};

const one = (summary: string, input: string, extra: Record<string, unknown> = {}) => ({
	post: {
		summary,
		parameters: idParam,
		requestBody: body(input),
		responses: { '200': json('OK', ref('EventApplication')), '400': error('Ongeldige invoer; `fields` noemt elk fout veld'), '404': error('Bestaat niet of geen toegang'), '409': conflict, ...extra }
	}
});

export const eventsPaths = {
	'/api/v1/events': {
		get: {
			summary: 'Aanvragen van de eigen gemeente (regionaal: alle)',
			parameters: [{ name: 'status', in: 'query', required: false, schema: { enum: [...APPLICATION_STATUSES] } }],
			responses: { '200': json('OK', { type: 'object', properties: { applications: { type: 'array', items: ref('EventApplication') } } }), '403': error('Geen vergunningverlener') }
		},
		post: {
			summary: 'Nieuwe aanvraag als concept; berekent risicoscan, melding/vergunning en uiterste indiendatum',
			requestBody: body('EventApplicationInput'),
			responses: { '201': json('Aangemaakt', ref('EventApplication')), '400': error('Ongeldige invoer; `fields` noemt elk fout veld'), '403': error('Geen vergunningverlener van deze gemeente') }
		}
	},
	'/api/v1/events/{id}': {
		get: { summary: 'Aanvraag met documenten, statushistorie, vereiste documenten en vooraankondiging; live op `application:<id>`', parameters: idParam, responses: { '200': json('OK', ref('EventApplication')), '404': error('Bestaat niet of geen toegang') } },
		patch: {
			summary: 'Velden wijzigen zolang er geen besluit is; rekent de risicoscan opnieuw met het huidige model van de gemeente',
			parameters: idParam,
			requestBody: body('EventApplicationChange'),
			responses: { '200': json('OK', ref('EventApplication')), '400': error('Ongeldige invoer'), '409': conflict }
		}
	},
	'/api/v1/events/{id}/submit': one('Concept indienen; zet de vlag "te laat ingediend"', 'EventVersion'),
	'/api/v1/events/{id}/transition': one('Statusstap: ingediend, in_behandeling of ingetrokken (advies_gevraagd gaat via de adviesaanvraag)', 'EventTransition'),
	'/api/v1/events/{id}/override': one('Klasse aanpassen met reden (category null: terug naar de berekende)', 'EventOverride'),
	'/api/v1/events/{id}/decision': one('Besluit met voorschriften en motivering; 409 `bibob_pending` zolang een Bibob-toets loopt; 409 `decision_incomplete` met `missing` zolang advies of verplichte documenten ontbreken, tenzij `despiteMissing` een reden geeft (besluit ondanks ontbrekend advies)', 'EventDecision'),
	'/api/v1/events/{id}/copy': {
		post: { summary: 'Nieuw concept als kopie (volgende editie: datums een jaar later)', parameters: idParam, responses: { '201': json('Aangemaakt', ref('EventApplication')), '404': error('Bestaat niet of geen toegang') } }
	},
	'/api/v1/events/import': {
		post: {
			summary: 'Evenementenlijst importeren (CSV of .xlsx): elke goede rij wordt een concept-aanvraag, zoals via het formulier',
			description:
				'Kolommen in elke volgorde; gangbare koppen (Naam evenement, Datum, Begintijd, Eindtijd, Locatie, Bezoekers, …) worden herkend, de koppeling van de gemeente wordt onthouden. Elke rij wordt gecontroleerd met het schema van POST /events. Idempotent: hetzelfde bestand twee keer maakt niets dubbel. Werkt in delen van 100 rijen, elk in één transactie.',
			requestBody: {
				required: true,
				content: {
					'multipart/form-data': {
						schema: {
							type: 'object',
							required: ['file', 'municipality'],
							properties: {
								file: { type: 'string', format: 'binary', description: 'CSV (; , of tab; UTF-8 of Windows-1252) of Excel-werkmap (.xlsx), herkend aan de inhoud; hoogstens 5 MB en 20 000 rijen' },
								municipality: { type: 'string', description: 'De gemeente (code) waarvoor de lijst is' },
								dryRun: { enum: ['1', '0'], description: '1: alleen controleren, niets opslaan' },
								mapping: { type: 'string', description: 'Optioneel: JSON-object veld → kolomkop, bijvoorbeeld {"name":"Titel","startDate":"Wanneer"}; een lege kop betekent: niet importeren' }
							}
						}
					}
				}
			},
			responses: {
				'200': json('Verwerkt; `errors` noemt elke afgekeurde rij', ref('EventImportResult')),
				'400': error('Bestand, gemeente of koppeling ontbreekt of is onleesbaar'),
				'403': error('Geen vergunningverlener van deze gemeente'),
				'413': error('Groter dan 5 MB, meer dan 20 000 rijen, of een werkmap die uitgepakt groter is dan 50 MB'),
				'415': error('Geen multipart/form-data, of geen CSV- of Excel-bestand'),
				'422': error('Geen kopregel, of een verplichte kolom (naam, datum) niet gevonden'),
				'500': error('Import onderbroken: de delen ervoor zijn opgeslagen, het onderbroken deel niet; opnieuw importeren gaat verder')
			}
		}
	},
	'/api/v1/events/{id}/documents': {
		get: { summary: 'Documenten (zonder inhoud)', parameters: idParam, responses: { '200': json('OK', { type: 'object', properties: { documents: { type: 'array', items: ref('EventDocument') } } }) } },
		post: {
			summary: 'Document uploaden: PDF, PNG, JPEG of DOCX (herkend aan de inhoud), hoogstens 10 MB',
			parameters: idParam,
			requestBody: {
				required: true,
				content: { 'multipart/form-data': { schema: { type: 'object', required: ['kind', 'file'], properties: { kind: { enum: [...DOCUMENT_KINDS] }, file: { type: 'string', format: 'binary' } } } } }
			},
			responses: { '201': json('Toegevoegd', ref('EventDocument')), '400': error('Soort of bestand ontbreekt'), '413': error('Groter dan 10 MB'), '415': error('Bestandstype niet toegestaan') }
		}
	},
	'/api/v1/events/{id}/documents/{docId}': {
		get: {
			summary: 'Document downloaden (altijd als bijlage)',
			parameters: [...idParam, { name: 'docId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
			responses: { '200': { description: 'Het bestand', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, '404': error('Bestaat niet of geen toegang') }
		}
	}
};
