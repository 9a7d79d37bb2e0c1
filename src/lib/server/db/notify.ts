// PostgreSQL NOTIFY: a signal to every app node that LISTENs on the channel. Inside a transaction
// it is delivered at commit, and not at all on rollback. The payload stays far below the
// 8000-byte limit (topic and seq, session ids in batches); never the data itself.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export async function notifyChannel(db: Kysely<DB> | Transaction<DB>, channel: string, payload = ''): Promise<void> {
	await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
