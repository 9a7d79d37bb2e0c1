import type { LayoutServerLoad } from './$types';
import { describeUser } from '$lib/server/users/me';
import { navigationFor } from '$lib/server/http/navigation';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user ? describeUser(locals.user) : null,
	navigation: locals.user ? navigationFor(locals.user) : [],
	// Urgent notices stand above every page; the banner follows them live from here on.
	noticeBanner: locals.user ? await locals.services.notices.noticeBanner(locals.user) : null
});
