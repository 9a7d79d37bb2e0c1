import { describe, expect, it } from 'vitest';
import { brokenForeignKeys, loadOrder } from '../../src/lib/server/backup/load-order.ts';

describe('loadOrder', () => {
	it('puts every table after the tables it references, ties alphabetical', () => {
		const fks = [
			{ table: 'role_grant', references: 'app_user' },
			{ table: 'role_grant', references: 'municipality' },
			{ table: 'app_user', references: 'municipality' }
		];
		expect(loadOrder(['role_grant', 'app_user', 'municipality', 'audit_log'], fks)).toEqual(['audit_log', 'municipality', 'app_user', 'role_grant']);
		expect(brokenForeignKeys(['audit_log', 'municipality', 'app_user', 'role_grant'], fks)).toEqual([]);
	});

	it('ignores a table that references itself', () => {
		const fks = [
			{ table: 'log_entry', references: 'log_entry' },
			{ table: 'log_entry', references: 'incident' }
		];
		expect(loadOrder(['log_entry', 'incident'], fks)).toEqual(['incident', 'log_entry']);
		expect(brokenForeignKeys(['incident', 'log_entry'], fks)).toEqual([]);
	});

	it('breaks a cycle at one key, which brokenForeignKeys names for the restore to check afterwards', () => {
		const fks = [
			{ table: 'log_entry', references: 'inject' },
			{ table: 'inject', references: 'log_entry' },
			{ table: 'inject', references: 'incident' },
			{ table: 'log_entry', references: 'incident' },
			{ table: 'task', references: 'log_entry' }
		];
		const order = loadOrder(['task', 'log_entry', 'inject', 'incident'], fks);
		expect(order[0]).toBe('incident');
		expect(order.at(-1)).toBe('task');
		expect(brokenForeignKeys(order, fks)).toHaveLength(1);
		expect(brokenForeignKeys(order, fks)[0]!.table).toBe(order[1]);
	});

	it('names a key whose table comes before the table it references', () => {
		expect(brokenForeignKeys(['app_user', 'municipality'], [{ table: 'app_user', references: 'municipality' }])).toEqual([
			{ table: 'app_user', references: 'municipality' }
		]);
	});
});
