import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { currentSeq } from '$lib/server/realtime/event-log';
import { myTasks } from '$lib/server/tasks/task-service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const seq = await currentSeq(db, `user:${user.id}`);
	return { tasks: await myTasks(db, user), seq, userId: user.id };
};
