// Roles and disciplines as the platform knows them. Framework-free: shared with the realtime layer.

export const ROLES = [
	'beheerder',
	'vergunningverlener',
	'adviseur',
	'bibob',
	'crisisteam',
	'bevolkingszorg',
	'brandweer',
	'ghor',
	'politie',
	'oefenleider',
	'waarnemer',
	'beleidsadviseur',
	'kabinet'
] as const;
export type Role = (typeof ROLES)[number];

export const DISCIPLINES = ['brandweer', 'ghor', 'politie'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	beheerder: 'Beheerder',
	vergunningverlener: 'Vergunningverlener',
	adviseur: 'Adviseur',
	bibob: 'Bibob-functionaris',
	crisisteam: 'Crisisteam',
	bevolkingszorg: 'Bevolkingszorg',
	brandweer: 'Brandweer',
	ghor: 'GHOR',
	politie: 'Politie',
	oefenleider: 'Oefenleider',
	waarnemer: 'Waarnemer',
	beleidsadviseur: 'Beleidsadviseur OOV',
	kabinet: 'Kabinet burgemeester'
};

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
	brandweer: 'Brandweer',
	ghor: 'GHOR',
	politie: 'Politie'
};

/** One grant of a role: for one municipality, or for the whole region (municipality null). */
export interface RoleGrant {
	role: Role;
	municipality: string | null;
	discipline: Discipline | null;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	grants: RoleGrant[];
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isDiscipline(value: unknown): value is Discipline {
	return typeof value === 'string' && (DISCIPLINES as readonly string[]).includes(value);
}
