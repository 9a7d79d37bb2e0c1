// Notifications in /api/v1/openapi.json: a browser's push subscription, the user's choices, and
// the outbox for the regional beheerder.
import { notificationPreferencesInput, pushSubscriptionInput, pushUnsubscribeInput, CHOOSABLE_CATEGORIES, NOTIFICATION_CATEGORIES, OUTBOX_STATUSES } from '../../contracts/notifications.ts';
import { errorResponse, idParam, jsonBody, jsonSchema as schema, okResponse } from '../http/openapi-helpers.ts';

export const notificationsSchemas = {
	PushSubscriptionInput: schema(pushSubscriptionInput),
	PushUnsubscribeInput: schema(pushUnsubscribeInput),
	NotificationPreferencesInput: schema(notificationPreferencesInput),
	NotificationPreferences: {
		type: 'object',
		properties: {
			preferences: {
				type: 'array',
				items: { type: 'object', properties: { category: { type: 'string', enum: [...CHOOSABLE_CATEGORIES] }, email: { type: 'boolean' }, push: { type: 'boolean' } } }
			}
		}
	},
	OutboxMessage: {
		type: 'object',
		description: 'Een uitgaand bericht zoals de beheerder het ziet: ontvanger, soort, onderwerp en stand, nooit de inhoud.',
		properties: {
			id: { type: 'string', format: 'uuid' },
			recipient: { type: 'string' },
			recipientEmail: { type: 'string' },
			category: { type: 'string', enum: [...NOTIFICATION_CATEGORIES] },
			channel: { type: 'string', enum: ['email', 'push'] },
			subject: { type: 'string' },
			status: { type: 'string', enum: [...OUTBOX_STATUSES] },
			attempts: { type: 'integer' },
			nextAttemptAt: { type: 'string', format: 'date-time' },
			lastError: { type: ['string', 'null'] },
			createdAt: { type: 'string', format: 'date-time' },
			sentAt: { type: ['string', 'null'], format: 'date-time' }
		}
	}
};

export const notificationsPaths = {
	'/api/v1/push-subscriptions': {
		post: {
			summary: 'Pushberichten aanzetten op dit apparaat: het pushabonnement van de browser (PushSubscription.toJSON()) voor de ingelogde gebruiker',
			requestBody: jsonBody('PushSubscriptionInput'),
			responses: {
				'201': { description: 'Opgeslagen', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, devices: { type: 'integer' } } } } } },
				'400': errorResponse('Ongeldig abonnement (geen https-adres van een pushdienst, of sleutels ontbreken)'),
				'401': errorResponse('Niet ingelogd')
			}
		},
		delete: {
			summary: 'Pushberichten uitzetten op dit apparaat',
			requestBody: jsonBody('PushUnsubscribeInput'),
			responses: { '204': { description: 'Verwijderd' }, '400': errorResponse('Ongeldige invoer'), '401': errorResponse('Niet ingelogd'), '404': errorResponse('Geen abonnement met dit adres') }
		}
	},
	'/api/v1/push-subscriptions/public-key': {
		get: {
			summary: 'De publieke VAPID-sleutel waarmee de browser zich abonneert (applicationServerKey)',
			responses: {
				'200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { publicKey: { type: 'string' } } } } } },
				'401': errorResponse('Niet ingelogd'),
				'503': errorResponse('Pushberichten zijn op deze server niet ingesteld')
			}
		}
	},
	'/api/v1/notification-preferences': {
		get: {
			summary: 'Wat de ingelogde gebruiker per soort melding per e-mail en push krijgt (alarmeringen altijd)',
			responses: { '200': okResponse('NotificationPreferences'), '401': errorResponse('Niet ingelogd') }
		},
		put: {
			summary: 'Keuzes wijzigen; niet genoemde soorten blijven zoals ze waren',
			requestBody: jsonBody('NotificationPreferencesInput'),
			responses: { '200': okResponse('NotificationPreferences'), '400': errorResponse('Ongeldige invoer'), '401': errorResponse('Niet ingelogd') }
		}
	},
	'/api/v1/outbox': {
		get: {
			summary: 'Uitgaande e-mail en pushberichten (regionale beheerder): wachtend en mislukt, of één stand',
			parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: ['open', ...OUTBOX_STATUSES], default: 'open' } }],
			responses: {
				'200': {
					description: 'OK',
					content: { 'application/json': { schema: { type: 'object', properties: { messages: { type: 'array', items: { $ref: '#/components/schemas/OutboxMessage' } }, counts: { type: 'object' } } } } }
				},
				'400': errorResponse('Onbekende stand'),
				'401': errorResponse('Niet ingelogd'),
				'403': errorResponse('Geen regionale beheerder')
			}
		}
	},
	'/api/v1/outbox/{id}/retry': {
		post: {
			summary: 'Een mislukt of overgeslagen bericht opnieuw versturen (regionale beheerder)',
			parameters: idParam,
			responses: { '204': { description: 'Staat weer in de wachtrij' }, '401': errorResponse('Niet ingelogd'), '403': errorResponse('Geen regionale beheerder'), '404': errorResponse('Onbekend bericht, of het wacht al') }
		}
	}
};
