// Every API route and method under src/routes/api/v1 is described in the OpenAPI document, and
// every error answer there is the shared Problem (application/problem+json).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';

const API_DIR = path.resolve('src/routes/api/v1');

function routeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routeFiles(full);
		return entry.name === '+server.ts' ? [full] : [];
	});
}

/** `incidents/[id=uuid]/tasks` → `/api/v1/incidents/{id}/tasks` */
function openApiPath(file: string): string {
	const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
	return ['/api/v1', ...rel.map((part) => part.replace(/^\[(\w+)(?:=\w+)?\]$/, '{$1}'))].join('/');
}

function methodsOf(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
}

describe('the OpenAPI document covers the API', () => {
	const doc = openApiDocument('http://localhost:3000') as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
	const routes = routeFiles(API_DIR).filter((f) => !f.includes('[...path]'));

	it('finds the route files', () => {
		expect(routes.length).toBeGreaterThan(60);
	});

	it('describes every route and method', () => {
		// A free segment such as {step} may be described by its concrete values (…/{id}/parties).
		const described = (route: string, method: string) => {
			if (doc.paths[route]?.[method]) return true;
			const pattern = new RegExp(`^${route.replace(/\{step\}/g, '[^/]+').replace(/[{}]/g, (c) => `\\${c}`)}$`);
			return Object.entries(doc.paths).some(([p, ops]) => pattern.test(p) && ops[method]);
		};
		const missing: string[] = [];
		for (const file of routes) {
			const route = openApiPath(file);
			for (const method of methodsOf(file)) {
				if (!described(route, method)) missing.push(`${method.toUpperCase()} ${route}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('describes no route or method that does not exist', () => {
		const existing = new Map(routes.map((file) => [openApiPath(file), new Set(methodsOf(file))]));
		const patterns = [...existing.entries()].map(([route, methods]) => ({
			pattern: new RegExp(`^${route.replace(/\{step\}/g, '[^/]+').replace(/[{}.]/g, (c) => `\\${c}`)}$`),
			methods
		}));
		const unknown: string[] = [];
		for (const [route, operations] of Object.entries(doc.paths)) {
			if (!route.startsWith('/api/v1/')) continue;
			for (const method of Object.keys(operations).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
				if (!patterns.some((p) => p.pattern.test(route) && p.methods.has(method))) unknown.push(`${method.toUpperCase()} ${route}`);
			}
		}
		expect(unknown).toEqual([]);
	});

	it('declares the API-Version header on every answer and a 400 on every operation (API Design Rules)', () => {
		const missing: string[] = [];
		for (const [route, operations] of Object.entries(doc.paths)) {
			if (!route.startsWith('/api/v1/')) continue;
			for (const [method, operation] of Object.entries(operations)) {
				if (!operation.responses['400']) missing.push(`${method.toUpperCase()} ${route} 400`);
				for (const [status, response] of Object.entries(operation.responses)) {
					if (!(response as { headers?: Record<string, unknown> }).headers?.['API-Version']) missing.push(`${method.toUpperCase()} ${route} ${status}: API-Version`);
				}
			}
		}
		expect(missing).toEqual([]);
	});

	it('answers every error with the shared Problem', () => {
		const wrong: string[] = [];
		for (const [route, operations] of Object.entries(doc.paths)) {
			for (const [method, operation] of Object.entries(operations)) {
				for (const [status, response] of Object.entries(operation.responses ?? {})) {
					if (Number(status) < 400) continue;
					const content = (response as { content?: Record<string, unknown> }).content;
					if (content && !content['application/problem+json']) wrong.push(`${method.toUpperCase()} ${route} ${status}`);
				}
			}
		}
		expect(wrong).toEqual([]);
	});
});
