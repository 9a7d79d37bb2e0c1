// Regional notices: a crisisteam member or beheerder posts; everyone sees it live (topic `region`).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { forbidden } from '../errors';
import { insertNotice, listRecentNotices, type NoticeRecord } from './notice-queries';
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
		await writeAudit(trx, { actorId: user.id, action: 'bericht.geplaatst', entityType: 'bericht', entityId: notice.id, ip: ctx.ip, details: { severity: notice.severity } });
		await publish(trx, { topic: 'region', type: 'notice.created', data: notice, actor: { id: user.id, name: user.name }, exercise: notice.exercise });
		return notice;
	});
}

export async function recentNotices(db: Kysely<DB>, user: SessionUser, limit = 50): Promise<NoticeRecord[]> {
	if (!can(user, 'notice.read')) throw forbidden();
	return listRecentNotices(db, Math.min(Math.max(limit, 1), 200));
}
