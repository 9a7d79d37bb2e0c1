// The time an UPDATE stamps: the call's clock when it has one (only the demo seeder sets it, see
// clock.ts), otherwise the transaction's own now(), the same on every node.
import { sql, type RawBuilder } from 'kysely';

/** For an UPDATE's SET, where no default applies: the call's clock or the transaction's now(). */
export function stampOrNow(at: Date | undefined): Date | RawBuilder<Date> {
	return at ?? sql<Date>`now()`;
}
