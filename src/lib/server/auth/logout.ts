import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { invalidateSession, type Session } from './session';
import { writeAudit } from '../audit/audit';

/** Ends the session, disconnects its sockets on every node, and records it. */
export async function logout(db: Kysely<DB>, session: Session, ip: string | null): Promise<void> {
	await invalidateSession(db, session.id);
	await writeAudit(db, { actorId: session.userId, action: 'session.ended', entityType: 'gebruiker', entityId: session.userId, ip });
}
