import type { LayoutServerLoad } from './$types';
import { describeUser } from '$lib/server/users/me';
import { navigationFor } from '$lib/server/http/navigation';
import { getDb } from '$lib/server/db';
import { noticeBanner } from '$lib/server/notices/notice-service';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user ? describeUser(locals.user) : null,
	navigation: locals.user ? navigationFor(locals.user) : [],
	// Urgent notices stand above every page; the banner follows them live from here on.
	noticeBanner: locals.user ? await noticeBanner(getDb(), locals.user) : null
});
