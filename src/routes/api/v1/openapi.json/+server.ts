import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openApiDocument } from '$lib/server/http/openapi';
import { methodNotAllowed } from '$lib/server/http/api';

// Public, like any API description: it names no data, only shapes.
export const GET: RequestHandler = ({ url }) => json(openApiDocument(url.origin));

export const fallback: RequestHandler = async () => methodNotAllowed();
