import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { parseCalendarPageParams } from '$lib/server/calendar/calendar-page';
import { requireUser } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	const user = requirePermission(locals, url, 'calendar.read');
	depends('app:kalender');
	try {
		const [page, feedKey] = await Promise.all([locals.services.calendar.loadCalendarPage(user, parseCalendarPageParams(url.searchParams)), locals.services.calendar.feedKeyState(user)]);
		return { ...page, feedKey };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

// The personal agenda link (ICS with a feed key): made or replaced, and revoked. The key is shown
// once, in the action's answer; only its hash is stored.
export const actions: Actions = {
	agendalink: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		const key = await locals.services.calendar.issueFeedKey(user, locals.ctx);
		return { form: 'agendalink', feedKey: key };
	},
	agendalinkIntrekken: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		await locals.services.calendar.revokeFeedKey(user, locals.ctx);
		return { form: 'agendalinkIntrekken', revoked: true };
	}
};
