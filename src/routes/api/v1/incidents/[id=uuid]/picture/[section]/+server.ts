import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/errors';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { sectionInput, sectionParam } from '$lib/server/logbook/log-input';

/** Replaces a section's text at the version the writer saw; 409 with `current` when stale. */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const section = sectionParam.safeParse(params.section);
		if (!section.success) throw notFound(section.error.issues[0]?.message);
		const input = await readJson(request, sectionInput);
		return json(await locals.services.logbook.changeSection(locals.user, params.id, section.data, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
