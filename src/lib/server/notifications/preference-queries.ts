// SQL for each user's notification choices. Framework-free (relative .ts imports).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ChoosableCategory, NotificationPreference } from '../../contracts/notifications.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The stored choices of these users (a category without a row keeps its default). */
export async function preferencesOf(db: Db, userIds: string[]): Promise<(NotificationPreference & { userId: string })[]> {
	if (userIds.length === 0) return [];
	const rows = await db.selectFrom('notificationPreference').select(['userId', 'category', 'email', 'push']).where('userId', 'in', userIds).execute();
	return rows.map((r) => ({ ...r, category: r.category as ChoosableCategory }));
}

export async function savePreferences(db: Db, userId: string, choices: NotificationPreference[]): Promise<void> {
	if (choices.length === 0) return;
	await db
		.insertInto('notificationPreference')
		.values(choices.map((c) => ({ userId, category: c.category, email: c.email, push: c.push })))
		.onConflict((oc) => oc.columns(['userId', 'category']).doUpdateSet((eb) => ({ email: eb.ref('excluded.email'), push: eb.ref('excluded.push'), updatedAt: new Date() })))
		.execute();
}

/** The active users among these, so nobody blocked gets a message. */
export async function activeUsers(db: Db, userIds: string[]): Promise<Set<string>> {
	if (userIds.length === 0) return new Set();
	const rows = await db.selectFrom('appUser').select('id').where('id', 'in', userIds).where('active', '=', true).execute();
	return new Set(rows.map((r) => r.id));
}
