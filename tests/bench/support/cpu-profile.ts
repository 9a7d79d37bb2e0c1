// Reads a V8 .cpuprofile and says where the CPU time of a window went, per part of the write path.
// A sample belongs to the first part (in PARTS' order) that any frame of its stack matches: the
// session lookup's own SQL counts as session lookup, a query of the audit write as audit, and a
// query outside those parts as SQL. Async functions resume with their own frame on the stack, so
// the continuation after an `await` is still attributed to its function.
import { readFileSync } from 'node:fs';

interface Node {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}
interface Profile {
	nodes: Node[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

type Rule = (fn: string, url: string) => boolean;
const byName =
	(...names: string[]): Rule =>
	(fn) =>
		names.includes(fn);
const byUrl =
	(...parts: string[]): Rule =>
	(_fn, url) =>
		parts.some((p) => url.includes(p));

export const PARTS: [string, Rule][] = [
	['session lookup', byName('validateSessionToken', 'findSessionWithUser', 'findGrants', 'sessionIdFromToken', 'cachedSession')],
	['audit', byName('writeAudit', 'insertAuditRow')],
	['event log + NOTIFY (publish)', byName('publish', 'announce', 'nextSeq', 'insertEvent', 'notifyChannel', 'publishAll', 'insertEvents')],
	['permission', byName('can', 'requireReadableIncident', 'writableIncident', 'requireWrite', 'findIncident')],
	['validation (JSON body, zod)', (fn, url) => fn === 'readJson' || url.includes('/zod/')],
	['task SQL (lock, read, update, history)', byName('lockTask', 'findTask', 'updateTask', 'insertTaskChange', 'lockTaskForChange', 'applyTaskChange')],
	['fan-out (NOTIFY → socket.io emit)', (fn, url) => ['drain', 'notify', 'onNotification'].includes(fn) || /socket\.io|engine\.io|\/ws\//.test(url)],
	['SQL driver and Kysely (other queries)', byUrl('/pg/', 'pg-protocol', 'pg-pool', '/kysely/')],
	['logging (pino)', byUrl('/pino')],
	['SvelteKit request handling and hooks', (fn, url) => /build\/server\/chunks\/(index\.js|handler|manifest)|build\/handler\.js|@sveltejs\/kit/.test(url) || ['handle', 'respond', 'internal_respond', 'authenticatedResponse', 'answer'].includes(fn)],
	['other app code (routes, services)', (_fn, url) => /build\/server\/chunks|\/src\/lib\//.test(url)],
	['Node HTTP and streams', (_fn, url) => url.startsWith('node:')],
	['garbage collection', byName('(garbage collector)')]
];

/**
 * The CPU of the samples between `fromUs` and `toUs` (the monotonic clock in µs, as
 * process.hrtime.bigint() / 1000n gives it in any process: V8's profile uses the same clock).
 */
export function attribute(file: string, window: { fromUs: number; toUs: number }) {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const stackOf = (id: number) => {
		const out: Node[] = [];
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!);
		return out;
	};
	const totals = new Map<string, number>();
	let busy = 0;
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i]!;
		if (t < window.fromUs || t > window.toUs) continue;
		// A sample stands for the time until the next one.
		const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		const stack = stackOf(profile.samples[i]!);
		const leaf = stack[0]!.callFrame.functionName;
		if (leaf === '(idle)') continue;
		busy += dt;
		const part = PARTS.find(([, rule]) => stack.some((n) => rule(n.callFrame.functionName, n.callFrame.url)))?.[0] ?? (leaf === '(program)' ? 'V8 and native (program)' : 'other JavaScript');
		totals.set(part, (totals.get(part) ?? 0) + dt);
	}
	return { busyMs: busy, windowMs: (window.toUs - window.fromUs) / 1000, totals };
}
