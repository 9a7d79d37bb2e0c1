// CI fails on a boundary violation: the fixtures in tests/fixtures/boundaries/ each break one rule
// of docs/architecture.md ("Never") and are linted with the project's own ESLint configuration and
// run through the cycle check with the project's own dependency-cruiser configuration, exactly as
// `npm run lint` does for src/. Each must be refused; the query module beside them must not be.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = 'tests/fixtures/boundaries';
// `ignore: false`: the normal lint run leaves the fixtures out; here they are the point.
const eslint = new ESLint({ cwd: ROOT, ignore: false });

/** The messages of one fixture as `rule: source text`, for readable failures. */
async function refusals(file: string): Promise<{ rule: string | null; message: string }[]> {
	const [result] = await eslint.lintFiles([path.join(FIXTURES, file)]);
	return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('ESLint refuses what the architecture never allows', () => {
	it('a component that imports the database module', async () => {
		const found = await refusals('browser/ImportsDatabase.svelte');
		expect(found).toContainEqual({ rule: 'no-restricted-imports', message: expect.stringContaining('Browsercode importeert nooit servermodules') });
	}, 60_000);

	it('browser code that borrows a server type', async () => {
		const found = await refusals('browser/server-type.ts');
		expect(found).toContainEqual({ rule: 'no-restricted-imports', message: expect.stringContaining('Browsercode importeert nooit servermodules') });
	});

	it('a cast on a socket payload in browser code', async () => {
		const found = await refusals('browser/socket-cast.ts');
		expect(found).toContainEqual({ rule: 'no-restricted-syntax', message: expect.stringContaining('Geen cast op een socketbericht') });
	});

	it('a route that imports the database module', async () => {
		const found = await refusals('routes/crisis/+page.server.ts');
		expect(found).toContainEqual({ rule: 'no-restricted-imports', message: expect.stringContaining('Een route importeert nooit de database-module') });
	});

	it('the realtime core or HTTP layer importing a capability', async () => {
		const found = await refusals('core/topic-authorisation.ts');
		expect(found).toContainEqual({ rule: 'no-restricted-imports', message: expect.stringContaining('importeren geen capability') });
	});

	it('a domain rule with I/O', async () => {
		const found = await refusals('domain/deadline.ts');
		expect(found).toContainEqual({ rule: 'no-restricted-imports', message: expect.stringContaining('Browsercode gebruikt geen server- of Node-bibliotheken') });
		expect(found).toContainEqual({ rule: 'no-restricted-globals', message: expect.stringContaining('src/lib/domain is puur') });
	});

	it('SQL outside a query module, and not inside one', async () => {
		const service = await refusals('sql/task-service.ts');
		expect(service.filter((m) => m.rule === 'no-restricted-syntax').map((m) => m.message)).toEqual([
			expect.stringContaining('sql-tag van Kysely'),
			expect.stringContaining('SQL staat alleen in *-queries.ts'),
			expect.stringContaining('SQL staat alleen in *-queries.ts')
		]);
		expect(await refusals('sql/task-queries.ts')).toEqual([]);
	});
});

describe('the cycle check refuses import cycles', () => {
	/** Runs the cycle check exactly as `npm run check:cycles` does (same reporter), on another folder. */
	async function cycleCheck(folder: string): Promise<{ code: number; report: string }> {
		const bin = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
		const args = [bin, path.join(FIXTURES, folder), '--config', '.dependency-cruiser.cjs', '--output-type', 'err'];
		try {
			const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
			return { code: 0, report: stdout };
		} catch (error) {
			const failed = error as { code: number; stdout: string };
			return { code: failed.code, report: failed.stdout };
		}
	}

	it('between files, with a failing exit code', async () => {
		const result = await cycleCheck('cycles/files');
		expect(result.report).toContain('error no-circular: tests/fixtures/boundaries/cycles/files/');
		expect(result.code).not.toBe(0);
	}, 60_000);

	it('between folders, even without a cycle between files', async () => {
		const result = await cycleCheck('cycles/folders');
		expect(result.report).toContain('error no-folder-cycle: tests/fixtures/boundaries/cycles/folders/alpha');
		expect(result.report).not.toContain('no-circular');
		expect(result.code).not.toBe(0);
	}, 60_000);

	it('passes a folder without cycles', async () => {
		const result = await cycleCheck('sql');
		expect(result.report).not.toContain('error');
		expect(result.code).toBe(0);
	}, 60_000);
});
