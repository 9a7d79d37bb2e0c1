import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';

export const GET: RequestHandler = async () => {
	const started = performance.now();
	try {
		await sql`select 1`.execute(getDb());
		return json({ status: 'ok', database: 'ok', ms: Math.round(performance.now() - started) });
	} catch {
		return json({ status: 'fout', database: 'onbereikbaar' }, { status: 503 });
	}
};
