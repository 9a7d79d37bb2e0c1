// The shared situation picture (situatiebeeld) of an incident: one current text per section,
// each showing its age and turning visibly stale after a set time; a SITRAP publishes a
// numbered, timed version of the whole picture (DOMAIN.md §4).

export const PICTURE_SECTIONS = ['samenvatting', 'brandweer', 'ghor', 'politie', 'bevolkingszorg', 'communicatie'] as const;
export type PictureSection = (typeof PICTURE_SECTIONS)[number];

export const PICTURE_SECTION_LABELS: Record<PictureSection, string> = {
	samenvatting: 'Managementsamenvatting',
	brandweer: 'Brandweer',
	ghor: 'GHOR',
	politie: 'Politie',
	bevolkingszorg: 'Bevolkingszorg',
	communicatie: 'Communicatie'
};

export function isPictureSection(value: unknown): value is PictureSection {
	return typeof value === 'string' && (PICTURE_SECTIONS as readonly string[]).includes(value);
}

/** Paraat's default: a section not updated for 30 minutes is stale (configurable). */
export const DEFAULT_STALE_MINUTES = 30;

export type SectionState = 'leeg' | 'actueel' | 'verouderd';

export interface SectionAge {
	state: SectionState;
	/** Whole minutes since the last update, or null for a section never written. */
	minutes: number | null;
	/** Dutch, for the screen: "zojuist", "12 min geleden", "1 uur 5 min geleden", "nog niet ingevuld". */
	label: string;
}

export function formatAge(minutes: number): string {
	if (minutes < 1) return 'zojuist';
	if (minutes < 60) return `${minutes} min geleden`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours < 24) return rest === 0 ? `${hours} uur geleden` : `${hours} uur ${rest} min geleden`;
	const days = Math.floor(hours / 24);
	return days === 1 ? '1 dag geleden' : `${days} dagen geleden`;
}

/**
 * How old a section is and whether it is stale: older than `thresholdMinutes` (strictly), or
 * empty. A time slightly ahead of `now` (another clock) counts as just now.
 */
export function sectionAge(updatedAt: Date | string | null, now: Date, thresholdMinutes: number = DEFAULT_STALE_MINUTES): SectionAge {
	if (updatedAt === null) return { state: 'leeg', minutes: null, label: 'nog niet ingevuld' };
	const at = typeof updatedAt === 'string' ? new Date(updatedAt) : updatedAt;
	const minutes = Math.max(0, Math.floor((now.getTime() - at.getTime()) / 60_000));
	const threshold = Number.isFinite(thresholdMinutes) && thresholdMinutes > 0 ? thresholdMinutes : DEFAULT_STALE_MINUTES;
	return { state: minutes >= threshold ? 'verouderd' : 'actueel', minutes, label: formatAge(minutes) };
}

/** The stale threshold from configuration (minutes), falling back to the default for nonsense. */
export function staleThreshold(configured: string | number | undefined | null): number {
	const value = typeof configured === 'string' ? Number(configured.trim() || NaN) : configured;
	return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 24 * 60 ? value : DEFAULT_STALE_MINUTES;
}

/** SITRAPs are numbered 1, 2, 3 … per incident, without gaps. */
export function nextSitrapNumber(published: number[]): number {
	return published.length === 0 ? 1 : Math.max(...published) + 1;
}

/** The title of a SITRAP, with the exercise mark for an exercise. */
export function sitrapTitle(number: number, exercise: boolean): string {
	return `${exercise ? 'OEFENING — ' : ''}SITRAP ${number}`;
}
