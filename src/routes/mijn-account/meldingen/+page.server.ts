import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { CATEGORY_LABELS, CHOOSABLE_CATEGORIES } from '$lib/contracts/notifications';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [preferences, devices] = await Promise.all([locals.services.notifications.notificationPreferencesOf(user), locals.services.notifications.pushDevicesOf(user)]);
	return { preferences: preferences.map((p) => ({ ...p, label: CATEGORY_LABELS[p.category] })), devices };
};

export const actions: Actions = {
	opslaan: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		// A checkbox that is not ticked is not sent: absent means off.
		const choices = CHOOSABLE_CATEGORIES.map((category) => ({ category, email: form.has(`${category}-email`), push: form.has(`${category}-push`) }));
		await locals.services.notifications.changeNotificationPreferences(user, choices);
		return { form: 'opslaan', done: true as const };
	}
};
