import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { versionOnlyInput } from '$lib/server/events/application-input';
import { submitApplication } from '$lib/server/events/application-service';

/** Submits a concept: `{ version }`; sets the "te laat ingediend" flag by the municipality's deadline. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, versionOnlyInput);
		return json(await submitApplication(getDb(), locals.user, params.id, input.version, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
