// The permission policy as data: per action, who is allowed and under which conditions. The
// predicates that read it live in permissions.ts; docs/permissions.md and the beheer page
// /beheer/rechten are generated from this table, so what is documented is what is enforced.
import type { Role } from './roles.ts';

/**
 * One way to be allowed an action: holding one of `roles`, in a grant that covers the record's
 * municipality (a regional grant covers all nine), and meeting every condition named.
 */
export interface Rule {
	roles: readonly Role[];
	/** Only on an exercise incident and its records (an oefenleider never touches a real crisis). */
	exerciseOnly?: true;
	/** Only with a regional grant: resources of the region as a whole (the bluswater fleet). */
	regionalOnly?: true;
	/** Only with a grant for exactly the record's municipality; a regional grant does not count. */
	exactMunicipality?: true;
	/** Only for records addressed to the grant's own discipline (advice requests). */
	ownDiscipline?: true;
}

export interface ActionPolicy {
	/** What the action is, in Dutch, for the generated overview. */
	label: string;
	/** `everyone`: every account; `anyInScope`: any grant covering the municipality; else the rules. */
	allow: 'everyone' | 'anyInScope' | readonly Rule[];
}

/** The discipline officers of crisis work: brandweer, GHOR, politie and the gemeente. */
export const DISCIPLINE_OFFICERS = ['brandweer', 'ghor', 'politie', 'bevolkingszorg'] as const satisfies readonly Role[];

/** Everyone who reads the incidents of the region and their picture, logbook, tasks, water and map. */
const INCIDENT_READERS = ['crisisteam', ...DISCIPLINE_OFFICERS, 'oefenleider', 'waarnemer', 'beheerder'] as const satisfies readonly Role[];

const exercise = (roles: readonly Role[]): Rule => ({ roles, exerciseOnly: true });

