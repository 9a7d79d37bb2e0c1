import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { loadCalendarPage, parseCalendarPageParams } from '$lib/server/calendar/calendar-page';
import { feedKeyState, issueFeedKey, revokeFeedKey } from '$lib/server/calendar/feed-key-service';
import { clientAddress } from '$lib/server/http/api';
import { requireUser } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	const user = requirePermission(locals, url, 'calendar.read');
	depends('app:kalender');
	try {
		const [page, feedKey] = await Promise.all([loadCalendarPage(getDb(), user, parseCalendarPageParams(url.searchParams)), feedKeyState(getDb(), user)]);
		return { ...page, feedKey };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

// The personal agenda link (ICS with a feed key): made or replaced, and revoked. The key is shown
// once, in the action's answer; only its hash is stored.
export const actions: Actions = {
	agendalink: async ({ locals, url, getClientAddress }) => {
		const user = requireUser(locals, url);
		const key = await issueFeedKey(getDb(), user, { ip: clientAddress(getClientAddress) });
		return { form: 'agendalink', feedKey: key };
	},
	agendalinkIntrekken: async ({ locals, url, getClientAddress }) => {
		const user = requireUser(locals, url);
		await revokeFeedKey(getDb(), user, { ip: clientAddress(getClientAddress) });
		return { form: 'agendalinkIntrekken', revoked: true };
	}
};
