import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB>;

export interface TaskTemplateRecord {
	id: string;
	process: string;
	title: string;
	description: string;
	priority: string;
	dueMinutes: number | null;
	sortOrder: number;
	active: boolean;
	version: number;
}

export async function listTemplates(db: Db, options: { activeOnly: boolean }): Promise<TaskTemplateRecord[]> {
	let query = db.selectFrom('taskTemplate').selectAll().orderBy('process').orderBy('sortOrder').orderBy('title');
	if (options.activeOnly) query = query.where('active', '=', true);
	return query.execute();
}

export async function insertTemplate(db: Db, values: Omit<TaskTemplateRecord, 'id' | 'version' | 'active'>) {
	return db.insertInto('taskTemplate').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTemplate(db: Db, id: string, version: number, values: Partial<Omit<TaskTemplateRecord, 'id' | 'version'>>) {
	return db
		.updateTable('taskTemplate')
		.set({ ...values, version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returningAll()
		.executeTakeFirst();
}

export async function findTemplate(db: Db, id: string) {
	return db.selectFrom('taskTemplate').selectAll().where('id', '=', id).executeTakeFirst();
}
