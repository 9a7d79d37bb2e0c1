import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/http/api';

/** Every unknown API route answers in the API's own error format. */
export const fallback: RequestHandler = async ({ url }) =>
	apiError(404, 'not_found', `Onbekend API-adres: ${url.pathname}`);
