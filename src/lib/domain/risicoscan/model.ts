// The risicoscan's vocabulary and its scoring model. The model is plain JSON-compatible data, so a
// municipality can store its own points and thresholds and score with them unchanged.

export type Category = 'A' | 'B' | 'C';
export type Profile = 'publiek' | 'activiteit' | 'ruimte' | 'context';

export const AUDIENCE_GROUPS = ['children', 'elderly', 'less_self_reliant', 'youth'] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];

export const ALCOHOL_LEVELS = ['none', 'limited', 'heavy'] as const;
export type AlcoholLevel = (typeof ALCOHOL_LEVELS)[number];

export const ACTIVITIES = [
	'amplified_music',
	'fireworks',
	'open_fire',
	'gas',
	'temporary_structures',
	'animals',
	'water_activity',
	'motor_vehicles',
	'funfair_rides',
	'endurance_sport'
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const SITES = ['street', 'beach', 'park', 'terrain', 'building', 'nature', 'water'] as const;
export type Site = (typeof SITES)[number];

/** An ISO 8601 string with offset, or a Date (as read from a timestamptz column). */
export type Instant = string | Date;

/** One application as the risicoscan sees it; the shape of the POST /api/v1/risicoscan body. */
export interface RisicoscanInput {
	peakVisitors: number;
	totalVisitors?: number | undefined;
	areaM2?: number | undefined;
	startsAt: Instant;
	endsAt: Instant;
	audience: readonly AudienceGroup[];
	alcohol: AlcoholLevel;
	drugsExpected: boolean;
	rivalGroups: boolean;
	activities: readonly Activity[];
	site: Site;
	indoor: boolean;
	enclosed: boolean;
	roadClosures: boolean;
	poorAccess: boolean;
	nearHazard: boolean;
	concurrentEvents?: number | undefined;
}

/** Criteria that either hold or not; each scores a fixed number of points when it holds. */
export const YES_NO_CRITERIA = [
	'risk_groups',
	'youth',
	'drugs',
	'rival_groups',
	'amplified_music',
	'fireworks',
	'open_fire_gas',
	'temporary_structures',
	'animals',
	'water_activity',
	'motor_vehicles',
	'funfair_rides',
	'endurance_sport',
	'late_end',
	'multi_day',
	'indoor_large',
	'enclosed',
	'road_closures',
	'poor_access',
	'near_hazard',
	'concurrent_events'
] as const;
export type YesNoCriterion = (typeof YES_NO_CRITERIA)[number];

/** Criteria whose points depend on a value (a band, a level or a kind of site). */
export type GradedCriterion = 'peak_visitors' | 'density' | 'alcohol' | 'site';

export type ReasonCode = GradedCriterion | YesNoCriterion;

export interface Reason {
	code: ReasonCode;
	profile: Profile;
	points: number;
	label: string;
}

export interface Floor {
	code: string;
	category: Category;
	label: string;
}

export interface Advice {
	brandweer: boolean;
	ghor: boolean;
	politie: boolean;
	/** One joint multidisciplinary advice (class C). */
	joint: boolean;
}

export interface RisicoscanResult {
	points: number;
	category: Category;
	reasons: Reason[];
	floors: Floor[];
	advice: Advice;
}

/** Applies from `min` visitors (inclusive) up to the next band's `min`. Bands ascend. */
export interface PeakVisitorBand {
	readonly min: number;
	readonly points: number;
}

/** Applies from `min` persons/m² up to the next band; `minInclusive: false` means strictly above `min`. */
export interface DensityBand {
	readonly min: number;
	readonly minInclusive: boolean;
	readonly points: number;
}

/** A floor raises the class to at least `category` when its condition holds; `code` names it in results. */
export type FloorRule = { readonly code: string; readonly category: Category } & (
	| { readonly kind: 'peak_visitors'; readonly minPeakVisitors: number }
	| { readonly kind: 'density'; readonly densityAbove: number }
	/** Holds when the criterion holds, even if the model weighs it at 0 points. */
	| { readonly kind: 'criterion'; readonly criterion: YesNoCriterion }
);

/** Which services advise on a class B event; in class A nobody has to, in class C all three do jointly. */
export interface AdviceRouting {
	readonly brandweer: { readonly criteria: readonly YesNoCriterion[]; readonly sites: readonly Site[] };
	readonly ghor: {
		readonly minPeakVisitors: number;
		readonly criteria: readonly YesNoCriterion[];
		readonly alcohol: readonly AlcoholLevel[];
	};
}

export interface RisicoscanModel {
	/** Stored beside every computed result, so an old result can be explained after the model changes. */
	readonly version: string;
	readonly peakVisitorBands: readonly PeakVisitorBand[];
	readonly densityBands: readonly DensityBand[];
	readonly alcoholPoints: Readonly<Record<AlcoholLevel, number>>;
	readonly sitePoints: Readonly<Record<Site, number>>;
	readonly criterionPoints: Readonly<Record<YesNoCriterion, number>>;
	/** An indoor event counts as large from this many peak visitors. */
	readonly indoorLargeMinPeak: number;
	/** The least number of points for class B and for class C; fewer than `B` is class A. */
	readonly classThresholds: { readonly B: number; readonly C: number };
	readonly floors: readonly FloorRule[];
	readonly advice: AdviceRouting;
}

/** Paraat's default model, DOMAIN.md §2 "Paraat's default risicoscan". */
export const DEFAULT_RISICOSCAN_MODEL: RisicoscanModel = {
	version: 'paraat-default-2026-1',
	peakVisitorBands: [
		{ min: 0, points: 0 },
		{ min: 250, points: 1 },
		{ min: 1_000, points: 3 },
		{ min: 5_000, points: 5 },
		{ min: 15_000, points: 8 },
		{ min: 50_000, points: 12 }
	],
	densityBands: [
		{ min: 0, minInclusive: true, points: 0 },
		{ min: 1, minInclusive: true, points: 2 },
		{ min: 2.4, minInclusive: false, points: 4 }
	],
	alcoholPoints: { none: 0, limited: 1, heavy: 3 },
	sitePoints: { street: 1, beach: 1, park: 0, terrain: 0, building: 0, nature: 2, water: 2 },
	criterionPoints: {
		risk_groups: 2,
		youth: 1,
		drugs: 3,
		rival_groups: 3,
		amplified_music: 1,
		fireworks: 3,
		open_fire_gas: 2,
		temporary_structures: 2,
		animals: 1,
		water_activity: 2,
		motor_vehicles: 3,
		funfair_rides: 2,
		endurance_sport: 3,
		late_end: 2,
		multi_day: 2,
		indoor_large: 2,
		enclosed: 1,
		road_closures: 1,
		poor_access: 3,
		near_hazard: 3,
		concurrent_events: 2
	},
	indoorLargeMinPeak: 1_000,
	classThresholds: { B: 7, C: 14 },
	floors: [
		{ kind: 'peak_visitors', code: 'peak_visitors_c', minPeakVisitors: 15_000, category: 'C' },
		{ kind: 'density', code: 'density_c', densityAbove: 4, category: 'C' },
		{ kind: 'peak_visitors', code: 'peak_visitors_b', minPeakVisitors: 5_000, category: 'B' },
		{ kind: 'density', code: 'density_b', densityAbove: 2.4, category: 'B' },
		{ kind: 'criterion', code: 'fireworks', criterion: 'fireworks', category: 'B' },
		{ kind: 'criterion', code: 'motor_vehicles', criterion: 'motor_vehicles', category: 'B' },
		{ kind: 'criterion', code: 'drugs', criterion: 'drugs', category: 'B' }
	],
	advice: {
		brandweer: {
			criteria: [
				'open_fire_gas',
				'fireworks',
				'temporary_structures',
				'funfair_rides',
				'indoor_large',
				'poor_access',
				'near_hazard'
			],
			sites: ['nature']
		},
		ghor: {
			minPeakVisitors: 2_000,
			criteria: ['drugs', 'risk_groups', 'endurance_sport', 'water_activity', 'multi_day'],
			alcohol: ['heavy']
		}
	}
};
