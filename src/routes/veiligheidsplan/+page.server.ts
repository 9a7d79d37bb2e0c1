import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { loadPlanList } from '$lib/server/safety-plan/safety-plan-page';

export const load: PageServerLoad = async ({ locals, url }) => loadPlanList(getDb(), requirePermission(locals, url, 'safetyplan.read'));
