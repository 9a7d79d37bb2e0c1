import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newUnitInput } from '$lib/server/bluswater/bluswater-input';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ units: await locals.services.bluswater.unitsFor(locals.user) });
	});

/** A beheerder adds a unit to the fleet. */
export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newUnitInput);
		return json(await locals.services.bluswater.createUnit(locals.user, input, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
