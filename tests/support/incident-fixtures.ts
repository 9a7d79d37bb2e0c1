// Small helpers for the incident and task integration tests: input through the real schemas,
// ServiceError assertions, row counts and a database-side fault injector for rollback tests.
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import { zodFieldErrors } from '../../src/lib/server/http/api.ts';
import { newIncidentInput } from '../../src/lib/server/incidents/incident-input.ts';
import { createIncident } from '../../src/lib/server/incidents/incident-service.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';

export const ctx = { ip: '192.0.2.10' };

/** Parses `input` with `schema` as the API route does; fails the test when it does not parse. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const parsed = schema.safeParse(input);
	if (!parsed.success) throw new Error(`input did not parse: ${JSON.stringify(zodFieldErrors(parsed.error))}`);
	return parsed.data;
}

/** The field errors the API would report for `input`, or [] when it parses. */
export function schemaFields(schema: z.ZodType, input: unknown): { field: string; message: string }[] {
	const parsed = schema.safeParse(input);
	// The field and its Dutch message; the machine code beside them is checked elsewhere.
	return parsed.success ? [] : zodFieldErrors(parsed.error).map(({ field, message }) => ({ field, message }));
}

/** Creates an incident through the schema and the service. */
export async function makeIncident(
	db: Database,
	user: SessionUser,
	input: { title?: string; kind?: 'crisis' | 'oefening'; municipalities?: string[]; grip?: number; startedAt?: string } = {}
): Promise<IncidentRecord> {
	const body = { title: 'Brand in bedrijfspand', kind: 'crisis', municipalities: ['haarlem'], ...input };
	return createIncident(db, user, parse(newIncidentInput, body), ctx);
}

/** Awaits `promise`, expects a ServiceError with `status` (and `code`), and returns it. */
export async function expectServiceError(promise: Promise<unknown>, status: number, code?: string): Promise<ServiceError> {
	let caught: unknown;
	try {
		await promise;
	} catch (err) {
		caught = err;
	}
	expect(caught, 'expected the call to throw a ServiceError').toBeInstanceOf(ServiceError);
	const err = caught as ServiceError;
	expect({ status: err.status, code: code === undefined ? undefined : err.code }).toEqual({ status, code });
	expect(err.message.length).toBeGreaterThan(0);
	return err;
}

type CountedTable = 'incident' | 'incident_municipality' | 'grip_change' | 'audit_log' | 'realtime_event' | 'realtime_topic' | 'task' | 'task_change';

export async function countRows(db: Database, table: CountedTable): Promise<number> {
	const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
	return rows[0]!.n;
}

/** Counts of every table an incident or task change writes to. */
export async function snapshotCounts(db: Database): Promise<Record<CountedTable, number>> {
	const tables: CountedTable[] = ['incident', 'incident_municipality', 'grip_change', 'audit_log', 'realtime_event', 'realtime_topic', 'task', 'task_change'];
	const out = {} as Record<CountedTable, number>;
	for (const table of tables) out[table] = await countRows(db, table);
	return out;
}

/**
 * Installs (once per database) a trigger that makes inserting a realtime event fail when a row
 * of `test_event_fault` matches its topic (LIKE) and type. Publishing is the last step of every
 * service transaction, so a fault there proves that the earlier writes roll back with it.
 */
export async function installEventFault(db: Database): Promise<void> {
	await sql`create table if not exists test_event_fault (topic text not null, type text not null)`.execute(db);
	await sql`create or replace function test_event_fault_check() returns trigger language plpgsql as $$
		begin
			if exists (select 1 from test_event_fault f where new.topic like f.topic and new.type = f.type) then
				raise exception 'injected fault for % %', new.topic, new.type;
			end if;
			return new;
		end $$`.execute(db);
	await sql`drop trigger if exists test_event_fault_trigger on realtime_event`.execute(db);
	await sql`create trigger test_event_fault_trigger before insert on realtime_event
		for each row execute function test_event_fault_check()`.execute(db);
}

export async function withEventFault<T>(db: Database, fault: { topic: string; type: string }, run: () => Promise<T>): Promise<T> {
	await sql`insert into test_event_fault (topic, type) values (${fault.topic}, ${fault.type})`.execute(db);
	try {
		return await run();
	} finally {
		await sql`delete from test_event_fault`.execute(db);
	}
}
