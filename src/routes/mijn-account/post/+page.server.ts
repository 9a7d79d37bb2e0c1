import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { CATEGORY_LABELS, type NotificationCategory } from '$lib/contracts/notifications';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { mode, mails } = await locals.services.notifications.ownMailbox(user);
	return { mode, mails: mails.map((m) => ({ ...m, categoryLabel: CATEGORY_LABELS[m.category as NotificationCategory] })) };
};
