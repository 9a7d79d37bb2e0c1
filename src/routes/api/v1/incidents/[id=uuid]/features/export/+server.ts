import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';

/** The map as a GeoJSON file to download (QGIS, LCMS, another region's GIS). */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, geojson } = await locals.services.map.featuresExport(locals.user, params.id, locals.ctx);
		const name = `kaart-${incident.id.slice(0, 8)}${incident.exercise ? '-OEFENING' : ''}.geojson`;
		return fileResponse(JSON.stringify(geojson, null, 1), { type: 'application/geo+json; charset=utf-8', name, disposition: 'attachment' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
