import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { scopesFor } from '$lib/server/auth/permissions';
import { listAudit } from '$lib/server/audit/audit';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'audit.read');
	const rows = await listAudit(getDb(), { municipalities: scopesFor(actor, 'audit.read'), limit: 300 });
	return {
		entries: rows.map((r) => ({ ...r, at: r.at.toISOString(), details: JSON.stringify(r.details) }))
	};
};
