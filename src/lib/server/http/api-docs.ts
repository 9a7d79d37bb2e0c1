// The browsable API documentation at /api/docs: Swagger UI (the swagger-ui-dist npm package, so
// no CDN is involved) reading the same OpenAPI document as /api/v1/openapi.json. Its assets are
// served from the installed package; the page sets a strict Content-Security-Policy of its own
// (scripts and data from Paraat only), since SvelteKit adds its CSP to pages, not to routes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export const DOCS_PATH = '/api/docs';

/** The files of swagger-ui-dist the page uses, with their media types; nothing else is served. */
const ASSETS: Record<string, string> = {
	'swagger-ui.css': 'text/css; charset=utf-8',
	'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
	'favicon-32x32.png': 'image/png'
};

// Swagger UI sets inline styles and shows its logo as a data: image; everything else is Paraat's.
const CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"font-src 'self'",
	"base-uri 'none'",
	"form-action 'self'",
	"frame-ancestors 'none'"
].join('; ');

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API-documentatie — Paraat</title>
<link rel="icon" href="${DOCS_PATH}/favicon-32x32.png">
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
<header style="font-family:system-ui,sans-serif;max-width:1460px;margin:1rem auto 0;padding:0 20px">
<h1 style="font-size:1.5rem;margin:0">API-documentatie van Paraat (v1)</h1>
<p style="margin:.25rem 0 0">Dezelfde beschrijving als <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1), volgens de API Design Rules van Logius. Wat er aan de API veranderde staat in het wijzigingslog, in de beschrijving hieronder.</p>
</header>
<main id="swagger-ui" aria-label="Endpoints"></main>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`;

// Without inline script (the CSP forbids it), so in a file of its own.
const INIT = `window.addEventListener('load', function () {
	window.ui = SwaggerUIBundle({
		url: '/api/v1/openapi.json',
		dom_id: '#swagger-ui',
		deepLinking: true,
		docExpansion: 'list',
		defaultModelsExpandDepth: 0,
		validatorUrl: null,
		withCredentials: true
	});
});
`;

function docsHeaders(type: string, cacheable: boolean): Record<string, string> {
	return { 'content-type': type, 'content-security-policy': CSP, 'cache-control': cacheable ? 'public, max-age=86400' : 'no-cache' };
}

export function docsPage(): Response {
	return new Response(PAGE, { headers: docsHeaders('text/html; charset=utf-8', false) });
}

let folder: string | undefined;

function swaggerFolder(): string {
	folder ??= path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
	return folder;
}

/** One asset of the page, or null for any other name (the caller answers 404). */
export async function docsAsset(name: string): Promise<Response | null> {
	if (name === 'init.js') return new Response(INIT, { headers: docsHeaders('text/javascript; charset=utf-8', false) });
	const type = ASSETS[name];
	if (!type) return null;
	return new Response(new Uint8Array(await readFile(path.join(swaggerFolder(), name))), { headers: docsHeaders(type, true) });
}
