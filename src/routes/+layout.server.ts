import type { LayoutServerLoad } from './$types';
import { describeUser } from '$lib/server/users/me';
import { navigationFor } from '$lib/server/http/navigation';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? describeUser(locals.user) : null,
	navigation: locals.user ? navigationFor(locals.user) : []
});
