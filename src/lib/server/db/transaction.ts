// Service transactions retry when PostgreSQL aborts them for a deadlock (40P01) or a
// serialization failure (40001): both mean "try again", never "the input was wrong".
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { runAfterCommit } from './after-commit.ts';

const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

export async function transact<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			let committed: Transaction<DB> | undefined;
			const result = await db.transaction().execute(async (trx) => {
				committed = trx;
				return work(trx);
			});
			// execute() resolved: the COMMIT went through.
			runAfterCommit(committed!);
			return result;
		} catch (err) {
			const code = (err as { code?: unknown }).code;
			if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw err;
			// A short, growing, jittered pause lets the other transaction finish first.
			await new Promise((resolve) => setTimeout(resolve, attempt * 20 + Math.random() * 30));
		}
	}
}
