import type { SessionUser } from '../auth/roles';
import { ROLE_LABELS } from '../auth/roles';
import { municipalityName } from '../../domain/region';

/** The signed-in user as the API and the shell show them. */
export function describeUser(user: SessionUser) {
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		roles: user.grants.map((g) => ({
			role: g.role,
			label: ROLE_LABELS[g.role],
			municipality: g.municipality,
			municipalityName: municipalityName(g.municipality),
			discipline: g.discipline
		}))
	};
}
