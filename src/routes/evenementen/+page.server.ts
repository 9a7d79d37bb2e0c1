import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { can } from '$lib/server/auth/permissions';
import { statusFilterInput } from '$lib/server/events/application-input';
import { dueItems } from '$lib/domain/events/due';
import { localDate } from '$lib/domain/events/event-time';
import { addDays } from '$lib/domain/working-days';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'event.read');
	const parsed = statusFilterInput.safeParse(url.searchParams.get('status') || undefined);
	const status = parsed.success ? parsed.data : undefined;
	const [all, adviceDue] = await Promise.all([locals.services.events.listApplications(user), locals.services.advice.loadAdviceDue(user)]);
	const today = localDate(new Date());
	return {
		status: status ?? '',
		applications: status ? all.filter((a) => a.status === status) : all,
		due: dueItems(all, today, addDays(today, 56)),
		adviceDue,
		canCreate: can(user, 'event.write')
	};
};
