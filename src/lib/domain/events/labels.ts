// Dutch labels for the risicoscan questions on the application form.
import type { Activity, AlcoholLevel, AudienceGroup, FloorRule, Site, YesNoCriterion } from '../risicoscan/model.ts';

export const AUDIENCE_LABELS: Record<AudienceGroup, string> = {
	children: 'Kinderen',
	elderly: 'Ouderen',
	less_self_reliant: 'Minder zelfredzame bezoekers',
	youth: 'Overwegend jongeren'
};

export const ALCOHOL_LABELS: Record<AlcoholLevel, string> = {
	none: 'Geen alcohol',
	limited: 'Beperkt alcoholgebruik',
	heavy: 'Veel alcoholgebruik'
};

export const ACTIVITY_LABELS: Record<Activity, string> = {
	amplified_music: 'Versterkte muziek',
	fireworks: 'Vuurwerk of pyrotechniek',
	open_fire: 'Open vuur',
	gas: 'Gas (bijvoorbeeld kooktoestellen)',
	temporary_structures: 'Tijdelijke bouwwerken (tenten, podia, kramen)',
	animals: 'Dieren',
	water_activity: 'Activiteit op of in het water',
	motor_vehicles: 'Motorvoertuigen (races, shows)',
	funfair_rides: 'Kermisattracties',
	endurance_sport: 'Duursport (hardlopen, fietsen, zwemmen)'
};

export const SITE_LABELS: Record<Site, string> = {
	street: 'Straat of plein',
	beach: 'Strand',
	park: 'Park',
	terrain: 'Evenemententerrein',
	building: 'Gebouw',
	nature: 'Natuurgebied (duin, bos)',
	water: 'Op het water'
};

export const PROFILE_LABELS: Record<string, string> = {
	publiek: 'Publieksprofiel',
	activiteit: 'Activiteitenprofiel',
	ruimte: 'Ruimtelijk profiel',
	context: 'Context'
};

/** The risicoscan's yes/no criteria by name, for the beheerder's model form (no codes on a page). */
export const CRITERION_LABELS: Record<YesNoCriterion, string> = {
	risk_groups: 'Risicogroepen (kinderen, ouderen, mindervaliden)',
	youth: 'Overwegend jongeren',
	drugs: 'Drugsgebruik verwacht',
	rival_groups: 'Rivaliserende groepen',
	amplified_music: 'Versterkte muziek',
	fireworks: 'Vuurwerk',
	open_fire_gas: 'Open vuur of gas',
	temporary_structures: 'Tijdelijke bouwwerken',
	animals: 'Dieren',
	water_activity: 'Activiteit op of aan het water',
	motor_vehicles: 'Gemotoriseerde voertuigen',
	funfair_rides: 'Kermisattracties',
	endurance_sport: 'Duursport',
	late_end: 'Laat einde',
	multi_day: 'Meerdaags',
	indoor_large: 'Groot evenement binnen',
	enclosed: 'Omsloten terrein',
	road_closures: 'Wegafsluitingen',
	poor_access: 'Slechte bereikbaarheid',
	near_hazard: 'Nabij risicobron',
	concurrent_events: 'Andere evenementen tegelijk'
};

/** A floor rule of the model by name: "piekbezetting (klasse C)", "vuurwerk (klasse B)". */
export function floorRuleLabel(rule: FloorRule): string {
	const what =
		rule.kind === 'peak_visitors' ? 'Piekbezetting vanaf' : rule.kind === 'density' ? 'Dichtheid boven (personen per m²)' : CRITERION_LABELS[rule.criterion];
	return `${what} (klasse ${rule.category})`;
}
