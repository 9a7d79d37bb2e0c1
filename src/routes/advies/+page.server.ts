import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { can } from '$lib/server/auth/permissions';

/** Advisers: their inbox. Permit officers: the advice of their municipalities that is (nearly) due. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const inbox = can(user, 'advice.read') ? await locals.services.advice.loadAdviceInbox(user) : null;
	const due = await locals.services.advice.loadAdviceDue(user);
	if (!inbox && !due) error(403, 'Alleen adviseurs van de hulpdiensten en vergunningverleners werken met adviesaanvragen.');
	return { inbox, due };
};
