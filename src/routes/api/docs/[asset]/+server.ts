import type { RequestHandler } from './$types';
import { docsAsset } from '$lib/server/http/api-docs';
import { apiError, methodNotAllowed } from '$lib/server/http/api';

export const GET: RequestHandler = async ({ params }) =>
	(await docsAsset(params.asset)) ?? apiError(404, 'not_found', `Onbekend bestand van de API-documentatie: ${params.asset}`);

export const fallback: RequestHandler = async () => methodNotAllowed();
