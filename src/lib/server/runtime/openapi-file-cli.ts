// Writes the OpenAPI document to a file, for the API Design Rules linter (`npm run lint:api`).
// The document's modules import each other without file extensions (as SvelteKit builds them),
// so it is loaded through Vite's module runner rather than by Node directly — with every capability
// registered, as the app serves it (the document module alone knows only health and metrics).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runnerImport } from 'vite';

const target = path.resolve(process.argv[2] ?? 'api-lint/openapi.json');
// The origin of a production deployment: the linter checks the servers as published (https).
const origin = process.argv[3] ?? 'https://paraat.vrkennemerland.nl';
const { module } = await runnerImport<typeof import('./openapi-assembled.ts')>(path.resolve('src/lib/server/runtime/openapi-assembled.ts'), { configFile: false, logLevel: 'error' });
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(module.assembledOpenApiDocument(origin), null, 2)}\n`); // spaces: the linter's YAML parser warns on tabs
console.log(`OpenAPI-document geschreven naar ${path.relative(process.cwd(), target)}`);
