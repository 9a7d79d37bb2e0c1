// Capabilities plug into the core (runtime/capabilities.ts), and the boundaries that make that
// true hold: the realtime core and the HTTP layer import no capability, and no two folders under
// src/lib/server import each other, directly or around a circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capabilities, registerCapabilities } from '../../src/lib/server/runtime/capabilities.ts';
import { registerAll } from '../../src/lib/server/capability/register.ts';
import { registeredTopicKinds } from '../../src/lib/server/realtime/topics.ts';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';

const SERVER = path.resolve('src/lib/server');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return full.endsWith('.ts') ? [full] : [];
	});
}

/** The server folder (`advice`, `realtime`, … or `.` for the top level) a module belongs to. */
const folderOf = (file: string) => path.relative(SERVER, path.dirname(file)) || '.';

/** Every server folder each folder imports from (relative and `$lib/server` imports, types included). */
function folderGraph(): Map<string, Map<string, string[]>> {
	const graph = new Map<string, Map<string, string[]>>();
	for (const file of sourceFiles(SERVER)) {
		const from = folderOf(file);
		// The top-level modules (config, errors, ids, log, clock, …) are single shared modules, not a
		// folder; cycles through them are file cycles, which `npm run check:cycles` refuses.
		if (from === '.') continue;
		for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
			const spec = match[1]!;
			const target = spec.startsWith('$lib/server/') ? path.join(SERVER, spec.slice('$lib/server/'.length)) : spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
			if (!target || !target.startsWith(SERVER + path.sep)) continue;
			const to = folderOf(target.endsWith('.ts') ? target : `${target}.ts`);
			if (to === from || to === '.') continue;
			const edges = graph.get(from) ?? new Map<string, string[]>();
			edges.set(to, [...(edges.get(to) ?? []), `${path.relative(SERVER, file)} → ${spec}`]);
			graph.set(from, edges);
		}
	}
	return graph;
}

describe('the composition root', () => {
	it('registers every topic kind of the realtime contract, each owned by one capability', () => {
		registerCapabilities();
		expect(registeredTopicKinds()).toEqual(
			['advice', 'adviceinbox', 'application', 'bibob', 'bluswater', 'calendar', 'incident', 'incidents', 'injects', 'municipality', 'region', 'user'].sort()
		);
	});

	it('refuses two capabilities that claim the same topic kind', () => {
		const allow = async () => ({ ok: true }) as const;
		expect(() =>
			registerAll([
				{ name: 'eerste', topics: [{ kind: 'dubbel', parameterless: true, authorise: allow }] },
				{ name: 'tweede', topics: [{ kind: 'dubbel', parameterless: true, authorise: allow }] }
			])
		).toThrow(/dubbel is al van eerste/);
	});

	it('puts every capability’s paths and schemas in the OpenAPI document', () => {
		registerCapabilities();
		const doc = openApiDocument('http://localhost:3000');
		for (const capability of capabilities) {
			for (const route of Object.keys(capability.api?.paths ?? {})) expect(doc.paths, `${capability.name}: ${route}`).toHaveProperty([route]);
			for (const name of Object.keys(capability.api?.schemas ?? {})) expect(doc.components.schemas, `${capability.name}: ${name}`).toHaveProperty([name]);
		}
	});
});

describe('the boundaries under src/lib/server', () => {
	const graph = folderGraph();
	const capabilityFolders = new Set(sourceFiles(SERVER).filter((f) => f.endsWith('-capability.ts')).map(folderOf));

	it('finds the capabilities by their files', () => {
		expect([...capabilityFolders].sort()).toEqual(
			['advice', 'alerting', 'bibob', 'bluswater', 'calendar', 'events', 'incidents', 'injects', 'logbook', 'map', 'notices', 'notifications', 'region', 'safety-plan', 'tasks', 'users'].sort()
		);
	});

	it('keeps the realtime core and the HTTP layer free of capabilities', () => {
		for (const core of ['realtime', 'http']) {
			const reached = [...(graph.get(core) ?? new Map<string, string[]>())].filter(([to]) => capabilityFolders.has(to));
			expect(reached.flatMap(([, via]) => via), core).toEqual([]);
		}
	});

	it('has no folder cycles', () => {
		// Depth-first search for a back edge; the message names the circle and the imports on it.
		const state = new Map<string, 'open' | 'done'>();
		const cycles: string[] = [];
		const visit = (folder: string, trail: string[]) => {
			state.set(folder, 'open');
			for (const [to, via] of graph.get(folder) ?? []) {
				if (state.get(to) === 'open') cycles.push(`${[...trail.slice(trail.indexOf(to)), folder, to].join(' → ')} (${via[0]})`);
				else if (!state.has(to)) visit(to, [...trail, folder]);
			}
			state.set(folder, 'done');
		};
		for (const folder of graph.keys()) if (!state.has(folder)) visit(folder, []);
		expect(cycles).toEqual([]);
	});
});
