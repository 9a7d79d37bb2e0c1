import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { ServiceError } from '$lib/server/errors';
import { apiCall, methodNotAllowed, readJson, unauthenticated, zodFieldErrors } from '$lib/server/http/api';
import { idempotent } from '$lib/server/http/idempotent';
import { logFilterFromQuery, logFilterInput, newLogEntryInput } from '$lib/server/logbook/log-input';

/** ?soort=besluit,actie&discipline=ghor&ongelezen=1 */
export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const parsed = logFilterInput.safeParse(logFilterFromQuery(url.searchParams));
		if (!parsed.success) {
			const fields = zodFieldErrors(parsed.error);
			throw new ServiceError(400, 'validation_failed', `Ongeldig filter: ${fields.map((f) => f.message).join('; ')}`, fields);
		}
		return json(await locals.services.logbook.logbookOf(locals.user, params.id, parsed.data));
	});

/**
 * A new entry; with `correctsId` a correction of an earlier one (which itself never changes). With
 * an `Idempotency-Key` a retry gets the first answer instead of a second entry (docs/offline.md).
 */
export const POST: RequestHandler = ({ locals, params, request }) => {
	const user = locals.user;
	if (!user) return unauthenticated();
	return idempotent(locals.services.idempotency, user.id, request, () =>
		apiCall(async () => {
			const input = await readJson(request, newLogEntryInput);
			return json(await locals.services.logbook.addLogEntry(user, params.id, input, locals.ctx), { status: 201 });
		})
	);
};

export const fallback: RequestHandler = async () => methodNotAllowed();
