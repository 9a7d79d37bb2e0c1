import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals, url }) => locals.services.safetyPlan.loadPlanList(requirePermission(locals, url, 'safetyplan.read'));
