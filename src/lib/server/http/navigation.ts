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
		{ href: '/berichten', label: 'Regionale berichten' },
		{ href: '/kalender', label: 'Evenementenkalender' }
	];
	if (can(user, 'event.read')) items.push({ href: '/evenementen', label: 'Evenementen' });
	if (can(user, 'advice.read')) items.push({ href: '/advies', label: 'Adviesaanvragen' });
	if (can(user, 'bibob.read')) items.push({ href: '/bibob', label: 'Bibob' });
	if (can(user, 'incident.read')) {
		items.push({ href: '/crisis', label: 'Crisis en oefeningen' }, { href: '/mijn-taken', label: 'Mijn taken' });
	}
	if (can(user, 'bluswater.read')) items.push({ href: '/bluswater', label: 'Bluswater' });
	if (can(user, 'safetyplan.read')) items.push({ href: '/veiligheidsplan', label: 'Veiligheidsplan' });
	if (can(user, 'fleet.edit')) items.push({ href: '/beheer/bluswater', label: 'Wagenpark bluswater' });
	if (can(user, 'event.settings')) items.push({ href: '/beheer/evenementen', label: 'Instellingen evenementen' });
	if (can(user, 'users.manage')) items.push({ href: '/beheer/gebruikers', label: 'Gebruikers' });
	if (can(user, 'identity.providers.manage')) items.push({ href: '/beheer/inlogdiensten', label: 'Inlogdiensten' });
	if (can(user, 'templates.manage', { municipality: null })) items.push({ href: '/beheer/taakkaarten', label: 'Standaardtaken' });
	if (can(user, 'oncall.manage')) items.push({ href: '/beheer/piket', label: 'Piketrooster' });
	if (can(user, 'audit.read')) items.push({ href: '/beheer/audit', label: 'Auditlog' });
	if (can(user, 'outbox.manage')) items.push({ href: '/beheer/berichten-uit', label: 'Uitgaande berichten' });
	if (can(user, 'policy.read')) items.push({ href: '/beheer/rechten', label: 'Rechten' });
	return items;
}
