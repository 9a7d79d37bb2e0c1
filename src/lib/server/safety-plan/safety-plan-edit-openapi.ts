// The safety plan's editing routes and its execution programme report in /api/v1/openapi.json:
// request bodies from the same zod contracts that validate them.
import { problemResponse } from '../http/openapi-problem.ts';
import { jsonBody, jsonSchema, okResponse, schemaRef } from '../http/openapi-helpers.ts';
import { measurementInput, newActionInput, newIndicatorInput, planRevisionInput } from '../../contracts/safety-plan-input.ts';
import { KENNEMERLAND } from '../../domain/region.ts';

const uuid = { type: 'string', format: 'uuid' };
const text = { type: 'string' };
const idParam = { name: 'id', in: 'path', required: true, schema: uuid };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const priority = {
	type: 'object',
	properties: {
		id: uuid,
		kind: { enum: ['prioriteit', 'thema'] },
		position: { type: 'integer' },
		title: text,
		why: text,
		ambition: text,
		approach: text,
		conditions: text,
		focusArea: text,
		partners: text,
		residentsRole: text
	}
};

const plan = {
	type: 'object',
	description: 'Een veiligheidsplan met al zijn prioriteiten en strategische thema’s, zoals het nu is (of in een eerdere versie was).',
	properties: {
		id: uuid,
		municipality: { type: 'string', enum: KENNEMERLAND.map((m) => m.code) },
		title: text,
		startYear: { type: 'integer' },
		endYear: { type: 'integer' },
		ambition: text,
		version: { type: 'integer' },
		isDemo: { type: 'boolean' },
		updatedAt: { type: 'string', format: 'date-time' },
		priorities: { type: 'array', items: priority }
	}
};

const versionSummary = {
	type: 'object',
	properties: { version: { type: 'integer' }, reason: text, savedAt: { type: 'string', format: 'date-time' }, savedBy: { type: ['string', 'null'], description: 'Naam van wie de versie opsloeg' } }
};

const measurement = {
	type: 'object',
	properties: {
		areaCode: { type: 'string', description: 'Leeg: hele gemeente; anders een CBS-wijk- (WK…) of buurtcode (BU…)' },
		year: { type: 'integer' },
		value: { type: 'number' },
		source: text,
		measuredOn: { type: 'string', format: 'date' },
		isDemo: { type: 'boolean' }
	}
};

const indicator = {
	type: 'object',
	properties: {
		id: uuid,
		priorityId: uuid,
		title: text,
		definition: text,
		source: text,
		unit: text,
		direction: { enum: ['omlaag', 'omhoog'] },
		baselineYear: { type: 'integer' },
		baseline: { type: 'number' },
		isDemo: { type: 'boolean' },
		targets: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, value: { type: 'number' } } } },
		measurements: { type: 'array', items: measurement }
	}
};

export const safetyPlanEditSchemas = {
	SafetyPlan: plan,
	SafetyPlanVersionSummary: versionSummary,
	SafetyPlanVersion: { allOf: [versionSummary, { type: 'object', properties: { snapshot: plan } }] },
	SafetyPlanIndicator: indicator,
	SafetyPlanMeasurement: measurement,
	SafetyPlanRevisionInput: jsonSchema(planRevisionInput),
	SafetyPlanActionInput: jsonSchema(newActionInput),
	SafetyPlanIndicatorInput: jsonSchema(newIndicatorInput),
	SafetyPlanMeasurementInput: jsonSchema(measurementInput)
};

const refusals = {
	'401': problemResponse('Niet ingelogd'),
	'403': problemResponse('Geen recht: alleen de beleidsadviseur OOV van de gemeente schrijft, het kabinet en de regio lezen'),
	'404': problemResponse('Plan bestaat niet')
};

