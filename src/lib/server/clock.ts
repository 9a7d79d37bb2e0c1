// The moment a service stamps on what it writes. A request never sets it: then PostgreSQL's own
// now() (the transaction's start, the same on every node) stamps the rows, as it always did. Only
// the demo seeder sets `now`, so the demo exercise reads as a story that began at T0 instead of
// one instant; every record, history row, audit row and event of that call then carries it.
// Framework-free (the realtime layer and the scheduler import the modules that use it). The SQL
// side, stampOrNow for an UPDATE's SET, is in db/now.ts.

export interface Clocked {
	/**
	 * When this call happens; absent (the normal case) means now. Passed on to an INSERT as the
	 * column's value: undefined leaves the column's default, now(), in charge.
	 */
	now?: Date;
}

/** The call's moment for rules decided in TypeScript (a time in the future, an inject in the past). */
export function momentOf(ctx: Clocked | undefined): Date {
	return ctx?.now ?? new Date();
}
