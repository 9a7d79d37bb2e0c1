import { describe, expect, it } from 'vitest';
import { correctionRefusal, happenedAtRefusal, unreadNumbers, verificationRefusal } from '../../src/lib/domain/logbook.ts';
import {
	DEFAULT_STALE_MINUTES,
	PICTURE_SECTIONS,
	formatAge,
	isPictureSection,
	nextSitrapNumber,
	sectionAge,
	sitrapTitle,
	staleThreshold
} from '../../src/lib/domain/situation.ts';
import { MAX_INJECT_MINUTES, injectDueAt, injectIsDue, injectOffsetLabel, injectRefusal } from '../../src/lib/domain/injects.ts';
import { buildTimeline, injectResponseTimes, offsetLabel, taskCompletionTimes, type TimelineLogEntry } from '../../src/lib/domain/evaluation.ts';

const MIN = 60_000;
const t0 = new Date('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
const iso = (minutes: number) => at(minutes).toISOString();

describe('logbook rules', () => {
	it('accepts a time of happening up to now (and a little clock skew), refuses the future and nonsense', () => {
		expect(happenedAtRefusal(at(-600), t0)).toBeNull();
		expect(happenedAtRefusal(t0, t0)).toBeNull();
		expect(happenedAtRefusal(at(1.5), t0)).toBeNull();
		expect(happenedAtRefusal(at(3), t0)).toMatch(/toekomst/);
		expect(happenedAtRefusal(new Date('nonsense'), t0)).toMatch(/geen geldige tijd/);
	});

	it('lets an entry be corrected once; the chain continues from the correction', () => {
		expect(correctionRefusal({ number: 4, correctedBy: null })).toBeNull();
		expect(correctionRefusal({ number: 4, correctedBy: 7 })).toBe('Logregel 4 is al gecorrigeerd door logregel 7; corrigeer zo nodig die.');
	});

	it('verifies once, and never one’s own entry', () => {
		expect(verificationRefusal({ number: 2, authorId: 'a', verifiedAt: null }, 'b')).toBeNull();
		expect(verificationRefusal({ number: 2, authorId: 'a', verifiedAt: iso(0) }, 'b')).toMatch(/al geverifieerd/);
		expect(verificationRefusal({ number: 2, authorId: 'a', verifiedAt: null }, 'a')).toMatch(/eigen logregel/);
	});

	it('counts as unread what lies after the read position and was written by someone else', () => {
		const entries = [
			{ number: 1, authorId: 'a' },
			{ number: 2, authorId: 'me' },
			{ number: 3, authorId: 'b' },
			{ number: 4, authorId: 'a' }
		];
		expect(unreadNumbers(entries, 0, 'me')).toEqual([1, 3, 4]);
		expect(unreadNumbers(entries, 3, 'me')).toEqual([4]);
		expect(unreadNumbers(entries, 4, 'me')).toEqual([]);
	});
});

describe('situation picture', () => {
	it('has the six sections in a fixed order', () => {
		expect(PICTURE_SECTIONS).toEqual(['samenvatting', 'brandweer', 'ghor', 'politie', 'bevolkingszorg', 'communicatie']);
		expect(isPictureSection('ghor')).toBe(true);
		expect(isPictureSection('meldkamer')).toBe(false);
		expect(isPictureSection(3)).toBe(false);
	});

	it('shows an empty section as empty (and not up to date)', () => {
		expect(sectionAge(null, t0)).toEqual({ state: 'leeg', minutes: null, label: 'nog niet ingevuld' });
	});

	it('turns stale at the threshold, default 30 minutes', () => {
		expect(DEFAULT_STALE_MINUTES).toBe(30);
		expect(sectionAge(at(-29.9), t0)).toMatchObject({ state: 'actueel', minutes: 29, label: '29 min geleden' });
		expect(sectionAge(at(-30), t0)).toMatchObject({ state: 'verouderd', minutes: 30 });
		expect(sectionAge(iso(-90), t0)).toMatchObject({ state: 'verouderd', minutes: 90, label: '1 uur 30 min geleden' });
	});

	it('takes another threshold when configured', () => {
		expect(sectionAge(at(-10), t0, 5).state).toBe('verouderd');
		expect(sectionAge(at(-10), t0, 15).state).toBe('actueel');
		// Nonsense falls back to the default.
		expect(sectionAge(at(-10), t0, 0).state).toBe('actueel');
		expect(sectionAge(at(-31), t0, Number.NaN).state).toBe('verouderd');
	});

	it('counts a time a little ahead of the clock as just now', () => {
		expect(sectionAge(at(0.5), t0)).toMatchObject({ state: 'actueel', minutes: 0, label: 'zojuist' });
	});

	it('says ages in Dutch', () => {
		expect(formatAge(0)).toBe('zojuist');
		expect(formatAge(1)).toBe('1 min geleden');
		expect(formatAge(60)).toBe('1 uur geleden');
		expect(formatAge(125)).toBe('2 uur 5 min geleden');
		expect(formatAge(24 * 60)).toBe('1 dag geleden');
		expect(formatAge(3 * 24 * 60 + 5)).toBe('3 dagen geleden');
	});

	it('reads the threshold from configuration, ignoring nonsense', () => {
		expect(staleThreshold(undefined)).toBe(30);
		expect(staleThreshold('')).toBe(30);
		expect(staleThreshold('45')).toBe(45);
		expect(staleThreshold(' 10 ')).toBe(10);
		expect(staleThreshold('tien')).toBe(30);
		expect(staleThreshold('-5')).toBe(30);
		expect(staleThreshold('2.5')).toBe(30);
		expect(staleThreshold(24 * 60 + 1)).toBe(30);
	});

	it('numbers SITRAPs 1, 2, 3 … after the highest published', () => {
		expect(nextSitrapNumber([])).toBe(1);
		expect(nextSitrapNumber([1])).toBe(2);
		expect(nextSitrapNumber([3, 1, 2])).toBe(4);
	});

	it('marks the SITRAP of an exercise', () => {
		expect(sitrapTitle(2, false)).toBe('SITRAP 2');
		expect(sitrapTitle(2, true)).toBe('OEFENING — SITRAP 2');
	});
});

describe('injects', () => {
	it('fall due at the start plus their minutes', () => {
		expect(injectDueAt(t0, 0).toISOString()).toBe(t0.toISOString());
		expect(injectDueAt(t0, 45).toISOString()).toBe(iso(45));
	});

	it('may not fall in the past, before the start or beyond a week', () => {
		const now = at(20);
		expect(injectRefusal({ start: t0, minutes: 25, now })).toBeNull();
		expect(injectRefusal({ start: t0, minutes: 20, now })).toBeNull(); // exactly now
		expect(injectRefusal({ start: t0, minutes: 10, now })).toBe(
			'Deze inject valt in het verleden: de oefening loopt al 20 minuten. Kies 21 minuten of later.'
		);
		expect(injectRefusal({ start: t0, minutes: -1, now: t0 })).toMatch(/vóór de start/);
		expect(injectRefusal({ start: t0, minutes: 2.5, now: t0 })).toMatch(/geheel getal/);
		expect(injectRefusal({ start: t0, minutes: MAX_INJECT_MINUTES, now: t0 })).toBeNull();
		expect(injectRefusal({ start: t0, minutes: MAX_INJECT_MINUTES + 1, now: t0 })).toMatch(/7 dagen/);
	});

	it('allows an exercise that starts later to be scripted from minute 0', () => {
		expect(injectRefusal({ start: at(60), minutes: 0, now: t0 })).toBeNull();
	});

	it('are due once their time has come and they were not delivered', () => {
		expect(injectIsDue({ dueAt: iso(5), deliveredAt: null }, at(5))).toBe(true);
		expect(injectIsDue({ dueAt: iso(5), deliveredAt: null }, at(4))).toBe(false);
		expect(injectIsDue({ dueAt: iso(5), deliveredAt: iso(5) }, at(9))).toBe(false);
	});

	it('are labelled relative to the start', () => {
		expect(injectOffsetLabel(0)).toBe('T+0 min');
		expect(injectOffsetLabel(45)).toBe('T+45 min');
		expect(injectOffsetLabel(120)).toBe('T+2 uur');
		expect(injectOffsetLabel(135)).toBe('T+2 uur 15 min');
	});
});

describe('evaluation timeline', () => {
	const entry = (over: Partial<TimelineLogEntry> & { number: number; logged: number }): TimelineLogEntry => ({
		kind: 'melding',
		discipline: 'algemeen',
		text: `regel ${over.number}`,
		happenedAt: iso(over.logged),
		loggedAt: iso(over.logged),
		author: 'A',
		fromInject: false,
		corrects: null,
		verifiedAt: null,
		...over
	});

	it('measures an inject until the first besluit or actie of its discipline', () => {
		const entries = [
			entry({ number: 1, logged: 5, fromInject: true, discipline: 'ghor' }),
			entry({ number: 2, logged: 7, kind: 'besluit', discipline: 'brandweer' }), // other discipline
			entry({ number: 3, logged: 8, kind: 'melding', discipline: 'ghor' }), // not a response
			entry({ number: 4, logged: 17, kind: 'actie', discipline: 'ghor' }),
			entry({ number: 5, logged: 20, fromInject: true, discipline: 'algemeen' }),
			entry({ number: 6, logged: 23, kind: 'besluit', discipline: 'politie' }),
			entry({ number: 7, logged: 30, fromInject: true, discipline: 'politie' })
		];
		const times = injectResponseTimes(entries);
		expect([...times.entries()]).toEqual([
			[1, 12],
			[5, 3], // algemeen: any discipline answers
			[7, null] // no answer yet
		]);
	});

	it('does not count another inject as the answer', () => {
		const times = injectResponseTimes([
			entry({ number: 1, logged: 0, fromInject: true, discipline: 'ghor' }),
			entry({ number: 2, logged: 1, fromInject: true, discipline: 'ghor', kind: 'actie' })
		]);
		expect(times.get(1)).toBeNull();
	});

	it('measures a task from creation to gereed', () => {
		const changes = [
			{ taskId: 't1', title: 'Opvang', process: 'publieke_zorg', version: 1, at: iso(10), by: 'B', changes: { aangemaakt: true } },
			{ taskId: 't1', title: 'Opvang', process: 'publieke_zorg', version: 2, at: iso(15), by: 'B', changes: { status: 'in_uitvoering' } },
			{ taskId: 't1', title: 'Opvang', process: 'publieke_zorg', version: 3, at: iso(70), by: 'B', changes: { status: 'gereed' } },
			{ taskId: 't2', title: 'Pers', process: 'crisiscommunicatie', version: 1, at: iso(12), by: 'C', changes: {} }
		];
		expect([...taskCompletionTimes(changes).entries()]).toEqual([['t1', { version: 3, minutes: 60 }]]);
	});

	it('puts everything in time order with offsets and measures', () => {
		const rows = buildTimeline({
			start: iso(0),
			entries: [
				entry({ number: 1, logged: 5, fromInject: true, discipline: 'ghor', text: 'Gewonden gemeld' }),
				entry({ number: 2, logged: 9, happenedAt: iso(6), kind: 'besluit', discipline: 'ghor', verifiedAt: iso(12), text: 'Gewondennest inrichten' }),
				entry({ number: 3, logged: 11, corrects: 2, kind: 'besluit', discipline: 'ghor', text: 'Gewondennest bij de sporthal' })
			],
			gripChanges: [
				{ at: iso(0), from: null, to: 1, reason: 'Incident aangemaakt', by: 'O' },
				{ at: iso(5), from: 1, to: 2, reason: 'Effectgebied groeit', by: 'O' }
			],
			taskChanges: [{ taskId: 't1', title: 'Opvang', process: 'publieke_zorg', version: 1, at: iso(-2), by: 'B', changes: {} }]
		});
		expect(rows.map((r) => [offsetLabel(r.offsetMinutes), r.type])).toEqual([
			['T-2', 'taak'],
			['T+0', 'grip'],
			['T+5', 'grip'], // at the same minute: GRIP before the inject
			['T+5', 'inject'],
			['T+9', 'logregel'],
			['T+11', 'logregel']
		]);
		expect(rows[3]).toMatchObject({ discipline: 'ghor', responseMinutes: 4, description: '#1 melding: Gewonden gemeld' });
		expect(rows[4]).toMatchObject({ loggingDelayMinutes: 3, verificationMinutes: 3, responseMinutes: null });
		expect(rows[5]!.description).toBe('#3 besluit (correctie op logregel 2): Gewondennest bij de sporthal');
		expect(rows[2]!.description).toBe('GRIP 1 → 2: Effectgebied groeit');
		expect(rows[0]!.description).toBe('Taak aangemaakt: Opvang');
	});
});
