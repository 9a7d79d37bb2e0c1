// Shared by the pages that show the notice board: the list plus the topic position it reflects.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { currentSeq } from '../realtime/event-log';
import { ServiceError } from '../errors';
import { noticeInput } from './notice-input';
import { postNotice, recentNotices } from './notice-service';

export async function loadNoticeBoard(db: Kysely<DB>, user: SessionUser, limit: number) {
	// Read the position first: an event after it is replayed, one before it is in the list.
	const regionSeq = await currentSeq(db, 'region');
	const notices = await recentNotices(db, user, limit);
	return { notices, regionSeq, canPost: can(user, 'notice.post') };
}

export async function postNoticeFromForm(
	db: Kysely<DB>,
	user: SessionUser,
	form: FormData,
	ip: string | null
): Promise<ActionFailure<{ message: string; values: Record<string, string> }> | { posted: true }> {
	const values = {
		title: String(form.get('title') ?? ''),
		text: String(form.get('text') ?? ''),
		severity: String(form.get('severity') ?? 'info')
	};
	const parsed = noticeInput.safeParse({ ...values, title: values.title || undefined });
	if (!parsed.success) return fail(400, { message: parsed.error.issues.map((i) => i.message).join(' '), values });
	try {
		await postNotice(db, user, parsed.data, { ip });
		return { posted: true };
	} catch (err) {
		if (err instanceof ServiceError) return fail(err.status, { message: err.message, values });
		throw err;
	}
}
