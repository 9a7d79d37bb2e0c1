import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { loadNoticeBoard, postNoticeFromForm } from '$lib/server/notices/notice-page';
import { clientAddress } from '$lib/server/http/api';
import { loadMyWork } from '$lib/server/home/my-work';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	return { board: await loadNoticeBoard(db, user, 10), work: await loadMyWork(db, user) };
};

export const actions: Actions = {
	bericht: async ({ locals, url, request, getClientAddress }) =>
		postNoticeFromForm(getDb(), requireUser(locals, url), await request.formData(), clientAddress(getClientAddress))
};
