// The sessions page: a user sees where they are signed in, and ends one session or all others.
// A beheerder ends every session of a user (user-service.ts). Ending a session disconnects its
// sockets on every node (session.ts announces it over NOTIFY). Framework-free.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { notFound } from '../errors.ts';
import { describeDevice } from './device.ts';
import { listUserSessions } from './session-queries.ts';
import { invalidateOtherSessions, invalidateOwnSession, type Session } from './session.ts';

export interface SessionSummary {
	id: string;
	current: boolean;
	device: string;
	ip: string | null;
	createdAt: Date;
	lastUsedAt: Date;
	secondFactor: boolean;
}

export async function sessionsOf(db: Kysely<DB>, current: Session): Promise<SessionSummary[]> {
	const rows = await listUserSessions(db, current.userId);
	return rows.map((r) => ({
		id: r.id,
		current: r.id === current.id,
		device: describeDevice(r.userAgent),
		ip: r.ip,
		createdAt: r.createdAt,
		lastUsedAt: r.lastUsedAt,
		secondFactor: r.secondFactor
	}));
}

export async function endOwnSession(db: Kysely<DB>, current: Session, sessionId: string, ip: string | null): Promise<void> {
	if (!(await invalidateOwnSession(db, current.userId, sessionId))) throw notFound('Deze sessie bestaat niet (meer).');
	await writeAudit(db, { actorId: current.userId, action: 'session.revoked', entityType: 'gebruiker', entityId: current.userId, ip, details: { eigen: sessionId === current.id } });
}

export async function endOtherSessions(db: Kysely<DB>, current: Session, ip: string | null): Promise<number> {
	const ended = await invalidateOtherSessions(db, current.userId, current.id);
	await writeAudit(db, { actorId: current.userId, action: 'session.others_revoked', entityType: 'gebruiker', entityId: current.userId, ip, details: { aantal: ended } });
	return ended;
}
