import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { ServiceError } from '$lib/server/errors';
import { newApplicationInput, statusFilterInput } from '$lib/server/events/application-input';

/** The applications of the user's own municipality (all for a regional officer); `?status=` filters. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const status = statusFilterInput.safeParse(url.searchParams.get('status') ?? undefined);
		if (!status.success) throw new ServiceError(400, 'validation_failed', 'Onbekende status.', [{ field: 'status', message: 'Onbekende status.' }]);
		return json({ applications: await locals.services.events.listApplications(locals.user, { status: status.data }) });
	});

/** A new concept application; 201. */
export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newApplicationInput);
		return json(await locals.services.events.createApplication(locals.user, input, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
