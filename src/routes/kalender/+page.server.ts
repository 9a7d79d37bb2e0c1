import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { ServiceError } from '$lib/server/errors';
import { loadCalendarPage, parseCalendarPageParams } from '$lib/server/calendar/calendar-page';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	const user = requirePermission(locals, url, 'calendar.read');
	depends('app:kalender');
	try {
		return await loadCalendarPage(getDb(), user, parseCalendarPageParams(url.searchParams));
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
