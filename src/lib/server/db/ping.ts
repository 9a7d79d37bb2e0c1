// The cheapest question the database can answer: is it there? (The readiness probe asks it.)
import { sql, type QueryExecutorProvider } from 'kysely';

export async function pingDatabase(db: QueryExecutorProvider): Promise<void> {
	await sql`select 1`.execute(db);
}
