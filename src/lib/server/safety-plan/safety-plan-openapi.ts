// The safety plan's part of /api/v1/openapi.json, from the shapes its routes answer with.
import { problemResponse } from '../http/openapi-problem.ts';
import { KENNEMERLAND } from '../../domain/region.ts';
import { ACTION_STATUSES } from '../../domain/safety-plan/actions.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const uuid = { type: 'string', format: 'uuid' };

export const safetyPlanSchemas = {
	SafetyPlanSummary: {
		type: 'object',
		description: 'Een integraal veiligheidsplan van een gemeente met zijn prioriteiten (niet de strategische thema’s).',
		required: ['id', 'municipality', 'title', 'startYear', 'endYear', 'priorities'],
		properties: {
			id: uuid,
			municipality: { type: 'string', enum: KENNEMERLAND.map((m) => m.code) },
			title: { type: 'string', examples: ['Integraal Veiligheids- en Handhavingsplan 2021-2024'] },
			startYear: { type: 'integer', examples: [2021] },
			endYear: { type: 'integer', examples: [2024] },
			priorities: {
				type: 'array',
				items: { type: 'object', required: ['id', 'title', 'ambition'], properties: { id: uuid, title: { type: 'string' }, ambition: { type: 'string' } } }
			}
		}
	},
	SafetyPlanAction: {
		type: 'object',
		description: 'Een actie van het uitvoeringsprogramma van één jaar.',
		properties: {
			id: uuid,
			planId: uuid,
			priorityId: uuid,
			year: { type: 'integer' },
			title: { type: 'string' },
			owner: { type: 'string', description: 'Team of partner dat de actie trekt' },
			plannedQuarter: { type: 'integer', minimum: 1, maximum: 4 },
			status: { enum: [...ACTION_STATUSES] },
			version: { type: 'integer' },
			isDemo: { type: 'boolean' },
			updatedAt: { type: 'string', format: 'date-time' }
		}
	}
};

export const safetyPlanPaths = {
	'/api/v1/safety-plans': {
		get: {
			summary: 'Veiligheidsplannen van een gemeente (beleidsadviseur OOV, kabinet, regio)',
			parameters: [
				{ name: 'municipality', in: 'query', schema: { type: 'string', enum: KENNEMERLAND.map((m) => m.code) }, description: 'Gemeentecode; zonder: alle plannen die je mag lezen' }
			],
			responses: {
				'200': json('Plannen, nieuwste periode eerst', { type: 'array', items: ref('SafetyPlanSummary') }),
				'400': problemResponse('Onbekende gemeente (validation_failed)'),
				'401': problemResponse('Niet ingelogd'),
				'403': problemResponse('Geen recht op de plannen van deze gemeente')
			}
		}
	},
	'/api/v1/safety-plans/{id}/progress.pdf': {
		get: {
			summary: 'De halfjaarlijkse voortgangsrapportage voor de raad als getagde PDF; elk getal met bron en datum',
			parameters: [
				{ name: 'id', in: 'path', required: true, schema: uuid },
				{ name: 'half', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}-[12]$', examples: ['2024-1'] }, description: 'JJJJ-1 (januari–juni) of JJJJ-2 (juli–december), binnen de looptijd van het plan' }
			],
			responses: {
				'200': { description: 'De rapportage', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
				'400': problemResponse('Ongeldig of ander halfjaar (validation_failed)'),
				'401': problemResponse('Niet ingelogd'),
				'403': problemResponse('Geen recht op dit plan'),
				'404': problemResponse('Plan bestaat niet')
			}
		}
	},
	'/api/v1/safety-plans/{id}/progress.docx': {
		get: {
			summary: 'Dezelfde voortgangsrapportage als bewerkbaar Word-document (.docx), met ruimte voor de toelichting van het college',
			parameters: [
				{ name: 'id', in: 'path', required: true, schema: uuid },
				{ name: 'half', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}-[12]$', examples: ['2024-1'] }, description: 'JJJJ-1 (januari–juni) of JJJJ-2 (juli–december), binnen de looptijd van het plan' }
			],
			responses: {
				'200': { description: 'De rapportage', content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } } } },
				'400': problemResponse('Ongeldig of ander halfjaar (validation_failed)'),
				'401': problemResponse('Niet ingelogd'),
				'403': problemResponse('Geen recht op dit plan'),
				'404': problemResponse('Plan bestaat niet')
			}
		}
	},
	'/api/v1/safety-plans/{id}/actions/{actionId}': {
		patch: {
			summary: 'De status van een actie van het uitvoeringsprogramma wijzigen (beleidsadviseur OOV van de gemeente)',
			parameters: [
				{ name: 'id', in: 'path', required: true, schema: uuid },
				{ name: 'actionId', in: 'path', required: true, schema: uuid }
			],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: { type: 'object', additionalProperties: false, required: ['version', 'status'], properties: { version: { type: 'integer', minimum: 0 }, status: { enum: [...ACTION_STATUSES] } } }
					}
				}
			},
			responses: {
				'200': json('De actie zoals ze nu is', ref('SafetyPlanAction')),
				'400': problemResponse('Ongeldige invoer'),
				'401': problemResponse('Niet ingelogd'),
				'403': problemResponse('Geen recht'),
				'404': problemResponse('Plan of actie bestaat niet'),
				'409': problemResponse('Intussen door een ander gewijzigd (version_conflict), met `current`')
			}
		}
	}
};
