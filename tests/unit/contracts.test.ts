// The wire contract: framework-free, imported by browser code instead of server modules, and
// typed so that views narrow socket events by `type` instead of casting their payloads.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVICE_EVENTS, EVENT_TYPES, REQUEST_EVENTS, UNIT_EVENTS, isEvent, isEventType, type RealtimeEvent } from '../../src/lib/contracts/events.ts';
import { mergeByVersion, newest, overlay } from '../../src/lib/client/merge.ts';
import type { PublishInput } from '../../src/lib/server/realtime/event-log.ts';
import type { TaskRecord } from '../../src/lib/contracts/task.ts';

const root = join(import.meta.dirname, '../..');
const filesUnder = (dir: string): string[] =>
	readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name))
		.map((e) => relative(root, join(e.parentPath, e.name)));
const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

const task = (id: string, version: number, title = `taak ${id}`): TaskRecord => ({
	id,
	incidentId: 'i',
	process: 'nafase',
	title,
	description: '',
	municipality: null,
	assignee: null,
	priority: 'normaal',
	status: 'open',
	blocked: false,
	blockedReason: null,
	dueAt: null,
	version,
	exercise: false,
	createdAt: '2026-12-07T10:00:00Z',
	updatedAt: '2026-12-07T10:00:00Z',
	updatedBy: null
});

const event = <K extends RealtimeEvent['type']>(e: Extract<RealtimeEvent, { type: K }>) => e as RealtimeEvent;

describe('contracts are framework-free', () => {
	it.each(filesUnder('src/lib/contracts'))('%s imports only zod and relative .ts modules outside the server', (file) => {
		for (const spec of importsOf(file)) {
			if (spec === 'zod') continue;
			expect(spec, `${file} → ${spec}`).toMatch(/^\.\.?\/.*\.ts$/);
			expect(spec, `${file} → ${spec}`).not.toMatch(/server\//);
		}
	});
});

describe('browser code uses the contract', () => {
	const browser = ['src/lib/client', 'src/lib/components', 'src/lib/realtime', 'src/routes']
		.flatMap(filesUnder)
		.filter((f) => !/\+(page|layout)\.server\.ts$|\+server\.ts$/.test(f));

	it('finds the browser files', () => expect(browser.length).toBeGreaterThan(50));

	it('never imports a server module', () => {
		const offenders = browser.flatMap((f) => importsOf(f).filter((s) => s.startsWith('$lib/server')).map((s) => `${f} → ${s}`));
		expect(offenders).toEqual([]);
	});

	it('never casts a socket payload', () => {
		const offenders = browser.filter((f) => /\bevent\.data\s+as\b/.test(readFileSync(join(root, f), 'utf8')));
		expect(offenders).toEqual([]);
	});
});

describe('socket events', () => {
	it('name every type once, and the groups are types of the contract', () => {
		expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
		for (const type of [...ADVICE_EVENTS, ...UNIT_EVENTS, ...REQUEST_EVENTS]) expect(isEventType(type)).toBe(true);
		expect(isEventType('taak.gewijzigd')).toBe(false);
		expect(isEventType('toString')).toBe(false);
	});

	it('narrow to their payload by type', () => {
		const e = event<'task.updated'>({ topic: 'incident:i', seq: 3, type: 'task.updated', at: '2026-12-07T10:00:00Z', actor: null, exercise: false, data: task('a', 2) });
		expect(isEvent(e, 'task.created', 'task.updated') ? e.data.title : null).toBe('taak a');
		expect(isEvent(e, 'log.created')).toBe(false);
	});

	it('are what the server may publish: a payload of another shape does not compile', () => {
		const right: PublishInput<'task.created'> = { topic: 'incident:i', type: 'task.created', data: task('a', 1), actor: null };
		// @ts-expect-error a task event carries a task, not a notice id
		const wrong: PublishInput<'task.created'> = { topic: 'incident:i', type: 'task.created', data: { id: 'n' }, actor: null };
		expect([right.type, wrong.type]).toEqual(['task.created', 'task.created']);
	});
});

describe('merge by version', () => {
	it('keeps the newest version of each record, whatever the order of arrival', () => {
		let byId: Record<string, TaskRecord> = {};
		byId = mergeByVersion(byId, task('a', 2, 'nieuw'));
		byId = mergeByVersion(byId, task('a', 1, 'oud'));
		byId = mergeByVersion(byId, task('b', 1));
		expect(byId.a!.title).toBe('nieuw');
		expect(Object.keys(byId).sort()).toEqual(['a', 'b']);
	});

	it('returns the same object for a replayed (equal) version, so views do not re-render', () => {
		const once = mergeByVersion({}, task('a', 1));
		expect(mergeByVersion(once, task('a', 1, 'anders'))).toBe(once);
	});

	it('keys records without an id by the key given', () => {
		const sections = mergeByVersion(mergeByVersion({}, { section: 'bron', version: 2, text: 'twee' }, 'bron'), { section: 'bron', version: 1, text: 'een' }, 'bron');
		expect(sections.bron!.text).toBe('twee');
	});

	it('picks the newer of a loaded and a live record', () => {
		expect(newest(task('a', 2), task('a', 1)).version).toBe(2);
		expect(newest(task('a', 1), task('a', 3)).version).toBe(3);
		expect(newest(task('a', 1), null).version).toBe(1);
	});

	it('overlays live records on a loaded list', () => {
		const list = overlay([task('a', 1), task('b', 4)], { a: task('a', 2, 'live'), b: task('b', 3, 'ouder') });
		expect(list.map((t) => `${t.id}:${t.title}`).sort()).toEqual(['a:live', 'b:taak b']);
	});
});
