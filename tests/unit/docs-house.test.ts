// The README is the door and docs/ the house: the door stays small and says what a newcomer needs
// first (what Paraat is, the two commands, the demo logins, a map of docs/), every chapter is on
// the map, and every relative link between them leads somewhere.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const CHAPTERS = readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));

/** Relative links of a markdown text (`[x](target)`), without their #fragment; web links left out. */
function relativeLinks(markdown: string): string[] {
	const links: string[] = [];
	for (const match of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
		const target = match[1]!;
		if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
		links.push(target.split('#')[0]!);
	}
	return links;
}

describe('the README is the door', () => {
	it('is at most 12 KB', () => {
		expect(statSync(path.join(ROOT, 'README.md')).size).toBeLessThanOrEqual(12 * 1024);
	});

	it('names the two commands first, then the demo logins', () => {
		const firstBlock = README.slice(README.indexOf('```sh'), README.indexOf('```', README.indexOf('```sh') + 5));
		expect(firstBlock).toContain('npm install && npm start');
		expect(firstBlock).toContain('npm test');
		expect(README).toContain('paraat-demo');
		expect(README).toContain('<rol>.<gemeente>@paraat.test');
		expect(README).toContain('PARAATBIBOBDEMOTOTPGEHEIM2345672');
		expect(README).toContain('`PORT`');
	});

	it('has every chapter of docs/ on its map', () => {
		const unlisted = CHAPTERS.filter((chapter) => !README.includes(`(docs/${chapter})`));
		expect(unlisted).toEqual([]);
	});
});

describe('links between the README and docs/', () => {
	const documents = [['README.md', README], ...CHAPTERS.map((c) => [`docs/${c}`, readFileSync(path.join(ROOT, 'docs', c), 'utf8')])];

	it.each(documents)('%s links only to files that exist', (file, text) => {
		const broken = relativeLinks(text).filter((target) => !existsSync(path.resolve(ROOT, path.dirname(file), target)));
		expect(broken).toEqual([]);
	});

	it('sees a broken link (the check can fail)', () => {
		expect(relativeLinks('[a](docs/nergens.md#x) [b](https://example.nl) [c](#kop)')).toEqual(['docs/nergens.md']);
		expect(existsSync(path.resolve(ROOT, 'docs/nergens.md'))).toBe(false);
	});
});