export const POLICY = {
	'region.read': { label: 'Regiobeeld en agenda volgen', allow: 'everyone' },
	'presence.read': { label: 'Zien wie er online is', allow: 'everyone' },
	'notice.read': { label: 'Mededelingen lezen', allow: 'everyone' },
	'risicoscan.compute': { label: 'Risicoscan laten berekenen', allow: 'everyone' },
	// The regional calendar shows public fields only (name, municipality, class, dates, visitors).
	'calendar.read': { label: 'Regionale evenementenkalender lezen', allow: 'everyone' },
	'municipality.read': { label: 'Nieuws van een gemeente volgen', allow: 'anyInScope' },

	// Event applications: the permit officers of the municipality.
	'event.read': { label: 'Evenementaanvragen lezen', allow: [{ roles: ['vergunningverlener'] }] },
	'event.write': { label: 'Evenementaanvragen invoeren en wijzigen', allow: [{ roles: ['vergunningverlener'] }] },
	'event.decide': { label: 'Besluiten op een aanvraag', allow: [{ roles: ['vergunningverlener'] }] },
	'event.settings': { label: 'Risicoscanmodel, termijnen en meldingsvoorwaarden instellen', allow: [{ roles: ['beheerder'] }] },
	// Advisers read and answer the requests addressed to their own discipline, and read the
	// application, its risicoscan and its documents through them (never its Bibob part).
	'advice.read': { label: 'Adviesaanvragen en de aanvraag erachter lezen', allow: [{ roles: ['adviseur'], ownDiscipline: true }] },
	'advice.answer': { label: 'Een adviesaanvraag beantwoorden', allow: [{ roles: ['adviseur'], ownDiscipline: true }] },

	// Bibob: need to know. Only Bibob officers of exactly the file's municipality; the session must
	// have been opened with the second factor (see SECOND_FACTOR_ROLES).
	'bibob.read': { label: 'Bibob-dossiers lezen', allow: [{ roles: ['bibob'], exactMunicipality: true }] },
	'bibob.write': { label: 'Bibob-dossiers bewerken', allow: [{ roles: ['bibob'], exactMunicipality: true }] },
	'bibob.settings': { label: 'Bibob-instellingen (bewaartermijn)', allow: [{ roles: ['bibob'], exactMunicipality: true }] },

	// Crisis and exercises: incidents are regional work, so every grant of these roles counts.
	'incident.read': { label: 'Incidenten lezen: beeld, logboek, taken, kaart', allow: [{ roles: INCIDENT_READERS }] },
	'incident.create': { label: 'Een incident aanmaken', allow: [{ roles: ['crisisteam'] }, exercise(['oefenleider'])] },
	'incident.manage': { label: 'GRIP en status van een incident wijzigen', allow: [{ roles: ['crisisteam'] }, exercise(['oefenleider'])] },
	'task.write': { label: 'Taken aanmaken en bijwerken', allow: [{ roles: ['crisisteam', 'bevolkingszorg'] }, exercise(['oefenleider'])] },
	'task.receive': { label: 'Taken toegewezen krijgen', allow: [{ roles: ['crisisteam', 'bevolkingszorg'] }, exercise(['oefenleider'])] },
	'templates.manage': { label: 'Taaksjablonen beheren', allow: [{ roles: ['beheerder'] }] },
	'log.write': { label: 'Logboekregels schrijven', allow: [{ roles: ['crisisteam', ...DISCIPLINE_OFFICERS] }, exercise(['oefenleider'])] },
	'log.verify': { label: 'Logboekregels verifiëren (informatiemanager)', allow: [{ roles: ['crisisteam'] }] },
	// The map is drawn by those who work the incident: the crisis team and every discipline.
	'map.draw': { label: 'Op de incidentkaart tekenen en kaartobjecten wijzigen', allow: [{ roles: ['crisisteam', ...DISCIPLINE_OFFICERS] }, exercise(['oefenleider'])] },
	'picture.write.samenvatting': { label: 'Beeld: samenvatting schrijven', allow: [{ roles: ['crisisteam'] }, exercise(['oefenleider'])] },
	'picture.write.brandweer': { label: 'Beeld: deel brandweer schrijven', allow: [{ roles: ['crisisteam', 'brandweer'] }, exercise(['oefenleider'])] },
	'picture.write.ghor': { label: 'Beeld: deel GHOR schrijven', allow: [{ roles: ['crisisteam', 'ghor'] }, exercise(['oefenleider'])] },
	'picture.write.politie': { label: 'Beeld: deel politie schrijven', allow: [{ roles: ['crisisteam', 'politie'] }, exercise(['oefenleider'])] },
	'picture.write.bevolkingszorg': { label: 'Beeld: deel bevolkingszorg schrijven', allow: [{ roles: ['crisisteam', 'bevolkingszorg'] }, exercise(['oefenleider'])] },
	'picture.write.communicatie': { label: 'Beeld: deel communicatie schrijven', allow: [{ roles: ['crisisteam', 'bevolkingszorg'] }, exercise(['oefenleider'])] },
	'sitrap.publish': { label: 'SITRAP vaststellen en publiceren', allow: [{ roles: ['crisisteam'] }, exercise(['oefenleider'])] },
	'inject.manage': { label: 'Injects van een oefening beheren', allow: [exercise(['oefenleider'])] },
	// Alerting (issue 23): the crisis team calls the people on duty; an oefenleider does so in an
	// exercise. Everyone in crisis work may see who is on duty; a regional beheerder keeps the roster.
	'alert.send': { label: 'Piketfuncties alarmeren', allow: [{ roles: ['crisisteam'] }, exercise(['oefenleider'])] },
	'oncall.read': { label: 'Zien wie piketdienst heeft', allow: [{ roles: INCIDENT_READERS }] },
	'oncall.manage': { label: 'Het piketrooster en de alarmering per GRIP-niveau beheren', allow: [{ roles: ['beheerder'], regionalOnly: true }] },
	'timeline.export': { label: 'Tijdlijn exporteren', allow: [{ roles: ['crisisteam'] }, exercise(['oefenleider'])] },

	// Bluswater: the board is read by everyone in crisis work; the fleet belongs to the region.
	'bluswater.read': { label: 'Bluswaterbord lezen', allow: [{ roles: INCIDENT_READERS }] },
	'bluswater.manage': { label: 'Bluswater aansturen (verzoeken, inzet)', allow: [{ roles: ['brandweer', 'crisisteam'] }, exercise(['oefenleider'])] },
	'fleet.edit': { label: 'Het regionale wagenpark wijzigen', allow: [{ roles: ['beheerder'], regionalOnly: true }] },

	// The integral safety plan (DOMAIN.md §8): the beleidsadviseur OOV of exactly the plan's
	// municipality writes it; the mayor's kabinet reads its own municipality's, and a regional grant
	// (the WIV) reads all nine. Bibob appears in a plan only as counts, never a file.
	'safetyplan.read': { label: 'Het integraal veiligheidsplan lezen', allow: [{ roles: ['beleidsadviseur', 'kabinet'] }] },
	'safetyplan.write': { label: 'Het integraal veiligheidsplan en zijn uitvoering bijwerken', allow: [{ roles: ['beleidsadviseur'], exactMunicipality: true }] },

	'notice.post': { label: 'Mededelingen plaatsen', allow: [{ roles: ['crisisteam', 'beheerder'] }] },
	// Grants: within the beheerder's own scope, never to themselves (checked in mayGrant).
	'users.manage': { label: 'Gebruikers en rollen beheren', allow: [{ roles: ['beheerder'] }] },
	// A Bibob grant needs a second person: the regional beheerder, or a second beheerder confirming.
	'grant.bibob.confirm': { label: 'Een Bibob-rol bevestigen (vier ogen)', allow: [{ roles: ['beheerder'] }] },
	// The organisations' identity providers serve the whole region: a regional beheerder sets them up.
	'identity.providers.manage': { label: 'Inlogdiensten van organisaties beheren', allow: [{ roles: ['beheerder'], regionalOnly: true }] },
	'audit.read': { label: 'Auditlog lezen', allow: [{ roles: ['beheerder'] }] },
	// The outbox holds messages to people of every municipality: the regional beheerder watches it.
	'outbox.manage': { label: 'Uitgaande e-mail en pushberichten volgen en opnieuw versturen', allow: [{ roles: ['beheerder'], regionalOnly: true }] },
	'policy.read': { label: 'Het rechtenoverzicht lezen', allow: [{ roles: ['beheerder'] }] }
} as const satisfies Record<string, ActionPolicy>;

export type Action = keyof typeof POLICY;

/** Grants of these roles count only in a session opened with the second factor. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['bibob'];

/** Roles whose grants carry a discipline (brandweer, GHOR or politie) — the advisers. */
export const ROLES_WITH_DISCIPLINE: readonly Role[] = ['adviseur'];

/** Roles whose grant is confirmed by a second person before it counts. */
export const FOUR_EYES_ROLES: readonly Role[] = ['bibob'];
