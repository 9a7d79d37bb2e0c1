import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, apiError, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { OUTBOX_STATUSES, type OutboxStatus } from '$lib/contracts/notifications';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const status = url.searchParams.get('status') ?? 'open';
		if (status !== 'open' && !(OUTBOX_STATUSES as readonly string[]).includes(status)) {
			return apiError(400, 'validation_failed', `Onbekende stand: kies open, ${OUTBOX_STATUSES.join(', ')}.`, {}, [{ field: 'status', message: 'Onbekende stand.' }]);
		}
		const view = await locals.services.notifications.outboxFor(locals.user, { status: status as OutboxStatus | 'open' });
		return json({ messages: view.rows, counts: view.counts });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
