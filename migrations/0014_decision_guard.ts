import type { Kysely } from 'kysely';

// A decision taken although advice or required documents were missing ("besluit ondanks
// ontbrekend advies") keeps the officer's reason and the list of what was missing at that moment.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('event_application')
		.addColumn('decision_despite_reason', 'text')
		.addColumn('decision_gaps', 'jsonb')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('event_application').dropColumn('decision_gaps').dropColumn('decision_despite_reason').execute();
}
