// The pg pools this process opened, for the pool-use metrics. Kept on globalThis: the SvelteKit
// bundle and the production entry each load their own copy of the db module, and both pools count.
import type pg from 'pg';

const KEY = Symbol.for('paraat.db.pools');
const holder = globalThis as typeof globalThis & { [KEY]?: Set<pg.Pool> };
const pools = (holder[KEY] ??= new Set());

export function trackPool(pool: pg.Pool): void {
	pools.add(pool);
}

export function poolStats(): { total: number; idle: number; waiting: number } {
	const stats = { total: 0, idle: 0, waiting: 0 };
	for (const pool of pools) {
		if (pool.ended) {
			pools.delete(pool);
			continue;
		}
		stats.total += pool.totalCount;
		stats.idle += pool.idleCount;
		stats.waiting += pool.waitingCount;
	}
	return stats;
}
