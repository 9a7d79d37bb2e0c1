// What the home page puts first: the user's running incidents and their open tasks.
import { describe, expect, it } from 'vitest';
import { adviceDueFirst, mergeNewest, myWorkLists, openTasksOf, ownOpenTasksOf, runningIncidentsOf, type WorkIncident } from '../../src/lib/domain/my-work.ts';

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

describe('live: laying events over what the page loaded', () => {
	it('mergeNewest keeps the newest version, whichever arrives first', () => {
		const v1 = { id: 'a', version: 1, title: 'oud' };
		const v2 = { id: 'a', version: 2, title: 'nieuw' };
		expect(mergeNewest(mergeNewest({}, v1), v2).a).toBe(v2);
		expect(mergeNewest(mergeNewest({}, v2), v1).a).toBe(v2);
	});

	const task = (id: string, assignee: string | null, incidentId = 'i1', status = 'open') => ({ id, incidentId, status, dueAt: null, createdAt: `2026-12-07T09:0${id.length}:00Z`, assignee: assignee ? { id: assignee } : null });
	it('ownOpenTasksOf drops tasks given to someone else and tasks of a closed incident', () => {
		const tasks = [task('mijn', 'me'), task('weg', 'other'), task('los', null), task('dicht', 'me', 'i2'), task('klaar', 'me', 'i1', 'gereed')];
		expect(ownOpenTasksOf(tasks, 'me', new Set(['i2'])).map((t) => t.id)).toEqual(['mijn']);
	});

	const advice = (id: string, status: string, dueDate: string, startsAt = '2027-05-01T10:00:00Z') => ({ id, status, dueDate, application: { startsAt } });
	it('adviceDueFirst: an adviser’s open requests; a permit officer’s only when nearly due; earliest first', () => {
		const all = [advice('later', 'gevraagd', '2026-12-30'), advice('klaar', 'uitgebracht', '2026-12-08'), advice('eerst', 'gevraagd', '2026-12-09'), advice('verlopen', 'gevraagd', '2026-12-01')];
		expect(adviceDueFirst(all, 'inbox', '2026-12-10').map((a) => a.id)).toEqual(['verlopen', 'eerst', 'later']);
		expect(adviceDueFirst(all, 'due', '2026-12-10').map((a) => a.id)).toEqual(['verlopen', 'eerst']);
	});

	it('myWorkLists: an incident closed by an event takes its tasks along', () => {
		const incidents = [
			{ ...incident('open', 'actief', ['haarlem'], 1), version: 1 },
			{ ...incident('dicht', 'gesloten', ['haarlem'], 2), version: 3 }
		];
		const lists = myWorkLists({
			userId: 'me',
			grants: [{ municipality: 'haarlem' }],
			incidents,
			tasks: [task('a', 'me', 'open'), task('bb', 'me', 'dicht')],
			advice: [],
			adviceRule: null,
			nearDueBy: '2026-12-10'
		});
		expect(lists.incidents.map((i) => i.id)).toEqual(['open']);
		expect(lists.tasks.map((t) => t.id)).toEqual(['a']);
		expect(lists.advice).toEqual([]);
	});
});
