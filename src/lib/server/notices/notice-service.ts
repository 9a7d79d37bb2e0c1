// Regional notices: a crisisteam member or beheerder posts; everyone sees it live (topic `region`).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { ServiceError, forbidden, notFound } from '../errors';
import { isUuid } from '../ids';
import { currentSeq } from '../realtime/event-log';
import { BANNER_LIMIT } from '../../domain/notice-banner';
import { findNotice, insertNotice, listRecentNotices, listUnreadUrgent, lockNotice, saveRead, saveWithdrawal, type NoticeRecord } from './notice-queries';
import type { NoticeInput } from './notice-input';

export async function postNotice(
	db: Kysely<DB>,
	user: SessionUser,
	input: NoticeInput,
	ctx: { ip: string | null }
): Promise<NoticeRecord> {
	if (!can(user, 'notice.post')) {
		throw forbidden('Alleen het crisisteam en beheerders plaatsen regionale berichten.');
	}
	return transact(db, async (trx) => {
		const notice = await insertNotice(trx, { title: input.title, body: input.text, severity: input.severity, exercise: input.exercise, authorId: user.id });
		await writeAudit(trx, { actorId: user.id, action: 'notice.created', entityType: 'bericht', entityId: notice.id, ip: ctx.ip, details: { severity: notice.severity } });
		await publish(trx, { topic: 'region', type: 'notice.created', data: notice, actor: { id: user.id, name: user.name }, exercise: notice.exercise });
		return notice;
	});
}

export async function recentNotices(db: Kysely<DB>, user: SessionUser, limit = 50): Promise<NoticeRecord[]> {
	if (!can(user, 'notice.read')) throw forbidden();
	return listRecentNotices(db, Math.min(Math.max(limit, 1), 200));
}

/** The urgent notices this user has not read, for the banner on every page, and the topic positions they reflect. */
export async function noticeBanner(db: Kysely<DB>, user: SessionUser): Promise<{ notices: NoticeRecord[]; regionSeq: number; userSeq: number }> {
	if (!can(user, 'notice.read')) return { notices: [], regionSeq: 0, userSeq: 0 };
	// Positions first: anything after them is replayed by the subscriptions.
	const regionSeq = await currentSeq(db, 'region');
	const userSeq = await currentSeq(db, `user:${user.id}`);
	return { notices: await listUnreadUrgent(db, user.id, BANNER_LIMIT), regionSeq, userSeq };
}

/** The user has read a notice: it leaves their banner in every tab (topic `user:<id>`); recorded once. */
export async function markNoticeRead(db: Kysely<DB>, user: SessionUser, id: string, ctx: { ip: string | null }): Promise<NoticeRecord> {
	if (!can(user, 'notice.read')) throw forbidden();
	const notice = isUuid(id) ? await findNotice(db, id) : undefined;
	if (!notice) throw notFound('Dit bericht bestaat niet.');
	return transact(db, async (trx) => {
		if (await saveRead(trx, id, user.id)) {
			await writeAudit(trx, { actorId: user.id, action: 'notice.read', entityType: 'bericht', entityId: id, ip: ctx.ip, details: { severity: notice.severity } });
			await publish(trx, { topic: `user:${user.id}`, type: 'notice.read', data: { id }, actor: { id: user.id, name: user.name }, exercise: notice.exercise });
		}
		return notice;
	});
}

/** The poster's side (crisisteam, beheerder): a withdrawn notice leaves every banner, live. */
export async function withdrawNotice(db: Kysely<DB>, user: SessionUser, id: string, ctx: { ip: string | null }): Promise<NoticeRecord> {
	if (!can(user, 'notice.post')) throw forbidden('Alleen het crisisteam en beheerders trekken regionale berichten in.');
	if (!isUuid(id)) throw notFound('Dit bericht bestaat niet.');
	return transact(db, async (trx) => {
		const locked = await lockNotice(trx, id);
		if (!locked) throw notFound('Dit bericht bestaat niet.');
		if (locked.withdrawnAt) {
			const current = (await findNotice(trx, id))!;
			throw new ServiceError(409, 'already_withdrawn', `Dit bericht is al ingetrokken op ${locked.withdrawnAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' })}.`, undefined, { current });
		}
		await saveWithdrawal(trx, id, user.id);
		const notice = (await findNotice(trx, id))!;
		await writeAudit(trx, { actorId: user.id, action: 'notice.withdrawn', entityType: 'bericht', entityId: id, ip: ctx.ip, details: { severity: notice.severity } });
		await publish(trx, { topic: 'region', type: 'notice.withdrawn', data: notice, actor: { id: user.id, name: user.name }, exercise: notice.exercise });
		return notice;
	});
}
