// Account administration by beheerders: a municipal beheerder manages the roles of their own
// municipality; a regional beheerder manages everything. Every change is audited.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import { isRole, type SessionUser } from '../auth/roles';
import { can, mayConfirmGrant, mayGrant, mayRevokeGrant, roleNeedsSecondPerson, scopesFor, type GrantDecision } from '../auth/permissions';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { writeAudit } from '../audit/audit';
import { ServiceError, forbidden, notFound } from '../errors';
import {
	confirmGrantRow,
	deleteGrant,
	findGrant,
	findUserByEmail,
	grantMunicipalities,
	insertGrant,
	insertUser,
	deleteSecondFactor,
	listUsers,
	setUserActive,
	userExists
} from './user-queries';
import type { GrantInput, NewUserInput } from './user-input';

interface Ctx {
	ip: string | null;
}

function enforce(decision: GrantDecision): { pendingConfirmation: boolean } {
	if (decision.ok) return decision;
	throw decision.status === 404 ? notFound(decision.message) : forbidden(decision.message);
}

function requireManager(actor: SessionUser, municipality?: string | null): void {
	const scope = municipality === undefined ? {} : { municipality };
	if (!can(actor, 'users.manage', scope)) {
		throw forbidden(
			municipality === null
				? 'Alleen een regionale beheerder kent regionale rollen toe.'
				: 'Je beheert alleen gebruikers en rollen van je eigen gemeente.'
		);
	}
}

export async function usersVisibleTo(db: Kysely<DB>, actor: SessionUser) {
	requireManager(actor);
	return listUsers(db, scopesFor(actor, 'users.manage'));
}

export async function createUser(db: Kysely<DB>, actor: SessionUser, input: NewUserInput, ctx: Ctx) {
	requireManager(actor, input.municipality);
	const passwordHash = await hashPassword(input.password);
	return transact(db, async (trx) => {
		if (await findUserByEmail(trx, input.email)) {
			throw new ServiceError(409, 'email_taken', 'Er bestaat al een account met dit e-mailadres.', [
				{ field: 'email', message: 'Dit e-mailadres is al in gebruik.' }
			]);
		}
		const user = await insertUser(trx, { email: input.email, name: input.name, passwordHash });
		const pending = roleNeedsSecondPerson(input.role);
		await insertGrant(trx, { userId: user.id, role: input.role, municipalityCode: input.municipality, discipline: input.discipline, grantedBy: actor.id, pending });
		await writeAudit(trx, {
			actorId: actor.id,
			action: 'user.created',
			entityType: 'gebruiker',
			entityId: user.id,
			municipality: input.municipality,
			ip: ctx.ip,
			details: { email: input.email, role: input.role, discipline: input.discipline }
		});
		return user;
	});
}

/** A municipal beheerder may only touch users who already work in their municipality. */
async function requireUserInScope(db: Kysely<DB>, actor: SessionUser, userId: string): Promise<void> {
	const scopes = scopesFor(actor, 'users.manage');
	if (scopes === null) return;
	const theirs = await grantMunicipalities(db, userId);
	if (!theirs.some((m) => m !== null && scopes.includes(m))) throw notFound('Deze gebruiker bestaat niet of valt buiten je gemeente.');
}

export async function addGrant(db: Kysely<DB>, actor: SessionUser, userId: string, input: GrantInput, ctx: Ctx) {
	const { pendingConfirmation } = enforce(mayGrant(actor, userId, input));
	return transact(db, async (trx) => {
		await requireUserInScope(trx, actor, userId);
		const created = await insertGrant(trx, {
			userId,
			role: input.role,
			municipalityCode: input.municipality,
			discipline: input.discipline,
			grantedBy: actor.id,
			pending: pendingConfirmation
		});
		if (!created) throw new ServiceError(409, 'grant_exists', 'Deze gebruiker heeft deze rol al.');
		await writeAudit(trx, {
			actorId: actor.id,
			action: 'grant.created',
			entityType: 'gebruiker',
			entityId: userId,
			municipality: input.municipality,
			ip: ctx.ip,
			details: { role: input.role, discipline: input.discipline, wachtOpBevestiging: pendingConfirmation }
		});
		return { pendingConfirmation };
	});
}

