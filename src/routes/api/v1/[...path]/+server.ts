import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/http/api';

/** Every unknown API route (or an id in the path that is no id) answers in the API's own error format. */
export const fallback: RequestHandler = async ({ url }) =>
	apiError(404, 'not_found', `Onbekend API-adres, of een id in het adres dat geen geldig id is: ${url.pathname}`);
