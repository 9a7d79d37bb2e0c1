// What a backup and a restore need to know about the schema, read from pg_catalog on one
// connection (inside the caller's transaction). Works for the schema's owner on PostgreSQL 13+
// without superuser rights.
import type pg from 'pg';
import { migrationBookkeeping } from '../db/migrator.ts';
import type { ForeignKey } from './load-order.ts';

export interface TableColumns {
	name: string;
	/** Stored columns in their order; generated columns are left out (the server computes them). */
	columns: string[];
}

const bookkeeping: string[] = [...migrationBookkeeping];

/** Every ordinary table of the current schema except the migrator's bookkeeping. */
export async function schemaTables(client: pg.ClientBase): Promise<TableColumns[]> {
	const { rows } = await client.query<{ table: string; column: string }>(
		`select c.relname as table, a.attname as column
		   from pg_class c
		   join pg_namespace n on n.oid = c.relnamespace
		   join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
		  where n.nspname = current_schema() and c.relkind = 'r' and not (c.relname = any($1::text[]))
		  order by c.relname, a.attnum`,
		[bookkeeping]
	);
	const tables = new Map<string, string[]>();
	for (const r of rows) tables.set(r.table, [...(tables.get(r.table) ?? []), r.column]);
	return [...tables].map(([name, columns]) => ({ name, columns }));
}

/** Names of all tables of the current schema, the bookkeeping included (to tell whether it is empty). */
export async function allTableNames(client: pg.ClientBase): Promise<string[]> {
	const { rows } = await client.query<{ name: string }>(
		`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		  where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1`
	);
	return rows.map((r) => r.name);
}

export interface NamedForeignKey extends ForeignKey {
	name: string;
	/** As PostgreSQL prints it, to add the constraint back after a load. */
	definition: string;
}

export async function foreignKeys(client: pg.ClientBase): Promise<NamedForeignKey[]> {
	const { rows } = await client.query<NamedForeignKey>(
		`select c.relname as table, p.relname as references, k.conname as name, pg_get_constraintdef(k.oid) as definition
		   from pg_constraint k
		   join pg_class c on c.oid = k.conrelid
		   join pg_class p on p.oid = k.confrelid
		   join pg_namespace n on n.oid = c.relnamespace
		  where k.contype = 'f' and n.nspname = current_schema()
		  order by 1, 2, 3`
	);
	return rows;
}

export async function sequenceNames(client: pg.ClientBase): Promise<string[]> {
	const { rows } = await client.query<{ name: string }>(
		`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		  where n.nspname = current_schema() and c.relkind = 'S' order by 1`
	);
	return rows.map((r) => r.name);
}

/** Tables with triggers of their own (not the internal ones that check foreign keys). */
export async function tablesWithUserTriggers(client: pg.ClientBase): Promise<string[]> {
	const { rows } = await client.query<{ name: string }>(
		`select distinct c.relname as name
		   from pg_trigger t
		   join pg_class c on c.oid = t.tgrelid
		   join pg_namespace n on n.oid = c.relnamespace
		  where not t.tgisinternal and n.nspname = current_schema()
		  order by 1`
	);
	return rows.map((r) => r.name);
}

export async function sequenceState(client: pg.ClientBase, name: string): Promise<{ value: string; isCalled: boolean }> {
	const { rows } = await client.query<{ value: string; is_called: boolean }>(
		`select last_value::text as value, is_called from ${client.escapeIdentifier(name)}`
	);
	return { value: rows[0]!.value, isCalled: rows[0]!.is_called };
}

export async function rowCount(client: pg.ClientBase, table: string): Promise<number> {
	const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from ${client.escapeIdentifier(table)}`);
	return Number(rows[0]!.n);
}

/**
 * Session settings that make COPY's text output the same on every server and client setting:
 * ISO dates in UTC, exact floats, hex bytea (what pg_dump sets as well).
 */
export async function setPortableSession(client: pg.ClientBase): Promise<void> {
	await client.query(
		`set client_encoding = 'UTF8'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres';
		 set timezone = 'UTC'; set extra_float_digits = 3; set bytea_output = 'hex'`
	);
}
