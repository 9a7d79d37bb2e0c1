import { type Kysely, sql } from 'kysely';

// Issue 19: app nodes keep validated sessions in memory for a moment. Whatever changes what a
// session may do (a session ended, a user blocked, renamed or given a new password, a role granted,
// confirmed or revoked) announces the user's id on `paraat_auth_changed`, from the database itself,
// so no code path (a service, an OIDC group sync, an operator's SQL) can forget it. The NOTIFY is
// delivered at commit, and not at all on rollback; every node drops that user's cached sessions.

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create function paraat_auth_changed() returns trigger language plpgsql as $$
		begin
			perform pg_notify('paraat_auth_changed', coalesce(new.user_id, old.user_id)::text);
			return null;
		end $$`.execute(db);
	await sql`
		create function paraat_user_changed() returns trigger language plpgsql as $$
		begin
			perform pg_notify('paraat_auth_changed', new.id::text);
			return null;
		end $$`.execute(db);
	await sql`create trigger role_grant_auth_changed after insert or update or delete on role_grant for each row execute function paraat_auth_changed()`.execute(db);
	await sql`create trigger user_session_auth_changed after delete or update of second_factor, user_id on user_session for each row execute function paraat_auth_changed()`.execute(db);
	await sql`create trigger app_user_auth_changed after update of active, password_hash, email, name on app_user for each row execute function paraat_user_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop trigger app_user_auth_changed on app_user`.execute(db);
	await sql`drop trigger user_session_auth_changed on user_session`.execute(db);
	await sql`drop trigger role_grant_auth_changed on role_grant`.execute(db);
	await sql`drop function paraat_user_changed()`.execute(db);
	await sql`drop function paraat_auth_changed()`.execute(db);
}
