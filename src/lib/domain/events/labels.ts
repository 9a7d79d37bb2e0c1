// Dutch labels for the risicoscan questions on the application form.
import type { Activity, AlcoholLevel, AudienceGroup, Site } from '../risicoscan/model.ts';

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
