// The order in which tables are filled on restore: every table after the tables it references.
// Pure, so it is tested without a database.
//
// A table that references itself (a log entry correcting another) needs no order: PostgreSQL checks
// a non-deferred foreign key at the end of the COPY statement that filled the table, when all its
// rows are there. Tables that reference each other (an inject and its log entry) have no such
// order; the cycle is broken at one foreign key, which the restore drops before the load and adds
// back (validated against every row) after it, in the same transaction.

export interface ForeignKey {
	table: string;
	references: string;
}

/** Tables in load order; ties keep alphabetical order, so the same schema gives the same order. */
export function loadOrder(tables: readonly string[], foreignKeys: readonly ForeignKey[]): string[] {
	const known = new Set(tables);
	const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
	for (const fk of foreignKeys) {
		if (fk.table === fk.references || !known.has(fk.table) || !known.has(fk.references)) continue;
		parents.get(fk.table)!.add(fk.references);
	}
	const order: string[] = [];
	const placed = new Set<string>();
	const remaining = [...tables].sort();
	const waitingFor = (t: string) => [...parents.get(t)!].filter((p) => !placed.has(p)).length;
	while (remaining.length > 0) {
		let next = remaining.findIndex((t) => waitingFor(t) === 0);
		// Only cycles are left: place the table that waits for the fewest others (its keys to them
		// are the ones the restore checks after the load).
		if (next === -1) next = remaining.reduce((best, t, i) => (waitingFor(t) < waitingFor(remaining[best]!) ? i : best), 0);
		const [table] = remaining.splice(next, 1);
		order.push(table!);
		placed.add(table!);
	}
	return order;
}

/** The foreign keys that `order` breaks: a table filled before a table it references. */
export function brokenForeignKeys<K extends ForeignKey>(order: readonly string[], foreignKeys: readonly K[]): K[] {
	const position = new Map(order.map((t, i) => [t, i]));
	return foreignKeys.filter((fk) => {
		if (fk.table === fk.references) return false;
		const child = position.get(fk.table);
		const parent = position.get(fk.references);
		return child !== undefined && parent !== undefined && parent > child;
	});
}
