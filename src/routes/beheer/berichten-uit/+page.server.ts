import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { CATEGORY_LABELS, OUTBOX_STATUSES, type OutboxStatus } from '$lib/contracts/notifications';

const retryInput = z.object({ id: z.uuid({ error: 'Onbekend bericht.' }) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'outbox.manage');
	const asked = url.searchParams.get('stand') ?? 'open';
	const status = asked === 'open' || (OUTBOX_STATUSES as readonly string[]).includes(asked) ? (asked as OutboxStatus | 'open') : 'open';
	const view = await locals.services.notifications.outboxFor(user, { status });
	return {
		status,
		counts: view.counts,
		delivery: view.delivery,
		// Recipient, kind, subject and state only: never the body of someone else's message.
		rows: view.rows.map((r) => ({ ...r, categoryLabel: CATEGORY_LABELS[r.category], nextAttemptAt: r.nextAttemptAt.toISOString(), createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null }))
	};
};

export const actions: Actions = {
	opnieuw: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'outbox.manage');
		const values = formValues(await request.formData(), ['id']);
		return runFormAction('opnieuw', values, retryInput, (input) => locals.services.notifications.retryOutboxMessage(user, input.id, locals.ctx));
	}
};