/** The second person (four eyes) confirms a grant that waits for it; re-checked on the locked row. */
export async function confirmGrant(db: Kysely<DB>, actor: SessionUser, grantId: string, ctx: Ctx) {
	return transact(db, async (trx) => {
		const grant = await findGrant(trx, grantId);
		if (!grant || grant.confirmedAt !== null) throw notFound('Deze rol wacht niet (meer) op bevestiging.');
		enforce(mayConfirmGrant(actor, { userId: grant.userId, grantedBy: grant.grantedBy, municipality: grant.municipalityCode }));
		await confirmGrantRow(trx, grantId, actor.id);
		await writeAudit(trx, {
			actorId: actor.id,
			action: 'grant.confirmed',
			entityType: 'gebruiker',
			entityId: grant.userId,
			municipality: grant.municipalityCode,
			ip: ctx.ip,
			details: { role: grant.role, toegekendDoor: grant.grantedBy }
		});
	});
}

export async function removeGrant(db: Kysely<DB>, actor: SessionUser, grantId: string, ctx: Ctx) {
	return transact(db, async (trx) => {
		const grant = await findGrant(trx, grantId);
		if (!grant || !isRole(grant.role)) throw notFound('Deze rol bestaat niet (meer).');
		enforce(mayRevokeGrant(actor, { userId: grant.userId, role: grant.role, municipality: grant.municipalityCode }));
		await deleteGrant(trx, grantId);
		await writeAudit(trx, {
			actorId: actor.id,
			action: 'grant.revoked',
			entityType: 'gebruiker',
			entityId: grant.userId,
			municipality: grant.municipalityCode,
			ip: ctx.ip,
			details: { role: grant.role, discipline: grant.discipline }
		});
	});
}

export async function setActive(db: Kysely<DB>, actor: SessionUser, userId: string, active: boolean, ctx: Ctx) {
	requireManager(actor);
	if (userId === actor.id && !active) throw new ServiceError(400, 'own_account', 'Je kunt je eigen account niet blokkeren.');
	await transact(db, async (trx) => {
		await requireUserInScope(trx, actor, userId);
		const updated = await setUserActive(trx, userId, active);
		if (!updated) throw notFound('Deze gebruiker bestaat niet.');
		await writeAudit(trx, {
			actorId: actor.id,
			action: active ? 'user.activated' : 'user.blocked',
			entityType: 'gebruiker',
			entityId: userId,
			ip: ctx.ip
		});
	});
	// A blocked user is logged out everywhere at once, sockets included.
	if (!active) await invalidateUserSessions(db, userId);
}

/**
 * A lost phone: the user's TOTP secret and recovery codes go, every session ends, and the next
 * sign-in enrols a new authenticator app. Another beheerder does it, and says why (audited).
 */
export async function resetSecondFactor(db: Kysely<DB>, actor: SessionUser, userId: string, reason: string, ctx: Ctx) {
	requireManager(actor);
	if (userId === actor.id) throw forbidden('Je kunt je eigen tweede factor niet resetten; vraag een andere beheerder.');
	await transact(db, async (trx) => {
		await requireUserInScope(trx, actor, userId);
		const removed = await deleteSecondFactor(trx, userId);
		if (!removed) throw new ServiceError(409, 'no_second_factor', 'Deze gebruiker heeft geen tweede factor ingesteld; er is niets te resetten.');
		await writeAudit(trx, { actorId: actor.id, action: 'user.second_factor_reset', entityType: 'gebruiker', entityId: userId, ip: ctx.ip, details: { reden: reason } });
	});
	await invalidateUserSessions(db, userId);
}

/** A lost laptop: every session of the user ends, sockets on every node included. */
export async function endUserSessions(db: Kysely<DB>, actor: SessionUser, userId: string, ctx: Ctx): Promise<number> {
	requireManager(actor);
	await requireUserInScope(db, actor, userId);
	if (!(await userExists(db, userId))) throw notFound('Deze gebruiker bestaat niet.');
	const ended = await invalidateUserSessions(db, userId);
	await writeAudit(db, { actorId: actor.id, action: 'user.sessions_revoked', entityType: 'gebruiker', entityId: userId, ip: ctx.ip, details: { aantal: ended } });
	return ended;
}
