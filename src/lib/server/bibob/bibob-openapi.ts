// The Bibob part of /api/v1/openapi.json, from the same zod schemas that validate requests.
import { z } from 'zod';
import { extraAnswerInput, openFileInput, settingsInput } from './bibob-input.ts';
import { BIBOB_STEPS } from './bibob-steps.ts';
import { problemResponse } from '../http/openapi-problem.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const error = (description: string) => problemResponse(description);
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const secrecy =
	'Alleen voor Bibob-functionarissen met een rol voor precies de gemeente van het dossier (een regionale Bibob-rol is niet genoeg). ' +
	'Voor iedereen anders is een dossier niet te onderscheiden van een dossier dat niet bestaat (404); de poging wordt geaudit. Elke lezing komt in het toegangslogboek.';

// UpperCamelCase, as the API Design Rules ask of schema names: BibobStepExtraQuestions.
const stepName = (step: string) => `BibobStep${step.split(/[-_]/).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}`;

const file = {
	type: 'object',
	description: 'Een Bibob-dossier met berekende termijnen (beslistermijn na opschorting, LBB-termijn, zienswijzetermijn)',
	properties: {
		id: { type: 'string', format: 'uuid' },
		municipality: { type: 'string' },
		permitKind: { enum: ['evenement', 'horeca', 'exploitatie', 'omgevingsvergunning'] },
		status: { enum: ['open', 'afgerond', 'vernietigd'] },
		stage: { type: 'string' },
		eventApplication: { type: ['object', 'null'] },
		term: { type: ['object', 'null'], properties: { deadline: { type: 'string', format: 'date' }, state: { enum: ['loopt', 'opgeschort', 'verstreken'] }, daysLeft: { type: 'integer' }, warning: { type: ['string', 'null'] } } },
		parties: { type: 'array', items: { type: 'object' } },
		answers: { type: 'array', items: { type: 'object' } },
		findings: { type: 'array', items: { type: 'object' } },
		extraQuestions: { type: 'array', items: { type: 'object' } },
		lbb: { type: ['object', 'null'] },
		intention: { type: ['object', 'null'] },
		decision: { type: ['object', 'null'] },
		disclosures: { type: 'array', items: { type: 'object' } },
		version: { type: 'integer' }
	}
};

export const bibobSchemas = {
	BibobFile: file,
	BibobOpen: schema(openFileInput),
	BibobExtraAnswer: schema(extraAnswerInput),
	BibobSettings: schema(settingsInput),
	...Object.fromEntries(Object.entries(BIBOB_STEPS).map(([step, s]) => [stepName(step), schema(s.schema)]))
};

const stepPaths = Object.fromEntries(
	Object.entries(BIBOB_STEPS).map(([step, s]) => [
		`/api/v1/bibob/files/{id}/${step}`,
		{
			post: {
				summary: s.summary,
				description: secrecy,
				parameters: [idParam],
				requestBody: body(stepName(step)),
				responses: {
					[('created' in s && s.created) ? '201' : '200']: json('Het dossier zoals het nu is', ref('BibobFile')),
					'400': error('Ongeldige invoer of datums in de verkeerde volgorde (code date_order); elk fout veld in error.fields'),
					'404': error('Bestaat niet, of geen toegang'),
					'409': error('Volgorde van de procedure (advice_pending, hearing_term_running, hearing_required, beyond_intention, file_closed, retention_running) of verouderde versie (version_conflict, met current)')
				}
			}
		}
	])
);

export const bibobPaths = {
	'/api/v1/bibob/files': {
		get: { summary: 'Overzicht per eigen gemeente: lopende dossiers met termijnen en waarschuwingen, afgeronde, te vernietigen en vernietigde (geen inhoud); live op `bibob:<gemeente>`', responses: { '200': json('OK', { type: 'object', properties: { municipalities: { type: 'array', items: { type: 'object' } } } }) } },
		post: {
			summary: 'Bibob-toets openen op een evenementenaanvraag (zet bibob_status op loopt) of op een andere vergunning',
			description: secrecy,
			requestBody: body('BibobOpen'),
			responses: { '201': json('Geopend', ref('BibobFile')), '400': error('Ongeldige invoer'), '403': error('Geen Bibob-functionaris van deze gemeente'), '404': error('Aanvraag bestaat niet in deze gemeente'), '409': error('Er loopt al een toets op deze aanvraag') }
		}
	},
	'/api/v1/bibob/files/{id}': { get: { summary: 'Het dossier (gelogd als lezing via de API)', description: secrecy, parameters: [idParam], responses: { '200': json('OK', ref('BibobFile')), '404': error('Bestaat niet, of geen toegang') } } },
	'/api/v1/bibob/files/{id}/access-report': { get: { summary: 'Toegangsverslag: lezingen, verstrekkingen en geweigerde pogingen (zelf ook een lezing)', parameters: [idParam], responses: { '200': json('OK', { type: 'object' }), '404': error('Bestaat niet, of geen toegang') } } },
	'/api/v1/bibob/files/{id}/export.json': { get: { summary: 'Download van het dossier als JSON (gelogd)', parameters: [idParam], responses: { '200': json('Het dossier', ref('BibobFile')), '404': error('Bestaat niet, of geen toegang') } } },
	'/api/v1/bibob/files/{id}/export.pdf': { get: { summary: 'Export van het dossier als PDF, elke pagina gemerkt als vertrouwelijk (gelogd)', parameters: [idParam], responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } }, '404': error('Bestaat niet, of geen toegang') } } },
	...stepPaths,
	'/api/v1/bibob/files/{id}/extra-questions/{questionId}': {
		post: { summary: 'Antwoord op aanvullende vragen ontvangen (einde van die opschorting)', parameters: [idParam, { name: 'questionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], requestBody: body('BibobExtraAnswer'), responses: { '200': json('OK', ref('BibobFile')), '409': error('Al beantwoord of dossier afgerond') } }
	},
	'/api/v1/bibob/settings/{municipality}': {
		get: { summary: 'Bewaartermijn (jaren na afronding) en standaardtermijnen van de gemeente', parameters: [{ name: 'municipality', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json('OK', { type: 'object' }), '403': error('Geen Bibob-functionaris van deze gemeente') } },
		put: { summary: 'Instellingen wijzigen (Bibob-functionaris van de gemeente), met de versie die je zag', parameters: [{ name: 'municipality', in: 'path', required: true, schema: { type: 'string' } }], requestBody: body('BibobSettings'), responses: { '200': json('OK', { type: 'object' }), '409': error('Verouderde versie') } }
	},
	'/api/v1/bibob/applications': { get: { summary: 'Evenementenaanvragen van de eigen gemeente(n) waarop een toets kan worden geopend', responses: { '200': json('OK', { type: 'object' }) } } }
};
