import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { officerDisciplines } from '$lib/server/auth/permissions';
import { ServiceError } from '$lib/server/errors';
import { canVerifyLog, canWriteLog } from '$lib/server/logbook/log-service';
import type { LogDiscipline } from '$lib/domain/logbook';

export const load: PageServerLoad = async ({ locals, url, params, parent }) => {
	const user = requirePermission(locals, url, 'incident.read');
	try {
		// Position first: anything after it is replayed by the subscription.
		const seq = await locals.services.realtime.currentSeq(`incident:${params.id}`);
		const logbook = await locals.services.logbook.logbookOf(user, params.id);
		const { incident } = await parent();
		// An officer writes for their own discipline by default; the crisis team writes in general.
		const defaultDiscipline: LogDiscipline = officerDisciplines(user)[0] ?? 'algemeen';
		return { logbook, seq, canWrite: canWriteLog(user, incident), canVerify: canVerifyLog(user, incident), defaultDiscipline };
	} catch (err) {
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};
