// Binds a capability's service modules to the database once, so routes call
// `locals.services.tasks.changeTask(user, id, input, ctx)` without ever holding the handle, while
// the services keep taking `db` first (tests, the demo seed and transactions call them that way).
import type { Database } from '../db/index.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- any[] is the only way to say "whatever comes after db" */
type TakesDb = (db: Database, ...args: any[]) => unknown;

/** A module's functions that take the database first, each without that first argument. */
export type BoundServices<M> = {
	[K in keyof M as M[K] extends TakesDb ? K : never]: M[K] extends (db: Database, ...args: infer A) => infer R ? (...args: A) => R : never;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

type Merged<Modules extends readonly object[]> = Modules extends readonly [infer First, ...infer Rest extends readonly object[]]
	? BoundServices<First> & Merged<Rest>
	: unknown;

/**
 * One capability's services from its modules (module namespaces, `import * as …`). The database is
 * looked up on every call rather than captured, so a restarted pool (tests, shutdown) is picked up.
 * Exports that do not take the database (input schemas, pure helpers, error classes) stay out of
 * the type; two modules exporting the same function name is a composition mistake and throws at start.
 */
export function bindDb<const Modules extends readonly object[]>(database: () => Database, ...modules: Modules): Merged<Modules> {
	const bound: Record<string, (...args: unknown[]) => unknown> = {};
	for (const module of modules) {
		for (const [name, value] of Object.entries(module)) {
			if (typeof value !== 'function' || isClass(value)) continue;
			if (Object.hasOwn(bound, name)) throw new Error(`Dienst ${name} komt in twee modules van dezelfde capability voor`);
			bound[name] = (...args: unknown[]) => value(database(), ...args);
		}
	}
	return Object.freeze(bound) as Merged<Modules>;
}

function isClass(value: (...args: never[]) => unknown): boolean {
	return /^class[\s{]/.test(Function.prototype.toString.call(value));
}
