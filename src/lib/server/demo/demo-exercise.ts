// Demo mode: one running exercise, made through the same services a user would use, so every
// record, audit row and realtime event is exactly what the app itself produces. Idempotent.
// The services take the moment of each step from the story's clock (`ctx.now`, see clock.ts), so
// the exercise reads as one that began 75 minutes ago: the alarm at T0, GRIP 1 → 2 → 3, every
// discipline logging and keeping its part of the picture, tasks moving, a water request, and
// injects of the exercise script still to come.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { withSessionLock } from '../db/advisory-lock';
import { demoUserRow, incidentTitled } from './demo-queries';
import type { SessionUser } from '../auth/roles';
import { findGrants } from '../auth/session-queries';
import { logger } from '../log';
import { CAST, DEMO_EXERCISE_TITLE, DEMO_STORY, STORY_LENGTH_MINUTES, type Actor, type Story } from './demo-exercise-story';

export { DEMO_EXERCISE_TITLE };

async function demoUser(db: Kysely<DB>, email: string): Promise<SessionUser> {
	const row = await demoUserRow(db, email);
	if (!row) throw new Error(`Demo-account ${email} ontbreekt`);
	return { ...row, grants: await findGrants(db, row.id) };
}

/** Seeds the exercise once, also when several nodes start together (a session advisory lock). */
export async function seedDemoExercise(pool: Kysely<DB>, now = new Date()): Promise<void> {
	await withSessionLock(pool, 'paraat-demo-exercise', async (db) => {
		if (!(await incidentTitled(db, DEMO_EXERCISE_TITLE))) await tell(db, new Date(now.getTime() - STORY_LENGTH_MINUTES * 60_000));
	});
}

/** Plays the story from `t0`, each step at its own minute, in the order of the minutes. */
async function tell(db: Kysely<DB>, t0: Date): Promise<void> {
	const users = {} as Record<Actor, SessionUser>;
	for (const [name, email] of Object.entries(CAST)) users[name as Actor] = await demoUser(db, email);
	const story: Story = { db, users, t0, incidentId: '', entries: new Map() };
	for (const step of [...DEMO_STORY].sort((a, b) => a.minute - b.minute)) {
		await step.act(story, { ip: null, now: new Date(t0.getTime() + step.minute * 60_000) });
	}
	logger.info({ incident: story.incidentId }, 'demo-oefening klaargezet');
}
