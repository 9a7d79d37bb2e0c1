import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const seq = await locals.services.realtime.currentSeq(`user:${user.id}`);
	return { tasks: await locals.services.tasks.myTasks(user), seq, userId: user.id };
};
