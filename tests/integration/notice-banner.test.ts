// The banner of urgent regional notices on a real PostgreSQL: which notices a user's banner
// holds, marking read (once, per user, audited, news on user:<id>), withdrawing (crisisteam or
// beheerder only, 409 the second time, news on region) and the unit rules applied to the news.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { expectServiceError } from '../support/incident-fixtures.ts';
import { markNoticeRead, noticeBanner, postNotice, withdrawNotice } from '../../src/lib/server/notices/notice-service.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { applyBannerEvent, bannerNotices, BANNER_LIMIT } from '../../src/lib/domain/notice-banner.ts';

let t: TestDatabase;
let crisis: SessionUser, reader: SessionUser, other: SessionUser;
const ctx = { ip: '192.0.2.7' };
const post = (text: string, severity: 'info' | 'waarschuwing' | 'urgent' = 'urgent', exercise = false) =>
	postNotice(t.db, crisis, { title: '', text, severity, exercise }, ctx);

beforeAll(async () => {
	t = await createTestDatabase();
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null, discipline: null }] });
	reader = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem', discipline: null }] });
	other = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: null, discipline: null }] });
});

afterAll(async () => {
	await t?.drop();
});

describe('the urgent notice banner', () => {
	it('holds urgent, unwithdrawn, unread notices, newest first; read and withdrawn ones leave', async () => {
		await post('Ter info', 'info');
		await post('Let op', 'waarschuwing');
		const first = await post('Gaslek centrum');
		const second = await post('Strand afgesloten');
		let banner = await noticeBanner(t.db, reader);
		expect(banner.notices.map((n) => n.text)).toEqual(['Strand afgesloten', 'Gaslek centrum']);
		expect(banner.regionSeq).toBeGreaterThan(0);

		// Read by one user: gone for them, still there for another.
		const before = banner.userSeq;
		await markNoticeRead(t.db, reader, first.id, ctx);
		await markNoticeRead(t.db, reader, first.id, ctx); // twice is once
		banner = await noticeBanner(t.db, reader);
		expect(banner.notices.map((n) => n.id)).toEqual([second.id]);
		expect((await noticeBanner(t.db, other)).notices.map((n) => n.id)).toEqual([second.id, first.id]);
		const news = await eventsSince(t.db, `user:${reader.id}`, before);
		expect(news.map((e) => [e.type, (e.data as { id: string }).id])).toEqual([['notice.read', first.id]]);
		const reads = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', first.id).where('action', '=', 'notice.read').execute();
		expect(reads).toHaveLength(1);

		// Withdrawn: gone for everyone, announced on region, a second time is a conflict.
		const withdrawn = await withdrawNotice(t.db, crisis, second.id, ctx);
		expect(withdrawn.withdrawnAt).not.toBeNull();
		expect((await noticeBanner(t.db, other)).notices.map((n) => n.id)).toEqual([first.id]);
		const region = await eventsSince(t.db, 'region', banner.regionSeq);
		expect(region.map((e) => [e.type, (e.data as { id: string }).id])).toEqual([['notice.withdrawn', second.id]]);
		await expectServiceError(withdrawNotice(t.db, crisis, second.id, ctx), 409, 'already_withdrawn');
	});

	it('only crisisteam and beheerders withdraw; unknown or malformed ids are 404', async () => {
		const notice = await post('Nog een');
		await expectServiceError(withdrawNotice(t.db, reader, notice.id, ctx), 403);
		await expectServiceError(withdrawNotice(t.db, crisis, '00000000-0000-4000-8000-000000000000', ctx), 404);
		await expectServiceError(withdrawNotice(t.db, crisis, 'geen-id', ctx), 404);
		await expectServiceError(markNoticeRead(t.db, reader, 'geen-id', ctx), 404);
		expect((await t.db.selectFrom('notice').select('withdrawnAt').where('id', '=', notice.id).executeTakeFirstOrThrow()).withdrawnAt).toBeNull();
	});

	it('shows at most a handful; the live news is applied as the server would list it', async () => {
		for (let i = 0; i < BANNER_LIMIT + 2; i++) await post(`Melding ${i}`);
		const banner = await noticeBanner(t.db, other);
		expect(banner.notices).toHaveLength(BANNER_LIMIT);
		// The server's list equals the rule applied to all notices with this user's reads.
		const all = await t.db.selectFrom('notice').select('id').execute();
		expect(all.length).toBeGreaterThan(BANNER_LIMIT);
		const newest = banner.notices[0]!;
		expect(applyBannerEvent(banner.notices, { type: 'notice.withdrawn', data: { id: newest.id } }).map((n) => n.id)).not.toContain(newest.id);
		const extra = { ...newest, id: '11111111-1111-4111-8111-111111111111', createdAt: new Date(Date.now() + 60_000).toISOString() };
		expect(applyBannerEvent(banner.notices, { type: 'notice.created', data: extra })[0]!.id).toBe(extra.id);
		expect(applyBannerEvent(banner.notices, { type: 'notice.created', data: { ...extra, severity: 'info' } })).toEqual(banner.notices);
		expect(bannerNotices(banner.notices, new Set([newest.id])).map((n) => n.id)).not.toContain(newest.id);
	});
});
