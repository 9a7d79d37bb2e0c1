// A database of its own for one integration test file: a copy of the migrated template that
// the global setup prepared, plus small factories for users and sessions.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { createDb, type Database } from '../../src/lib/server/db/index.ts';
import { ensureDatabase } from '../../src/lib/server/db/embedded.ts';
import { seedReferenceData } from '../../src/lib/server/runtime/seed.ts';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session.ts';
import type { Discipline, Role, SessionUser } from '../../src/lib/server/auth/roles.ts';

export interface TestDatabase {
	db: Database;
	url: string;
	name: string;
	drop(): Promise<void>;
}

/** The URL of database `name` on the test server. */
export function urlFor(name: string): string {
	const url = new URL(inject('pgAdminUrl'));
	url.pathname = `/${name}`;
	return url.toString();
}

async function adminQuery(text: string): Promise<void> {
	const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/**
 * Creates `t_<random>` (from the migrated template unless `template: null`) and connects to it.
 * Parallel files copy the same template; PostgreSQL refuses a copy while another copy holds
 * the template open, so a refused copy is retried briefly.
 */
export async function createTestDatabase(options: { template?: string | null } = {}): Promise<TestDatabase> {
	const name = `t_${randomBytes(6).toString('hex')}`;
	const template = options.template === null ? undefined : (options.template ?? inject('pgTemplate'));
	for (let attempt = 0; ; attempt++) {
		try {
			await ensureDatabase(inject('pgAdminUrl'), name, template);
			break;
		} catch (err) {
			if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
			await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
		}
	}
	const url = urlFor(name);
	const db = createDb(url);
	return {
		db,
		url,
		name,
		async drop() {
			await db.destroy();
			await adminQuery(`drop database if exists ${name} with (force)`);
		}
	};
}

export interface GrantSpec {
	role: Role;
	municipality: string | null;
	discipline?: Discipline | null;
}

const seeded = new WeakSet<Database>();
let counter = 0;

/** Inserts an active user with the given grants (seeding the nine municipalities first). */
export async function createUser(
	db: Database,
	options: { email?: string; name?: string; password?: string; grants: GrantSpec[] }
): Promise<SessionUser> {
	if (!seeded.has(db)) {
		await seedReferenceData(db);
		seeded.add(db);
	}
	const n = ++counter;
	const email = (options.email ?? `gebruiker${n}-${randomBytes(3).toString('hex')}@paraat.test`).toLowerCase();
	const name = options.name ?? `Test Gebruiker ${n}`;
	const passwordHash = await hashPassword(options.password ?? 'test-wachtwoord-123');
	const { id } = await db.insertInto('appUser').values({ email, name, passwordHash }).returning('id').executeTakeFirstOrThrow();
	for (const g of options.grants) {
		await db
			.insertInto('roleGrant')
			.values({ userId: id, role: g.role, municipalityCode: g.municipality, discipline: g.discipline ?? null })
			.execute();
	}
	const grants = options.grants.map((g) => ({ role: g.role, municipality: g.municipality, discipline: g.discipline ?? null }));
	return { id, email, name, grants };
}

/**
 * A valid session for the user, as after a complete login (with the second factor where one is
 * needed, unless `secondFactor: false`); returns the cookie token.
 */
export async function loginAs(db: Database, user: Pick<SessionUser, 'id'>, options: { secondFactor?: boolean } = {}): Promise<string> {
	const token = generateSessionToken();
	await createSession(db, token, user.id, { ip: '127.0.0.1', userAgent: 'vitest', secondFactor: options.secondFactor ?? true });
	return token;
}

/** Polls until `check` returns a truthy value (or throws on timeout with the last failure). */
export async function waitFor<T>(check: () => T | Promise<T>, options: { timeout?: number; interval?: number; what?: string | (() => string) } = {}): Promise<NonNullable<T>> {
	const deadline = Date.now() + (options.timeout ?? 10_000);
	let last: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value) return value as NonNullable<T>;
		} catch (err) {
			last = err;
		}
		if (Date.now() > deadline) {
			const what = typeof options.what === 'function' ? options.what() : (options.what ?? 'condition');
			throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
		}
		await new Promise((r) => setTimeout(r, options.interval ?? 25));
	}
}

