// The one place that answers "may this user do this action on this record?". Pages, form
// actions, API routes, socket subscriptions and exports all ask here, with the record in scope;
// the rules themselves are data in policy.ts.
import type { Discipline, Role, RoleGrant, SessionUser } from './roles.ts';
import { DISCIPLINE_OFFICERS, FOUR_EYES_ROLES, POLICY, ROLES_WITH_DISCIPLINE, SECOND_FACTOR_ROLES, type Action, type Rule } from './policy.ts';

export type { Action } from './policy.ts';

/**
 * The record an action is on. A field left out means "any record": that answers whether the
 * user may do the action somewhere (for navigation and buttons); enforcement passes the record.
 */
export interface Scope {
	/** The record's municipality, or null for a record of the region as a whole. */
	municipality?: string | null;
	/** Whether the record belongs to an exercise. */
	exercise?: boolean;
	/** The discipline the record is addressed to (an advice request). */
	discipline?: Discipline | 'joint';
}

/** A regional grant covers every municipality; a municipal grant its own. */
function coversMunicipality(grant: RoleGrant, rule: Rule, scope: Scope): boolean {
	if (rule.regionalOnly) return grant.municipality === null;
	if (rule.exactMunicipality) {
		return grant.municipality !== null && (scope.municipality === undefined || grant.municipality === scope.municipality);
	}
	return scope.municipality === undefined || grant.municipality === null || grant.municipality === scope.municipality;
}

function ruleAllows(grant: RoleGrant, rule: Rule, scope: Scope): boolean {
	if (!rule.roles.includes(grant.role)) return false;
	if (rule.exerciseOnly && scope.exercise === false) return false;
	if (rule.ownDiscipline && scope.discipline !== undefined && scope.discipline !== 'joint' && grant.discipline !== scope.discipline) {
		return false;
	}
	if (rule.ownDiscipline && !grant.discipline) return false;
	return coversMunicipality(grant, rule, scope);
}

/** The user's grants that allow the action on this record. */
export function grantsAllowing(user: SessionUser | null | undefined, action: Action, scope: Scope = {}): RoleGrant[] {
	if (!user) return [];
	const allow = POLICY[action].allow;
	if (allow === 'everyone') return user.grants;
	if (allow === 'anyInScope') {
		return user.grants.filter((g) => scope.municipality === undefined || g.municipality === null || g.municipality === scope.municipality);
	}
	return user.grants.filter((g) => (allow as readonly Rule[]).some((rule) => ruleAllows(g, rule, scope)));
}

export function can(user: SessionUser | null | undefined, action: Action, scope: Scope = {}): boolean {
	if (!user) return false;
	if (POLICY[action].allow === 'everyone') return true;
	return grantsAllowing(user, action, scope).length > 0;
}

/** The municipalities where the user may do the action; null means the whole region. */
export function scopesFor(user: SessionUser, action: Action, scope: Omit<Scope, 'municipality'> = {}): string[] | null {
	const grants = grantsAllowing(user, action, scope);
	const allow = POLICY[action].allow;
	const exact = Array.isArray(allow) && allow.every((r: Rule) => r.exactMunicipality);
	if (!exact && grants.some((g) => g.municipality === null)) return null;
	return [...new Set(grants.filter((g) => g.municipality !== null).map((g) => g.municipality as string))];
}

/** The disciplines the user acts for in this action and municipality (advisers). */
export function disciplinesFor(user: SessionUser, action: Action, municipality?: string): Discipline[] {
	const grants = grantsAllowing(user, action, { municipality });
	return [...new Set(grants.map((g) => g.discipline).filter((d): d is Discipline => d !== null))];
}

/** Per grant allowing the action: its municipality (null: the region) and discipline. */
export function grantScopes(user: SessionUser, action: Action): { municipality: string | null; discipline: Discipline | null }[] {
	return grantsAllowing(user, action).map((g) => ({ municipality: g.municipality, discipline: g.discipline }));
}

/** The roles that can ever be allowed the action (for queries such as "who can receive a task"). */
export function rolesAllowed(action: Action): Role[] {
	const allow = POLICY[action].allow;
	if (!Array.isArray(allow)) return [];
	return [...new Set((allow as readonly Rule[]).flatMap((r) => r.roles))];
}

/** Grants of some roles count only in a session opened with the second factor. */
export function grantsOfSession(grants: RoleGrant[], secondFactor: boolean): RoleGrant[] {
	return secondFactor ? grants : grants.filter((g) => !SECOND_FACTOR_ROLES.includes(g.role));
}

export function roleNeedsSecondFactor(role: Role): boolean {
	return SECOND_FACTOR_ROLES.includes(role);
}

export function roleTakesDiscipline(role: Role): boolean {
	return ROLES_WITH_DISCIPLINE.includes(role);
}

export function roleNeedsSecondPerson(role: Role): boolean {
	return FOUR_EYES_ROLES.includes(role);
}

export type GrantDecision = { ok: true; pendingConfirmation: boolean } | { ok: false; status: 403 | 404; message: string };

/**
 * May `actor` give `grant` to the user `targetId`? Never to themselves; only within their own
 * scope (a municipal beheerder grants for their own municipality, a regional one everywhere); a
 * role needing a second person is given pending until another beheerder confirms it.
 */
export function mayGrant(actor: SessionUser, targetId: string, grant: { role: Role; municipality: string | null }): GrantDecision {
	if (!can(actor, 'users.manage', { municipality: grant.municipality })) {
		return { ok: false, status: 403, message: 'Je mag alleen rollen toekennen binnen je eigen gemeente.' };
	}
	if (targetId === actor.id) {
		return { ok: false, status: 403, message: 'Je kunt jezelf geen rollen toekennen; vraag een andere beheerder.' };
	}
	return { ok: true, pendingConfirmation: roleNeedsSecondPerson(grant.role) };
}

/** May `actor` confirm a pending grant that `grantedBy` gave to `targetId`? A second person only. */
export function mayConfirmGrant(
	actor: SessionUser,
	grant: { userId: string; grantedBy: string | null; municipality: string | null }
): GrantDecision {
	if (!can(actor, 'grant.bibob.confirm', { municipality: grant.municipality })) {
		return { ok: false, status: 403, message: 'Je mag deze rol niet bevestigen.' };
	}
	if (grant.userId === actor.id || grant.grantedBy === actor.id) {
		return { ok: false, status: 403, message: 'Een tweede beheerder bevestigt deze rol, niet wie hem toekende of ontvangt.' };
	}
	return { ok: true, pendingConfirmation: false };
}

/** May `actor` withdraw this grant? Within scope, and never their own beheerder role. */
export function mayRevokeGrant(actor: SessionUser, grant: { userId: string; role: Role; municipality: string | null }): GrantDecision {
	if (!can(actor, 'users.manage', { municipality: grant.municipality })) {
		return { ok: false, status: 404, message: 'Deze rol bestaat niet (meer).' };
	}
	if (grant.userId === actor.id && rolesAllowed('users.manage').includes(grant.role)) {
		return { ok: false, status: 403, message: 'Je kunt je eigen beheerdersrol niet intrekken.' };
	}
	return { ok: true, pendingConfirmation: false };
}

/** The crisis disciplines the user serves as an officer (brandweer, GHOR, politie, gemeente), in that order. */
export function officerDisciplines(user: SessionUser): (typeof DISCIPLINE_OFFICERS)[number][] {
	return DISCIPLINE_OFFICERS.filter((d) => user.grants.some((g) => g.role === d));
}
