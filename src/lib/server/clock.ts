// The moment a service stamps on what it writes. A request never sets it: then PostgreSQL's own
// now() (the transaction's start, the same on every node) stamps the rows, as it always did. Only
// the demo seeder sets `now`, so the demo exercise reads as a story that began at T0 instead of
// one instant; every record, history row, audit row and event of that call then carries it.
// Framework-free (the realtime layer and the scheduler import the modules that use it).
import { sql, type RawBuilder } from 'kysely';

export interface Clocked {
	/**
	 * When this call happens; absent (the normal case) means now. Passed on to an INSERT as the
	 * column's value: undefined leaves the column's default, now(), in charge.
	 */
	now?: Date;
}

/** For an UPDATE's SET, where no default applies: the call's clock or the transaction's now(). */
export function stampOrNow(at: Date | undefined): Date | RawBuilder<Date> {
	return at ?? sql<Date>`now()`;
}

/** The call's moment for rules decided in TypeScript (a time in the future, an inject in the past). */
export function momentOf(ctx: Clocked | undefined): Date {
	return ctx?.now ?? new Date();
}
