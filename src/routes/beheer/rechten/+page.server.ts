import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';
import { OVERVIEW_NOTES, policyOverview } from '$lib/server/auth/policy-overview';
import { ROLES, ROLE_LABELS } from '$lib/server/auth/roles';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'policy.read');
	return { rows: policyOverview(), notes: OVERVIEW_NOTES, roles: ROLES.map((r) => ({ role: r, label: ROLE_LABELS[r] })) };
};
