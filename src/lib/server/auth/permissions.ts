// The one place that answers "may this user do this action in this scope?".
// Pages, form actions, API routes and socket subscriptions all ask here.
import type { Role, SessionUser } from './roles.ts';

/** What a user may do; each action lists the roles that grant it. */
const ACTION_ROLES = {
	// Everyone with an account
	'region.read': 'any',
	'presence.read': 'any',
	'notice.read': 'any',
	'risicoscan.compute': 'any',
	// The regional calendar shows public fields only (name, municipality, class, dates, visitors).
	'calendar.read': 'any',
	// Event applications: the permit officers of the municipality. Advisers read what is referred
	// to their discipline (checked by the advice service on top of this action).
	'event.read': ['vergunningverlener'],
	'event.write': ['vergunningverlener'],
	'event.decide': ['vergunningverlener'],
	'advice.read': ['adviseur'],
	'advice.answer': ['adviseur'],
	// A municipality's own risicoscan model, deadlines and melding conditions.
	'event.settings': ['beheerder'],
	// Bibob files: only Bibob officers of the file's own municipality; the Bibob service demands an
	// exact municipal grant (a regional grant does not open a municipality's files) and a second factor.
	'bibob.read': ['bibob'],
	'bibob.write': ['bibob'],
	'bibob.settings': ['bibob'],
	'bluswater.read': ['brandweer', 'crisisteam', 'beheerder', 'oefenleider', 'waarnemer'],
	// An oefenleider manages bluswater in exercises only (checked by the bluswater service).
	'bluswater.manage': ['brandweer', 'crisisteam', 'oefenleider'],
	'fleet.edit': ['beheerder'],
	// Crisis and exercises. Incidents are regional work: these roles see every incident.
	'incident.read': ['crisisteam', 'bevolkingszorg', 'brandweer', 'oefenleider', 'waarnemer', 'beheerder'],
	'incident.create': ['crisisteam', 'oefenleider'],
	'incident.manage': ['crisisteam', 'oefenleider'],
	'task.write': ['bevolkingszorg', 'crisisteam', 'oefenleider'],
	'templates.manage': ['beheerder'],
	// Netcentric work on an incident. An oefenleider writes in exercises only (checked by the
	// logbook and inject services); the information manager of the crisis team verifies.
	'log.write': ['crisisteam', 'bevolkingszorg', 'brandweer', 'oefenleider'],
	'log.verify': ['crisisteam'],
	'picture.write.samenvatting': ['crisisteam', 'oefenleider'],
	'picture.write.brandweer': ['crisisteam', 'brandweer', 'oefenleider'],
	'picture.write.ghor': ['crisisteam', 'oefenleider'],
	'picture.write.politie': ['crisisteam', 'oefenleider'],
	'picture.write.bevolkingszorg': ['crisisteam', 'bevolkingszorg', 'oefenleider'],
	'picture.write.communicatie': ['crisisteam', 'bevolkingszorg', 'oefenleider'],
	'sitrap.publish': ['crisisteam', 'oefenleider'],
	'inject.manage': ['oefenleider'],
	'timeline.export': ['crisisteam', 'oefenleider'],
	// Regional notices
	'notice.post': ['crisisteam', 'beheerder'],
	// Account administration
	'users.manage': ['beheerder'],
	'audit.read': ['beheerder'],
	// Municipality-wide news (municipality:<code> topic)
	'municipality.read': 'any-in-scope'
} as const satisfies Record<string, readonly Role[] | 'any' | 'any-in-scope'>;

export type Action = keyof typeof ACTION_ROLES;

export interface Scope {
	/**
	 * The municipality the record belongs to, or null for a record of the region as a whole.
	 * Omitted: the action is not tied to one municipality (any fitting grant will do).
	 */
	municipality?: string | null;
}

/** A regional grant covers everything; a municipal grant covers its own municipality. */
function grantCovers(grantMunicipality: string | null, scope: Scope): boolean {
	if (scope.municipality === undefined || grantMunicipality === null) return true;
	return grantMunicipality === scope.municipality;
}

export function can(user: SessionUser | null | undefined, action: Action, scope: Scope = {}): boolean {
	if (!user) return false;
	const allowed = ACTION_ROLES[action];
	if (allowed === 'any') return true;
	if (allowed === 'any-in-scope') return user.grants.some((g) => grantCovers(g.municipality, scope));
	return user.grants.some(
		(g) => (allowed as readonly Role[]).includes(g.role) && grantCovers(g.municipality, scope)
	);
}

/** The municipalities where the user holds a role granting the action; null means the region. */
export function scopesFor(user: SessionUser, action: Action): string[] | null {
	const allowed = ACTION_ROLES[action];
	const grants =
		allowed === 'any' || allowed === 'any-in-scope'
			? user.grants
			: user.grants.filter((g) => (allowed as readonly Role[]).includes(g.role));
	if (grants.some((g) => g.municipality === null)) return null;
	return [...new Set(grants.map((g) => g.municipality as string))];
}

export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
	return !!user?.grants.some((g) => g.role === role);
}
