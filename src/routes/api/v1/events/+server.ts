import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { ServiceError } from '$lib/server/errors';
import { newApplicationInput, statusFilterInput } from '$lib/server/events/application-input';
import { createApplication, listApplications } from '$lib/server/events/application-service';

/** The applications of the user's own municipality (all for a regional officer); `?status=` filters. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const status = statusFilterInput.safeParse(url.searchParams.get('status') ?? undefined);
		if (!status.success) throw new ServiceError(400, 'validation_failed', 'Onbekende status.', [{ field: 'status', message: 'Onbekende status.' }]);
		return json({ applications: await listApplications(getDb(), locals.user, { status: status.data }) });
	});

/** A new concept application; 201. */
export const POST: RequestHandler = ({ locals, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newApplicationInput);
		return json(await createApplication(getDb(), locals.user, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
