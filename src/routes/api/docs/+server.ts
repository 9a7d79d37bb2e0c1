import type { RequestHandler } from './$types';
import { docsPage } from '$lib/server/http/api-docs';
import { methodNotAllowed } from '$lib/server/http/api';

// Public, like the OpenAPI document it shows: it names no data, only shapes.
export const GET: RequestHandler = () => docsPage();

export const fallback: RequestHandler = async () => methodNotAllowed();
