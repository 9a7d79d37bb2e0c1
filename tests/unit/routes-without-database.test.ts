// Routes get their services from `event.locals.services` (bound in one composition root); none may
// import the database module, by alias or by a relative path. A scan rather than only a lint rule,
// so that no eslint-disable comment can let one through.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = path.resolve('src/routes');
const DB_DIR = path.resolve('src/lib/server/db');
const LIB = path.resolve('src/lib');

/** Every module specifier of a source file: static and dynamic imports and re-exports. */
function specifiers(source: string): string[] {
	const found: string[] = [];
	const patterns = [/\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
	for (const pattern of patterns) for (const [, specifier] of source.matchAll(pattern)) if (specifier) found.push(specifier);
	return found;
}

/** Whether `specifier`, imported from `file`, names the database module or a file inside it. */
function isDatabaseModule(file: string, specifier: string): boolean {
	let target: string;
	if (specifier === '$lib' || specifier.startsWith('$lib/')) target = path.join(LIB, specifier.slice('$lib'.length));
	else if (specifier.startsWith('.')) target = path.resolve(path.dirname(file), specifier);
	else return false;
	const withoutExtension = target.replace(/\.(ts|js)$/, '');
	return withoutExtension === DB_DIR || withoutExtension.startsWith(DB_DIR + path.sep);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [full] : [];
	});
}

function offenders(file: string, source: string): string[] {
	return specifiers(source).filter((specifier) => isDatabaseModule(file, specifier));
}

describe('routes use services, not the database', () => {
	it('no file under src/routes imports the database module', () => {
		const files = sourceFiles(ROUTES);
		// The scan must have something to scan: Paraat has well over a hundred route files.
		expect(files.length).toBeGreaterThan(100);
		const found = files.flatMap((file) => offenders(file, readFileSync(file, 'utf8')).map((s) => `${path.relative(ROUTES, file)}: ${s}`));
		expect(found).toEqual([]);
	});

	it('recognises every way of reaching the database module', () => {
		const file = path.join(ROUTES, 'crisis', '[id=uuid]', '+page.server.ts');
		expect(offenders(file, "import { getDb } from '$lib/server/db';")).toEqual(['$lib/server/db']);
		expect(offenders(file, "import type { Database } from '$lib/server/db/index.ts';")).toEqual(['$lib/server/db/index.ts']);
		expect(offenders(file, "import { transact } from '$lib/server/db/transaction';")).toEqual(['$lib/server/db/transaction']);
		expect(offenders(file, "import {\n\tgetDb\n} from '../../../lib/server/db';")).toEqual(['../../../lib/server/db']);
		expect(offenders(file, "const { getDb } = await import('$lib/server/db');")).toEqual(['$lib/server/db']);
		expect(offenders(file, "export { getDb } from '$lib/server/db';")).toEqual(['$lib/server/db']);
		expect(offenders(file, "import '$lib/server/db/embedded';")).toEqual(['$lib/server/db/embedded']);
	});

	it('leaves look-alike modules alone', () => {
		const file = path.join(ROUTES, '+page.server.ts');
		expect(offenders(file, "import { x } from '$lib/server/dbx';")).toEqual([]);
		expect(offenders(file, "import { x } from '$lib/server/tasks/task-service';")).toEqual([]);
		expect(offenders(file, "import { x } from '../lib/server/database-notes';")).toEqual([]);
	});
});
