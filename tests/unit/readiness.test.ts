import { describe, expect, it } from 'vitest';
import { compareMigrations, knownMigrations } from '../../src/lib/server/runtime/readiness.ts';
import { tokenMatches } from '../../src/lib/server/runtime/ops-routes.ts';

describe('compareMigrations', () => {
	it('is ready when the database has exactly the migrations of the code', () => {
		expect(compareMigrations(['0001_a', '0002_b'], ['0002_b', '0001_a'])).toEqual({ ok: true, applied: 2, expected: 2 });
	});

	it('names the migrations still to run', () => {
		const result = compareMigrations(['0001_a', '0002_b'], ['0001_a']);
		expect(result.ok).toBe(false);
		expect(result.reason).toBe('Nog niet uitgevoerde migraties (0002_b): voer npm run db:migrate uit.');
	});

	it('names the migrations the code does not know (a database newer than the code)', () => {
		const result = compareMigrations(['0001_a'], ['0001_a', '0002_b']);
		expect(result.ok).toBe(false);
		expect(result.reason).toMatch(/^De database heeft migraties die deze versie van Paraat niet kent \(0002_b\)/);
	});

	it('reads the names as Kysely does: the files of migrations/ without extension', async () => {
		const names = await knownMigrations();
		expect(names[0]).toBe('0001_platform');
		expect(names).toEqual([...names].sort());
		expect(names.every((n) => !n.includes('.'))).toBe(true);
	});
});

describe('tokenMatches', () => {
	const token = 'een-lang-geheim-token-0123456789';
	it('accepts only the exact token', () => {
		expect(tokenMatches(token, token)).toBe(true);
		expect(tokenMatches(`${token}x`, token)).toBe(false);
		expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
		expect(tokenMatches('', token)).toBe(false);
		expect(tokenMatches(undefined, token)).toBe(false);
	});
});
