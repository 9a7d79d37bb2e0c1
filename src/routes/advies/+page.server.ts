import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { can } from '$lib/server/auth/permissions';
import { loadAdviceDue, loadAdviceInbox } from '$lib/server/advice/advice-page';

/** Advisers: their inbox. Permit officers: the advice of their municipalities that is (nearly) due. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const inbox = can(user, 'advice.read') ? await loadAdviceInbox(db, user) : null;
	const due = await loadAdviceDue(db, user);
	if (!inbox && !due) error(403, 'Alleen adviseurs van de hulpdiensten en vergunningverleners werken met adviesaanvragen.');
	return { inbox, due };
};
