import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission } from '$lib/server/http/guards';
import { currentSeq } from '$lib/server/realtime/event-log';
import { overview } from '$lib/server/bibob/bibob-read-service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'bibob.read');
	const db = getDb();
	const municipalities = await overview(db, user);
	const seqs = Object.fromEntries(await Promise.all(municipalities.map(async (m) => [m.municipality, await currentSeq(db, `bibob:${m.municipality}`)] as const)));
	return { municipalities, seqs, regionalOnly: municipalities.length === 0 };
};
