import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'bibob.read');
	const municipalities = await locals.services.bibob.overview(user);
	const seqs = Object.fromEntries(await Promise.all(municipalities.map(async (m) => [m.municipality, await locals.services.realtime.currentSeq(`bibob:${m.municipality}`)] as const)));
	return { municipalities, seqs, regionalOnly: municipalities.length === 0 };
};
