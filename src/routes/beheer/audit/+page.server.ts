import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { scopesFor } from '$lib/server/auth/permissions';
import { listAudit } from '$lib/server/audit/audit';
import { auditWording } from '$lib/domain/wording/audit';
import { codeWords } from '$lib/domain/wording/values';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'audit.read');
	const rows = await listAudit(getDb(), { municipalities: scopesFor(actor, 'audit.read'), limit: 300 });
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
