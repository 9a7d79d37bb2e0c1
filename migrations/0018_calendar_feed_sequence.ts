import { type Kysely, sql } from 'kysely';

// The calendar feed (ICS) needs, per event, a SEQUENCE that rises on every change a subscriber
// sees and the moment of that change (LAST-MODIFIED): without them Outlook and Google do not
// reliably replace a changed event. A trigger keeps both, so every writer — the event service,
// the risk assessment, the Bibob procedure, and whatever comes later — counts alike, and a write
// that changes nothing the feed shows does not disturb the subscribers. (category is a generated
// column, still unset in a BEFORE trigger: its sources are compared instead.)

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('event_application')
		.addColumn('feed_sequence', 'integer', (c) => c.notNull().defaultTo(0).check(sql`feed_sequence >= 0`))
		.addColumn('feed_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`update event_application set feed_changed_at = updated_at`.execute(db);
	await sql`
		create function event_application_feed_change() returns trigger language plpgsql as $$
		begin
			if (new.reference, new.name, new.municipality_code, coalesce(new.override_category, new.computed_category), new.procedure, new.status, new.decision,
					new.starts_at, new.ends_at, new.peak_visitors, new.total_visitors, new.bibob_status)
				is distinct from
				(old.reference, old.name, old.municipality_code, coalesce(old.override_category, old.computed_category), old.procedure, old.status, old.decision,
					old.starts_at, old.ends_at, old.peak_visitors, old.total_visitors, old.bibob_status) then
				new.feed_sequence := old.feed_sequence + 1;
				new.feed_changed_at := clock_timestamp();
			end if;
			return new;
		end
		$$`.execute(db);
	await sql`
		create trigger event_application_feed_change before update on event_application
		for each row execute function event_application_feed_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop trigger event_application_feed_change on event_application`.execute(db);
	await sql`drop function event_application_feed_change()`.execute(db);
	await db.schema.alterTable('event_application').dropColumn('feed_sequence').dropColumn('feed_changed_at').execute();
}
