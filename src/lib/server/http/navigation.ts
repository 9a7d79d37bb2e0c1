import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';

export interface NavItem {
	href: string;
	label: string;
}

/** The navigation a user sees; each page checks permission again on the server. */
export function navigationFor(user: SessionUser): NavItem[] {
	const items: NavItem[] = [
		{ href: '/', label: 'Overzicht' },
		{ href: '/berichten', label: 'Regionale berichten' }
	];
	if (can(user, 'incident.read')) {
		items.push({ href: '/crisis', label: 'Crisis en oefeningen' }, { href: '/mijn-taken', label: 'Mijn taken' });
	}
	if (can(user, 'bluswater.read')) items.push({ href: '/bluswater', label: 'Bluswater' });
	if (can(user, 'fleet.edit')) items.push({ href: '/beheer/bluswater', label: 'Wagenpark bluswater' });
	if (can(user, 'users.manage')) items.push({ href: '/beheer/gebruikers', label: 'Gebruikers' });
	if (can(user, 'templates.manage', { municipality: null })) items.push({ href: '/beheer/taakkaarten', label: 'Standaardtaken' });
	if (can(user, 'audit.read')) items.push({ href: '/beheer/audit', label: 'Auditlog' });
	return items;
}
