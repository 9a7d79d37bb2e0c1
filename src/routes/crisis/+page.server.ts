import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { fitsInteger } from '../../lib/validation/fields.ts';
import type { Actions, PageServerLoad } from './$types';
import { zodFieldErrors } from '$lib/server/http/api';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { invalid } from '$lib/server/errors';
import { newIncidentInput } from '$lib/server/incidents/incident-input';
import { fromLocalInput } from '$lib/domain/events/event-time';
import { requirePermission } from '$lib/server/http/guards';
import { canCreateIncident } from '$lib/server/incidents/incident-service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'incident.read');
	const seq = await locals.services.realtime.currentSeq('incidents');
	const includeClosed = url.searchParams.get('gesloten') === '1';
	const archived = url.searchParams.get('archief') === '1';
	return {
		incidents: await locals.services.incidents.incidentsFor(user, includeClosed, archived),
		includeClosed,
		archived,
		seq,
		canCreateCrisis: canCreateIncident(user, 'crisis'),
		canCreateExercise: canCreateIncident(user, 'oefening')
	};
};

/**
 * The map position (both coordinates or neither) and the start time (Dutch local time from a
 * datetime-local field) as the incident input takes them; a half or malformed value is the user's error.
 */
function placeAndTime(values: Record<string, string>): { position?: { lat: number; lon: number }; startedAt?: string } {
	const lat = (values.lat ?? '').trim().replace(',', '.');
	const lon = (values.lon ?? '').trim().replace(',', '.');
	let position: { lat: number; lon: number } | undefined;
	if (lat !== '' || lon !== '') {
		if (lat === '' || lon === '' || !Number.isFinite(Number(lat)) || !Number.isFinite(Number(lon))) {
			throw invalid([{ field: 'lat', message: 'Geef beide coördinaten als getal, of klik op de kaart.' }], 'Geef beide coördinaten als getal, of klik op de kaart.');
		}
		position = { lat: Number(lat), lon: Number(lon) };
	}
	const local = (values.startedAt ?? '').trim();
	if (local === '') return { position };
	const converted = fromLocalInput(local);
	if (!converted.ok) {
		const message = converted.reason === 'nonexistent' ? 'Dit tijdstip bestaat niet (zomertijd); kies een ander.' : 'Vul de begintijd in als datum en tijd.';
		throw invalid([{ field: 'startedAt', message }], message);
	}
	return { position, startedAt: converted.iso };
}

export const actions: Actions = {
	aanmaken: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'incident.read');
		const form = await request.formData();
		const values = formValues(form, ['title', 'kind', 'grip', 'type', 'location', 'affectedPeople', 'lat', 'lon', 'startedAt']);
		const municipalities = form.getAll('municipalities').map(String);
		let created: { id: string } | undefined;
		const result = await runFormAction(
			'aanmaken',
			values,
			newIncidentInput.omit({ municipalities: true, affectedPeople: true, position: true, startedAt: true }).extend({
				affectedPeople: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().check(...fitsInteger()).min(0, { error: 'Aantal getroffenen kan niet negatief zijn.' })]).optional()
			}),
			async (input) => {
				const { position, startedAt } = placeAndTime(values);
				const parsed = newIncidentInput.safeParse({ ...input, municipalities, type: input.type || undefined, location: input.location || undefined, position, startedAt });
				if (!parsed.success) throw invalid(zodFieldErrors(parsed.error), 'Controleer de gemarkeerde velden.');
				created = await locals.services.incidents.createIncident(user, parsed.data, locals.ctx);
			}
		);
		if (created) redirect(303, `/crisis/${created.id}`);
		return result;
	}
};
