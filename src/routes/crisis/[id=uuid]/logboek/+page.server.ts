import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { officerDisciplines } from '$lib/server/auth/permissions';
import { ServiceError } from '$lib/server/errors';
import { canVerifyLog, canWriteLog, seesInjects } from '$lib/server/logbook/log-service';
import type { LogDiscipline } from '$lib/domain/logbook';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		// Positions first: anything after them is replayed by the subscriptions.
		const { incident } = await parent();
		const seq = await locals.services.realtime.currentSeq(`incident:${params.id}`);
		// The oefenleiding also follows its own topic, where a delivered inject names its log entry:
		// the players' topic carries that entry as an ordinary message of its source.
		const injectsSeq = seesInjects(user, incident) ? await locals.services.realtime.currentSeq(`injects:${params.id}`) : null;
		const logbook = await locals.services.logbook.logbookOf(user, params.id);
		// An officer writes for their own discipline by default; the crisis team writes in general.
		const defaultDiscipline: LogDiscipline = officerDisciplines(user)[0] ?? 'algemeen';
		return { logbook, seq, injectsSeq, canWrite: canWriteLog(user, incident), canVerify: canVerifyLog(user, incident), defaultDiscipline };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
