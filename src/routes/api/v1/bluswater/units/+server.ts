import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newUnitInput } from '$lib/server/bluswater/bluswater-input';
import { unitsFor } from '$lib/server/bluswater/bluswater-service';
import { createUnit } from '$lib/server/bluswater/fleet-service';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ units: await unitsFor(getDb(), locals.user) });
	});

/** A beheerder adds a unit to the fleet. */
export const POST: RequestHandler = ({ locals, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newUnitInput);
		return json(await createUnit(getDb(), locals.user, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
