import { type Kysely, sql } from 'kysely';

// The regional calendar asks "which events overlap this window?". A GiST index on the event's
// time range answers that for any window with an index scan; the b-tree on (starts_at, ends_at)
// of 0007 can only bound starts_at from above, so it reads every earlier event.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`create index event_application_time_range on event_application using gist (tstzrange(starts_at, ends_at))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop index event_application_time_range`.execute(db);
}
