// What the home page puts first: the user's running incidents and their open tasks.
import { describe, expect, it } from 'vitest';
import { openTasksOf, runningIncidentsOf, type WorkIncident } from '../../src/lib/domain/my-work.ts';

const incident = (id: string, status: WorkIncident['status'], municipalities: string[], minute: number): WorkIncident => ({
	id,
	status,
	municipalities,
	startedAt: `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`
});

describe('runningIncidentsOf', () => {
	const all = [
		incident('haarlem', 'actief', ['haarlem'], 1),
		incident('beide', 'afgeschaald', ['haarlem', 'zandvoort'], 3),
		incident('zandvoort', 'actief', ['zandvoort'], 2),
		incident('dicht', 'gesloten', ['haarlem'], 4)
	];
	const cases: [string, { municipality: string | null }[], string[]][] = [
		['a municipal grant: only its municipality, not closed, newest first', [{ municipality: 'haarlem' }], ['beide', 'haarlem']],
		['two grants: both municipalities', [{ municipality: 'haarlem' }, { municipality: 'zandvoort' }], ['beide', 'zandvoort', 'haarlem']],
		['a regional grant: everything running', [{ municipality: null }], ['beide', 'zandvoort', 'haarlem']],
		['no grant in an affected municipality: nothing', [{ municipality: 'velsen' }], []]
	];
	for (const [name, grants, expected] of cases) it(name, () => expect(runningIncidentsOf(all, grants).map((i) => i.id)).toEqual(expected));
});

describe('openTasksOf', () => {
	const task = (id: string, status: string, dueAt: string | null, created = '2026-12-07T09:00:00Z') => ({ id, status, dueAt, createdAt: created });
	it('drops finished tasks and puts the earliest due first, undated last, then by age', () => {
		const tasks = [task('later', 'open', '2026-12-07T15:00:00Z'), task('klaar', 'gereed', '2026-12-07T11:00:00Z'), task('zonder-b', 'open', null, '2026-12-07T09:30:00Z'), task('zonder-a', 'in_uitvoering', null), task('eerst', 'in_uitvoering', '2026-12-07T12:00:00Z')];
		expect(openTasksOf(tasks).map((t) => t.id)).toEqual(['eerst', 'later', 'zonder-a', 'zonder-b']);
		expect(openTasksOf(tasks, 2).map((t) => t.id)).toEqual(['eerst', 'later']);
	});
});
