import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { sectionInput, sectionParam } from '$lib/server/logbook/log-input';
import { changeSection } from '$lib/server/logbook/picture-service';

/** Replaces a section's text at the version the writer saw; 409 with `current` when stale. */
export const PUT: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const section = sectionParam.safeParse(params.section);
		if (!section.success) throw notFound(section.error.issues[0]?.message);
		const input = await readJson(request, sectionInput);
		return json(await changeSection(getDb(), locals.user, params.id, section.data, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
