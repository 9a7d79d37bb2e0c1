import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { auditWording } from '$lib/domain/wording/audit';
import { codeWords } from '$lib/domain/wording/values';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'audit.read');
	const rows = await locals.services.audit.auditTrailFor(actor);
	return {
		// Stored as codes and JSON; shown as Dutch words and sentences.
		entries: rows.map((r) => ({
			id: r.id,
			at: r.at.toISOString(),
			actorName: r.actorName,
			ip: r.ip,
			subject: `${codeWords(r.entityType)}${r.entityId ? ` ${r.entityId.slice(0, 8)}` : ''}`,
			...auditWording(r)
		}))
	};
};
