import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { ServiceError } from '$lib/server/errors';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated, zodFieldErrors } from '$lib/server/http/api';
import { logFilterFromQuery, logFilterInput, newLogEntryInput } from '$lib/server/logbook/log-input';
import { addLogEntry, logbookOf } from '$lib/server/logbook/log-service';

/** ?soort=besluit,actie&discipline=ghor&ongelezen=1 */
export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const parsed = logFilterInput.safeParse(logFilterFromQuery(url.searchParams));
		if (!parsed.success) {
			const fields = zodFieldErrors(parsed.error);
			throw new ServiceError(400, 'validation_failed', `Ongeldig filter: ${fields.map((f) => f.message).join('; ')}`, fields);
		}
		return json(await logbookOf(getDb(), locals.user, params.id, parsed.data));
	});

/** A new entry; with `correctsId` a correction of an earlier one (which itself never changes). */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newLogEntryInput);
		return json(await addLogEntry(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