const report = (summary: string, type: string) => ({
	get: {
		summary,
		parameters: [idParam, { name: 'year', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}$', examples: ['2024'] }, description: 'Het jaar van het uitvoeringsprogramma, binnen de looptijd van het plan' }],
		responses: {
			'200': { description: 'Het uitvoeringsprogramma', content: { [type]: { schema: { type: 'string', format: 'binary' } } } },
			'400': problemResponse('Ongeldig jaar of buiten de looptijd (validation_failed)'),
			...refusals
		}
	}
});

export const safetyPlanEditPaths = {
	'/api/v1/safety-plans/{id}': {
		get: { summary: 'Een veiligheidsplan met al zijn prioriteiten en thema’s', parameters: [idParam], responses: { '200': okResponse('SafetyPlan'), ...refusals } },
		patch: {
			summary: 'Het plan bijstellen (beleidsadviseur OOV van de gemeente): een nieuwe versie met reden; eerdere versies blijven leesbaar',
			parameters: [idParam],
			requestBody: jsonBody('SafetyPlanRevisionInput'),
			responses: {
				'200': okResponse('SafetyPlan', 'Het plan in zijn nieuwe versie'),
				'400': problemResponse('Ongeldige invoer (validation_failed), elk veld met zijn reden'),
				...refusals,
				'409': problemResponse('Intussen door een ander bijgesteld (version_conflict): noemt wie, met `current`; niets opgeslagen')
			}
		}
	},
	'/api/v1/safety-plans/{id}/versions': {
		get: { summary: 'Alle versies van het plan, oudste eerst, met wie en waarom', parameters: [idParam], responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: schemaRef('SafetyPlanVersionSummary') } } } }, ...refusals } }
	},
	'/api/v1/safety-plans/{id}/versions/{version}': {
		get: {
			summary: 'Het plan zoals het in versie N was (alleen lezen)',
			parameters: [idParam, { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
			responses: { '200': okResponse('SafetyPlanVersion'), ...refusals, '404': problemResponse('Plan of versie bestaat niet') }
		}
	},
	'/api/v1/safety-plans/{id}/actions': {
		post: {
			summary: 'Een actie toevoegen aan het uitvoeringsprogramma van een jaar',
			parameters: [idParam],
			requestBody: jsonBody('SafetyPlanActionInput'),
			responses: { '201': okResponse('SafetyPlanAction', 'Toegevoegd'), '400': problemResponse('Ongeldige invoer (validation_failed)'), ...refusals }
		}
	},
	'/api/v1/safety-plans/{id}/indicators': {
		post: {
			summary: 'Een indicator toevoegen met definitie, bron, eenheid, richting, nulmeting en doelen per jaar',
			parameters: [idParam],
			requestBody: jsonBody('SafetyPlanIndicatorInput'),
			responses: { '201': okResponse('SafetyPlanIndicator', 'Toegevoegd'), '400': problemResponse('Ongeldige invoer (validation_failed)'), ...refusals }
		}
	},
	'/api/v1/safety-plans/{id}/indicators/{indicatorId}/measurements': {
		post: {
			summary: 'Een cijfer met de hand invoeren; hetzelfde gebied en jaar nogmaals vervangt het',
			parameters: [idParam, { name: 'indicatorId', in: 'path', required: true, schema: uuid }],
			requestBody: jsonBody('SafetyPlanMeasurementInput'),
			responses: { '200': okResponse('SafetyPlanMeasurement', 'Opgeslagen'), '400': problemResponse('Ongeldige invoer (validation_failed)'), ...refusals, '404': problemResponse('Plan of indicator bestaat niet') }
		}
	},
	'/api/v1/safety-plans/{id}/programme.pdf': report('Het uitvoeringsprogramma van een jaar als getagde PDF: elke actie per prioriteit, de indicatoren met grafiek; elk getal met bron en datum', 'application/pdf'),
	'/api/v1/safety-plans/{id}/programme.docx': report('Hetzelfde uitvoeringsprogramma als bewerkbaar Word-document (.docx)', DOCX)
};
