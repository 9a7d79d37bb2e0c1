// Every address the README and the chapters in docs/ name must exist: a page or endpoint under
// src/routes, or one of the few addresses the runtime answers itself (probes, metrics, the
// socket). A text that promises a route nobody can open is how `/advies/aanvraag/<id>` lived on
// after the page was gone.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeAddresses, routeExists, routeFolders } from '../support/readme-routes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The README (the door) and every chapter under docs/ (the house). */
const DOCUMENTS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Route folders that hold a page or an endpoint, as paths like /evenementen/[id=uuid]. */
function routes(): string[] {
	const files = readdirSync(path.join(ROOT, 'src/routes'), { recursive: true, encoding: 'utf8' });
	return routeFolders(files);
}

// Answered by the runtime before SvelteKit (src/lib/server/runtime/ops-routes.ts, the socket.io attach).
// `/api/v1` is named as the API's base, under which every endpoint lives.
const RUNTIME = ['/healthz', '/readyz', '/metrics', '/socket.io', '/api/v1'];

describe('the README and docs/ name only addresses that exist', () => {
	it('reads the README and the chapters (the check itself sees them)', () => {
		expect(DOCUMENTS).toEqual(expect.arrayContaining(['README.md', 'docs/evenementen.md', 'docs/api.md', 'docs/crisis.md']));
		const found = DOCUMENTS.flatMap((file) => readmeAddresses(text(file)));
		expect(found).toContain('/evenementen/<id>');
		expect(found).toContain('/api/v1/events/:id/advice');
		expect(new Set(found).size).toBeGreaterThan(40);
	});

	it.each(DOCUMENTS)('%s: a page, endpoint or runtime address for each', (file) => {
		const all = routes();
		const missing = readmeAddresses(text(file)).filter((a) => !RUNTIME.includes(a) && !routeExists(all, a));
		expect(missing).toEqual([]);
	});

	it('tells a missing route from an existing one', () => {
		const all = routes();
		expect(routeExists(all, '/advies/aanvraag/<applicationId>')).toBe(false);
		expect(routeExists(all, '/api/v1/nergens')).toBe(false);
		expect(routeExists(all, '/advies/<id>')).toBe(true);
		expect(routeExists(all, '/api/v1/bibob/…')).toBe(true);
		expect(routeExists(all, '/crisis/<id>/sitrap/<n>')).toBe(true);
		// A fixed segment never matches a parameter's name, and a parameter never a fixed segment.
		expect(routeExists(all, '/evenementen/nieuw/bewerken')).toBe(false);
		expect(routeExists(all, '/bibob/<id>/instellingen')).toBe(false);
	});

	it('finds a missing route in a text (the check can fail)', () => {
		const missing = readmeAddresses('See `/crisis/<id>/nergens` and `/kalender`.').filter((a) => !routeExists(routes(), a));
		expect(missing).toEqual(['/crisis/<id>/nergens']);
	});
});
