// Which notices stand in the banner, and how the live news changes it.
import { describe, expect, it } from 'vitest';
import { BANNER_LIMIT, applyBannerEvent, bannerNotices, type BannerNotice } from '../../src/lib/domain/notice-banner.ts';

const notice = (id: string, severity: BannerNotice['severity'], minute: number, withdrawnAt: string | null = null): BannerNotice => ({
	id,
	title: '',
	text: `Bericht ${id}`,
	severity,
	exercise: false,
	createdAt: `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`,
	withdrawnAt,
	author: { id: 'a', name: 'Chris' }
});

describe('bannerNotices', () => {
	const cases: [string, BannerNotice[], string[], string[]][] = [
		['none', [], [], []],
		['only urgent ones', [notice('i', 'info', 1), notice('w', 'waarschuwing', 2), notice('u', 'urgent', 3)], [], ['u']],
		['withdrawn ones leave', [notice('u1', 'urgent', 1, '2026-12-07T11:00:00Z'), notice('u2', 'urgent', 2)], [], ['u2']],
		['read ones leave', [notice('u1', 'urgent', 1), notice('u2', 'urgent', 2)], ['u2'], ['u1']],
		['newest first', [notice('a', 'urgent', 1), notice('c', 'urgent', 3), notice('b', 'urgent', 2)], [], ['c', 'b', 'a']]
	];
	for (const [name, list, read, expected] of cases) {
		it(name, () => expect(bannerNotices(list, new Set(read)).map((n) => n.id)).toEqual(expected));
	}
	it(`keeps at most ${BANNER_LIMIT}`, () => {
		const many = Array.from({ length: BANNER_LIMIT + 3 }, (_, i) => notice(`n${i}`, 'urgent', i));
		expect(bannerNotices(many, new Set()).map((n) => n.id)).toEqual(many.slice(-BANNER_LIMIT).reverse().map((n) => n.id));
	});
});

describe('applyBannerEvent', () => {
	const start = [notice('b', 'urgent', 2), notice('a', 'urgent', 1)];
	it('adds a new urgent notice on top, once', () => {
		const next = applyBannerEvent(start, { type: 'notice.created', data: notice('c', 'urgent', 3) });
		expect(next.map((n) => n.id)).toEqual(['c', 'b', 'a']);
		expect(applyBannerEvent(next, { type: 'notice.created', data: notice('c', 'urgent', 3) }).map((n) => n.id)).toEqual(['c', 'b', 'a']);
	});
	it('ignores other severities and other events', () => {
		expect(applyBannerEvent(start, { type: 'notice.created', data: notice('c', 'waarschuwing', 3) })).toEqual(start);
		expect(applyBannerEvent(start, { type: 'presence.changed', data: {} })).toEqual(start);
	});
	it('drops a withdrawn or read notice', () => {
		expect(applyBannerEvent(start, { type: 'notice.withdrawn', data: { id: 'a' } }).map((n) => n.id)).toEqual(['b']);
		expect(applyBannerEvent(start, { type: 'notice.read', data: { id: 'b' } }).map((n) => n.id)).toEqual(['a']);
	});
});
