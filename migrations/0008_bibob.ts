import { type Kysely, sql } from 'kysely';

// Bibob (DOMAIN.md §3): confidential integrity screenings per municipality, and the second factor
// (TOTP with recovery codes) that every Bibob officer needs to log in.
//
// Dates of the procedure (sent, received, decided) are local calendar dates 'YYYY-MM-DD' kept as
// text with a format check: a legal term counts days in Europe/Amsterdam, and a DATE column would
// come back from node-postgres as a JS Date at the server's midnight.

const LOCAL_DATE = `'^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`;
const localDateCheck = (column: string) => `(${column} is null or ${column} ~ ${LOCAL_DATE})`;
const isLocalDate = (column: string) => sql.raw(localDateCheck(column));

export async function up(db: Kysely<unknown>): Promise<void> {
	// --- Second factor -------------------------------------------------------------------------
	// A session records whether it was opened with a second factor; a session without one never
	// carries Bibob grants (see validateSessionToken).
	await db.schema.alterTable('user_session').addColumn('second_factor', 'boolean', (c) => c.notNull().defaultTo(false)).execute();

	await db.schema
		.createTable('user_totp')
		.addColumn('user_id', 'uuid', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
		.addColumn('secret', 'bytea', (c) => c.notNull())
		// The last 30-second step accepted: a code is never accepted twice (replay).
		.addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('enrolled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('user_recovery_code')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		// SHA-256 of a random 80-bit code: high entropy, so a fast hash is enough.
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('user_recovery_code_user').on('user_recovery_code').column('user_id').execute();

	// Between the password and the second factor: no session yet, only this short-lived challenge.
	await db.schema
		.createTable('login_challenge')
		.addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the cookie token, hex
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('verifieren','instellen')`))
		// Enrolment: the secret shown as QR code, stored only once the first code proves it.
		.addColumn('pending_secret', 'bytea')
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// --- Bibob -------------------------------------------------------------------------------------
	await db.schema
		.createTable('bibob_settings')
		.addColumn('municipality_code', 'text', (c) => c.primaryKey().references('municipality.code'))
		// No statutory retention period exists (DOMAIN.md §3): each municipality sets its own.
		.addColumn('retention_years', 'integer', (c) => c.notNull().check(sql`retention_years between 1 and 30`))
		.addColumn('zienswijze_weeks', 'integer', (c) => c.notNull().check(sql`zienswijze_weeks between 1 and 12`))
		.addColumn('answer_weeks', 'integer', (c) => c.notNull().check(sql`answer_weeks between 1 and 12`))
		.addColumn('warning_days', 'integer', (c) => c.notNull().check(sql`warning_days between 1 and 60`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
		.execute();

	await db.schema
		.createTable('bibob_file')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('permit_kind', 'text', (c) => c.notNull().check(sql`permit_kind in ('evenement','horeca','exploitatie','omgevingsvergunning')`))
		.addColumn('event_application_id', 'uuid', (c) => c.references('event_application.id').onDelete('set null'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','afgerond','vernietigd')`))
		// Content: all of it is emptied when the file is destroyed.
		.addColumn('permit_reference', 'text')
		.addColumn('permit_description', 'text')
		.addColumn('applicant_name', 'text')
		.addColumn('original_deadline', 'text')
		.addColumn('questionnaire_sent_on', 'text')
		.addColumn('questionnaire_due_on', 'text')
		.addColumn('questionnaire_received_on', 'text')
		.addColumn('own_conclusion', 'text', (c) =>
			c.check(sql`own_conclusion in ('geen_aanwijzingen','mindere_mate','ernstig','advies_lbb')`)
		)
		.addColumn('own_conclusion_text', 'text')
		.addColumn('own_concluded_on', 'text')
		.addColumn('lbb_requested_on', 'text')
		.addColumn('lbb_extended_on', 'text')
		.addColumn('lbb_received_on', 'text')
		.addColumn('lbb_conclusion', 'text', (c) => c.check(sql`lbb_conclusion in ('geen_gevaar','mindere_mate','ernstig_gevaar')`))
		.addColumn('lbb_summary', 'text')
		.addColumn('intention', 'text', (c) => c.check(sql`intention in ('weigeren','voorschriften','intrekken')`))
		.addColumn('intention_on', 'text')
		.addColumn('zienswijze_due_on', 'text')
		.addColumn('zienswijze_received_on', 'text')
		.addColumn('zienswijze_summary', 'text')
		.addColumn('decision', 'text', (c) =>
			c.check(sql`decision in ('verlenen','verlenen_met_voorschriften','weigeren','intrekken')`)
		)
		.addColumn('decided_on', 'text')
		.addColumn('decision_reasoning', 'text')
		.addColumn('proportionality', 'text')
		.addColumn('decision_conditions', 'text')
		.addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('close_reason', 'text')
		// The minimal trace that outlives destruction.
		.addColumn('opened_on', 'text', (c) => c.notNull())
		.addColumn('closed_on', 'text')
		.addColumn('opened_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('destroyed_at', 'timestamptz')
		.addColumn('destroyed_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'bibob_file_local_dates',
			sql.raw(
				[
					'original_deadline',
					'questionnaire_sent_on',
					'questionnaire_due_on',
					'questionnaire_received_on',
					'own_concluded_on',
					'lbb_requested_on',
					'lbb_extended_on',
					'lbb_received_on',
					'intention_on',
					'zienswijze_due_on',
					'zienswijze_received_on',
					'decided_on',
					'opened_on',
					'closed_on'
				]
					.map(localDateCheck)
					.join(' and ')
			)
		)
		// The order of the procedure, also in the database (the service says it in Dutch first).
		.addCheckConstraint(
			'bibob_file_date_order',
			sql`(questionnaire_received_on is null or questionnaire_received_on >= questionnaire_sent_on)
				and (lbb_extended_on is null or lbb_extended_on >= lbb_requested_on)
				and (lbb_received_on is null or lbb_received_on >= lbb_requested_on)
				and (zienswijze_received_on is null or zienswijze_received_on >= intention_on)
				and (closed_on is null or closed_on >= opened_on)`
		)
		.addCheckConstraint('bibob_file_event_link', sql`(permit_kind = 'evenement') = (event_application_id is not null) or status = 'vernietigd'`)
		.addCheckConstraint(
			'bibob_file_decision_complete',
			sql`decision is null or (decided_on is not null and length(btrim(decision_reasoning)) > 0 and length(btrim(proportionality)) > 0)`
		)
		.addCheckConstraint('bibob_file_closed', sql`(status = 'open') = (closed_on is null)`)
		.addCheckConstraint(
			'bibob_file_destroyed',
			sql`(status = 'vernietigd') = (destroyed_at is not null)
				and (status <> 'vernietigd' or (permit_reference is null and applicant_name is null and decision_reasoning is null))`
		)
		.execute();
	// One open screening per application at a time.
	await sql`create unique index bibob_file_one_open_per_application on bibob_file (event_application_id)
		where status = 'open'`.execute(db);
	await db.schema.createIndex('bibob_file_municipality').on('bibob_file').columns(['municipality_code', 'status']).execute();

	await db.schema
		.createTable('bibob_party')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('file_id', 'uuid', (c) => c.notNull().references('bibob_file.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('organisatie','persoon')`))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
		.addColumn('kvk', 'text', (c) => c.check(sql`kvk ~ '^[0-9]{8}$'`))
		.addColumn('role', 'text', (c) => c.check(sql`role in ('bestuurder','aandeelhouder','financier','leidinggevende')`))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'bibob_party_shape',
			sql`(kind = 'organisatie' and kvk is not null and role is null) or (kind = 'persoon' and kvk is null and role is not null)`
		)
		.execute();
	await db.schema.createIndex('bibob_party_file').on('bibob_party').column('file_id').execute();

	await db.schema
		.createTable('bibob_answer')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('file_id', 'uuid', (c) => c.notNull().references('bibob_file.id').onDelete('cascade'))
		.addColumn('section', 'text', (c) =>
			c.notNull().check(sql`section in ('identiteit','eigendom_zeggenschap','financiering','zakelijke_relaties','antecedenten')`)
		)
		// The question number(s) of the official Bibob-vragenformulier the answer refers to.
		.addColumn('form_reference', 'text', (c) => c.notNull().check(sql`length(btrim(form_reference)) > 0`))
		.addColumn('summary', 'text', (c) => c.notNull().check(sql`length(btrim(summary)) > 0`))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('bibob_answer_file').on('bibob_answer').column('file_id').execute();

	await db.schema
		.createTable('bibob_finding')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('file_id', 'uuid', (c) => c.notNull().references('bibob_file.id').onDelete('cascade'))
		.addColumn('indicator', 'text', (c) =>
			c.notNull().check(sql`indicator in ('herkomst_vermogen','stroman','antecedenten','antwoorden','riec_signaal')`)
		)
		.addColumn('description', 'text', (c) => c.notNull().check(sql`length(btrim(description)) > 0`))
		.addColumn('source', 'text', (c) => c.notNull().check(sql`length(btrim(source)) > 0`))
		.addColumn('found_on', 'text', (c) => c.notNull().check(isLocalDate('found_on')))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('bibob_finding_file').on('bibob_finding').column('file_id').execute();

	// Extra questions to the applicant: each period between sending and answer suspends the term.
	await db.schema
		.createTable('bibob_extra_question')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('file_id', 'uuid', (c) => c.notNull().references('bibob_file.id').onDelete('cascade'))
		.addColumn('subject', 'text', (c) => c.notNull().check(sql`length(btrim(subject)) > 0`))
		.addColumn('sent_on', 'text', (c) => c.notNull().check(isLocalDate('sent_on')))
		.addColumn('answered_on', 'text', (c) => c.check(isLocalDate('answered_on')))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('bibob_extra_question_order', sql`answered_on is null or answered_on >= sent_on`)
		.execute();
	await db.schema.createIndex('bibob_extra_question_file').on('bibob_extra_question').column('file_id').execute();

	await db.schema
		.createTable('bibob_disclosure')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('file_id', 'uuid', (c) => c.notNull().references('bibob_file.id').onDelete('cascade'))
		.addColumn('recipient_kind', 'text', (c) =>
			c.notNull().check(sql`recipient_kind in ('riec','driehoek','aanvrager','bezwaarcommissie','rechter','derde')`)
		)
		.addColumn('recipient', 'text', (c) => c.notNull().check(sql`length(btrim(recipient)) > 0`))
		.addColumn('ground', 'text', (c) => c.notNull().check(sql`length(btrim(ground)) > 0`))
		.addColumn('ground_note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('disclosed_on', 'text', (c) => c.notNull().check(isLocalDate('disclosed_on')))
		.addColumn('shared', 'text', (c) => c.notNull().check(sql`length(btrim(shared)) > 0`))
		.addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('bibob_disclosure_file').on('bibob_disclosure').column('file_id').execute();

	// Every read of a file: who, when, how and which part. Never content, so it survives the
	// file's destruction whole; append-only like the audit log.
	await db.schema
		.createTable('bibob_access_log')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('file_id', 'uuid', (c) => c.notNull().references('bibob_file.id'))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('pagina','api','download','export')`))
		.addColumn('part', 'text', (c) => c.notNull())
		.addColumn('ip', 'text')
		.execute();
	await db.schema.createIndex('bibob_access_log_file').on('bibob_access_log').columns(['file_id', 'at']).execute();
	await sql`create trigger bibob_access_log_no_update_delete before update or delete on bibob_access_log
		for each row execute function audit_log_append_only()`.execute(db);
	await sql`create trigger bibob_access_log_no_truncate before truncate on bibob_access_log
		for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('bibob_access_log').execute();
	await db.schema.dropTable('bibob_disclosure').execute();
	await db.schema.dropTable('bibob_extra_question').execute();
	await db.schema.dropTable('bibob_finding').execute();
	await db.schema.dropTable('bibob_answer').execute();
	await db.schema.dropTable('bibob_party').execute();
	await db.schema.dropTable('bibob_file').execute();
	await db.schema.dropTable('bibob_settings').execute();
	await db.schema.dropTable('login_challenge').execute();
	await db.schema.dropTable('user_recovery_code').execute();
	await db.schema.dropTable('user_totp').execute();
	await db.schema.alterTable('user_session').dropColumn('second_factor').execute();
}
