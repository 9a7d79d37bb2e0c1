// The offline queue's pure rules: answers → outcomes, own changes chained by version, the order of
// sending per user, and pending changes laid over a task on the board.
import { describe, expect, it } from 'vitest';
import {
	advance,
	outcomeOf,
	queuedLogEntry,
	queuedNewTask,
	queuedTaskChange,
	sendOrder,
	versionToSend,
	withPendingChanges,
	type OwnAdvances
} from '../../src/lib/client/offline/outbox-logic.ts';
import type { TaskRecord } from '../../src/lib/contracts/task.ts';

const task = { id: 't1', incidentId: 'i1', version: 4, status: 'open', process: 'publieke_zorg', blocked: false, blockedReason: null, title: 'Opvang' } as unknown as TaskRecord;
const change = (key: string, at: string, body: Record<string, unknown>, userId = 'u1') =>
	queuedTaskChange({ key, userId, task, change: body, description: 'status', at: new Date(at) });

describe('queued writes', () => {
	it('carry the version the user saw, their key and the API path', () => {
		const write = change('k-1', '2026-12-07T10:00:00Z', { status: 'gereed' });
		expect(write).toMatchObject({ kind: 'task.change', key: 'k-1', method: 'PATCH', path: '/api/v1/tasks/t1', body: { status: 'gereed', version: 4 } });
		// A version in the change itself cannot override the one the user saw.
		expect(change('k-2', '2026-12-07T10:00:00Z', { status: 'gereed', version: 99 }).body.version).toBe(4);
		const entry = queuedLogEntry({ key: 'k-3', userId: 'u1', incidentId: 'i1', body: { kind: 'melding', discipline: 'algemeen', text: 'x' }, at: new Date('2026-12-07T10:00:00Z') });
		expect(entry).toMatchObject({ kind: 'log.create', method: 'POST', path: '/api/v1/incidents/i1/log', at: '2026-12-07T10:00:00.000Z' });
		const created = queuedNewTask({ key: 'k-4', userId: 'u1', incidentId: 'i1', body: { process: 'nafase', title: 'Puin ruimen' }, at: new Date('2026-12-07T10:00:00Z') });
		expect(created).toMatchObject({ kind: 'task.create', method: 'POST', path: '/api/v1/incidents/i1/tasks', body: { process: 'nafase', title: 'Puin ruimen' } });
		// A new task is no change to an existing card.
		expect(withPendingChanges(task, [created]).pending).toEqual([]);
	});

	it('are sent per user, oldest first', () => {
		const writes = [change('b', '2026-12-07T10:02:00Z', {}), change('a', '2026-12-07T10:01:00Z', {}), change('c', '2026-12-07T10:00:00Z', {}, 'u2')];
		expect(sendOrder(writes, 'u1').map((w) => w.key)).toEqual(['a', 'b']);
		expect(sendOrder(writes, 'u2').map((w) => w.key)).toEqual(['c']);
		expect(sendOrder(writes, 'u3')).toEqual([]);
	});
});

describe('outcomeOf', () => {
	it.each([
		[200, {}, 'done'],
		[201, {}, 'done'],
		[0, {}, 'wait'],
		[502, {}, 'wait'],
		[503, {}, 'wait'],
		[429, {}, 'wait'],
		[401, {}, 'signed_out'],
		[409, { current: { id: 't1' } }, 'conflict'],
		[409, { error: { code: 'idempotency_in_progress' } }, 'wait'],
		[409, { code: 'idempotency_in_progress' }, 'wait'],
		[409, { error: { code: 'already_verified' } }, 'rejected'],
		[400, {}, 'rejected'],
		[403, {}, 'rejected'],
		[422, {}, 'rejected']
	] as const)('%i %j → %s', (status, body, outcome) => {
		expect(outcomeOf(status, body)).toBe(outcome);
	});
});

describe('own changes in a row', () => {
	it('send the second with the version the first produced, and chain a third', () => {
		let own: OwnAdvances = {};
		const first = change('a', '2026-12-07T10:00:00Z', { status: 'in_uitvoering' });
		const second = change('b', '2026-12-07T10:01:00Z', { status: 'gereed' });
		const third = change('c', '2026-12-07T10:02:00Z', { blockedReason: 'geen sleutel' });
		expect(versionToSend(first, own)).toBe(4);
		own = advance(own, 't1', 4, 5);
		expect(versionToSend(second, own)).toBe(5);
		own = advance(own, 't1', 5, 6);
		expect(own.t1).toEqual({ from: 4, to: 6 });
		expect(versionToSend(third, own)).toBe(6);
	});

	it('leave a change that saw another version alone, so a real conflict still shows', () => {
		const own = advance({}, 't1', 7, 8);
		expect(versionToSend(change('a', '2026-12-07T10:00:00Z', { status: 'gereed' }), own)).toBe(4);
		// Another task's advance does not count.
		expect(versionToSend(change('b', '2026-12-07T10:00:00Z', {}), advance({}, 't2', 4, 5))).toBe(4);
	});
});

describe('withPendingChanges', () => {
	it('shows the pending status, process and blockade over the task, in the order they were made', () => {
		const writes = [
			change('b', '2026-12-07T10:01:00Z', { status: 'gereed' }),
			change('a', '2026-12-07T10:00:00Z', { status: 'in_uitvoering', process: 'nafase' }),
			change('c', '2026-12-07T10:02:00Z', { blockedReason: 'geen sleutel' })
		];
		const { task: shown, pending } = withPendingChanges(task, writes);
		expect(pending.map((w) => w.key)).toEqual(['a', 'b', 'c']);
		expect(shown).toMatchObject({ status: 'gereed', process: 'nafase', blocked: true, blockedReason: 'geen sleutel', version: 4 });
		expect(task.status).toBe('open'); // the loaded task itself is untouched
	});

	it('leaves a task without pending changes as it is', () => {
		const other = queuedLogEntry({ key: 'k', userId: 'u1', incidentId: 'i1', body: { kind: 'melding', discipline: 'algemeen', text: 'x' }, at: new Date() });
		expect(withPendingChanges(task, [other])).toEqual({ task, pending: [] });
	});
});
