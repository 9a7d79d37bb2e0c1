// Scores one application: points per criterion, class by points, floors that raise the class, and
// which services must advise. Every number and threshold comes from the model, so a municipality's
// own model scores through the same code.
import {
	calendarDaysSpanned,
	endsAfterOneAm,
	eventDateRange,
	formatLocalTime,
	spansMoreThanOneCalendarDay
} from './local-time.ts';
import {
	DEFAULT_RISICOSCAN_MODEL,
	type Activity,
	type Advice,
	type AlcoholLevel,
	type AudienceGroup,
	type Category,
	type DensityBand,
	type Floor,
	type FloorRule,
	type PeakVisitorBand,
	type Profile,
	type Reason,
	type ReasonCode,
	type RisicoscanInput,
	type RisicoscanModel,
	type RisicoscanResult,
	type Site,
	type YesNoCriterion
} from './model.ts';

const PROFILE_OF: Record<ReasonCode, Profile> = {
	peak_visitors: 'publiek',
	density: 'publiek',
	risk_groups: 'publiek',
	youth: 'publiek',
	alcohol: 'publiek',
	drugs: 'publiek',
	rival_groups: 'publiek',
	amplified_music: 'activiteit',
	fireworks: 'activiteit',
	open_fire_gas: 'activiteit',
	temporary_structures: 'activiteit',
	animals: 'activiteit',
	water_activity: 'activiteit',
	motor_vehicles: 'activiteit',
	funfair_rides: 'activiteit',
	endurance_sport: 'activiteit',
	late_end: 'activiteit',
	multi_day: 'activiteit',
	site: 'ruimte',
	indoor_large: 'ruimte',
	enclosed: 'ruimte',
	road_closures: 'ruimte',
	poor_access: 'ruimte',
	near_hazard: 'ruimte',
	concurrent_events: 'context'
};

// Reasons are listed in the order of the published point table.
const REASON_ORDER = Object.keys(PROFILE_OF) as ReasonCode[];

const CATEGORY_RANK: Record<Category, number> = { A: 0, B: 1, C: 2 };

const AUDIENCE_NAME: Record<AudienceGroup, string> = {
	children: 'kinderen',
	elderly: 'ouderen',
	less_self_reliant: 'minder zelfredzamen',
	youth: 'jongeren'
};

export const ALCOHOL_LABEL: Record<AlcoholLevel, string> = {
	none: 'Geen alcohol',
	limited: 'Beperkt alcoholgebruik',
	heavy: 'Veel alcoholgebruik'
};

export const SITE_NAME: Record<Site, string> = {
	street: 'straat',
	beach: 'strand',
	park: 'park',
	terrain: 'terrein',
	building: 'gebouw',
	nature: 'natuurgebied (duin, bos)',
	water: 'op het water'
};

const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const dutchList = new Intl.ListFormat('nl-NL', { type: 'conjunction' });

/** Persons per m² at peak, or undefined when the usable area is not known. */
export function visitorDensity(input: Pick<RisicoscanInput, 'peakVisitors' | 'areaM2'>): number | undefined {
	if (input.areaM2 === undefined || input.areaM2 <= 0) return undefined;
	return input.peakVisitors / input.areaM2;
}

/** The class the points alone give, by the model's thresholds. */
export function categoryForPoints(points: number, model: RisicoscanModel = DEFAULT_RISICOSCAN_MODEL): Category {
	if (points >= model.classThresholds.C) return 'C';
	if (points >= model.classThresholds.B) return 'B';
	return 'A';
}

export function higherCategory(a: Category, b: Category): Category {
	return CATEGORY_RANK[b] > CATEGORY_RANK[a] ? b : a;
}

/** Which yes/no criteria hold for this application, whatever points the model gives them. */
export function yesNoCriteriaThatHold(
	input: RisicoscanInput,
	model: RisicoscanModel = DEFAULT_RISICOSCAN_MODEL
): Record<YesNoCriterion, boolean> {
	const has = (activity: Activity) => input.activities.includes(activity);
	return {
		risk_groups: input.audience.some((group) => group !== 'youth'),
		youth: input.audience.includes('youth'),
		drugs: input.drugsExpected,
		rival_groups: input.rivalGroups,
		amplified_music: has('amplified_music'),
		fireworks: has('fireworks'),
		open_fire_gas: has('open_fire') || has('gas'),
		temporary_structures: has('temporary_structures'),
		animals: has('animals'),
		water_activity: has('water_activity'),
		motor_vehicles: has('motor_vehicles'),
		funfair_rides: has('funfair_rides'),
		endurance_sport: has('endurance_sport'),
		late_end: endsAfterOneAm(input.endsAt),
		multi_day: spansMoreThanOneCalendarDay(input.startsAt, input.endsAt),
		indoor_large: input.indoor && input.peakVisitors >= model.indoorLargeMinPeak,
		enclosed: input.enclosed,
		road_closures: input.roadClosures,
		poor_access: input.poorAccess,
		near_hazard: input.nearHazard,
		concurrent_events: (input.concurrentEvents ?? 0) >= 1
	};
}

/** The Dutch label of a yes/no criterion for this application (also used by the advice routing). */
export function yesNoLabel(criterion: YesNoCriterion, input: RisicoscanInput, model: RisicoscanModel): string {
	switch (criterion) {
		case 'risk_groups': {
			const groups = [...new Set(input.audience.filter((group) => group !== 'youth'))];
			return `Risicogroepen onder het publiek: ${dutchList.format(groups.map((group) => AUDIENCE_NAME[group]))}`;
		}
		case 'youth':
			return 'Overwegend jongeren';
		case 'drugs':
			return 'Drugsgebruik verwacht';
		case 'rival_groups':
			return 'Rivaliserende of vijandige groepen';
		case 'amplified_music':
			return 'Versterkte muziek';
		case 'fireworks':
			return 'Vuurwerk of pyrotechniek';
		case 'open_fire_gas': {
			const kinds = [
				input.activities.includes('open_fire') ? 'open vuur' : undefined,
				input.activities.includes('gas') ? 'gas' : undefined
			].filter((kind) => kind !== undefined);
			const text = dutchList.format(kinds);
			return text.charAt(0).toUpperCase() + text.slice(1);
		}
		case 'temporary_structures':
			return 'Tijdelijke bouwwerken (tenten, podia, kramen)';
		case 'animals':
			return 'Dieren';
		case 'water_activity':
			return 'Activiteit op of in het water';
		case 'motor_vehicles':
			return 'Motorvoertuigen (races, shows)';
		case 'funfair_rides':
			return 'Kermisattracties';
		case 'endurance_sport':
			return 'Duursport (hardlopen, fietsen, zwemmen)';
		case 'late_end':
			return `Eindigt na 01:00 (eindtijd ${formatLocalTime(input.endsAt)})`;
		case 'multi_day': {
			const days = calendarDaysSpanned(input.startsAt, input.endsAt);
			const range = eventDateRange(input.startsAt, input.endsAt);
			return `Meer dan één kalenderdag (${days} dagen, ${range.first} t/m ${range.last})`;
		}
		case 'indoor_large':
			return (
				`Binnen met ${integerFormat.format(model.indoorLargeMinPeak)} of meer bezoekers ` +
				`(piek ${integerFormat.format(input.peakVisitors)})`
			);
		case 'enclosed':
			return 'Omsloten terrein met gecontroleerde uitgangen';
		case 'road_closures':
			return 'Wegafsluitingen nodig';
		case 'poor_access':
			return 'Slechte bereikbaarheid voor hulpdiensten';
		case 'near_hazard':
			return 'Nabij een risicobron (Brzo-bedrijf, spoor, hoogspanning, diep water)';
		case 'concurrent_events': {
			const count = input.concurrentEvents ?? 0;
			return count === 1
				? '1 ander B- of C-evenement in de regio op dezelfde dag'
				: `${integerFormat.format(count)} andere B- of C-evenementen in de regio op dezelfde dag`;
		}
	}
}

function peakBandIndex(bands: readonly PeakVisitorBand[], peak: number): number {
	return bands.findLastIndex((band) => peak >= band.min);
}

function describePeakBand(bands: readonly PeakVisitorBand[], index: number): string {
	const band = bands[index];
	const next = bands[index + 1];
	if (!band) return '';
	if (!next) return `≥ ${integerFormat.format(band.min)}`;
	return `${integerFormat.format(band.min)}–${integerFormat.format(next.min - 1)}`;
}

function inDensityBand(band: DensityBand, density: number): boolean {
	return band.minInclusive ? density >= band.min : density > band.min;
}

function densityBandIndex(bands: readonly DensityBand[], density: number): number {
	return bands.findLastIndex((band) => inDensityBand(band, density));
}

function describeDensityBand(bands: readonly DensityBand[], index: number): string {
	const band = bands[index];
	const next = bands[index + 1];
	if (!band) return '';
	const from = decimalFormat.format(band.min);
	if (!next) return `${band.minInclusive ? '≥' : '>'} ${from}`;
	const to = decimalFormat.format(next.min);
	// The next band's lower bound decides whether this band's upper bound is included.
	if (band.minInclusive) return next.minInclusive ? `${from} tot ${to}` : `${from}–${to}`;
	return next.minInclusive ? `meer dan ${from}, minder dan ${to}` : `meer dan ${from} t/m ${to}`;
}

function peakLabel(peak: number): string {
	return `Piekbezetting ${integerFormat.format(peak)} ${peak === 1 ? 'bezoeker' : 'bezoekers'}`;
}

function densityLabel(density: number): string {
	return `Bezoekersdichtheid ${decimalFormat.format(density)} personen/m²`;
}

function gradedReason(
	code: Exclude<ReasonCode, YesNoCriterion>,
	input: RisicoscanInput,
	model: RisicoscanModel
): { points: number; label: string } | undefined {
	switch (code) {
		case 'peak_visitors': {
			const index = peakBandIndex(model.peakVisitorBands, input.peakVisitors);
			const band = model.peakVisitorBands[index];
			if (!band) return undefined;
			const label = `${peakLabel(input.peakVisitors)} (${describePeakBand(model.peakVisitorBands, index)})`;
			return { points: band.points, label };
		}
		case 'density': {
			const density = visitorDensity(input);
			if (density === undefined) return undefined;
			const index = densityBandIndex(model.densityBands, density);
			const band = model.densityBands[index];
			if (!band) return undefined;
			const label = `${densityLabel(density)} (${describeDensityBand(model.densityBands, index)})`;
			return { points: band.points, label };
		}
		case 'alcohol':
			return { points: model.alcoholPoints[input.alcohol], label: ALCOHOL_LABEL[input.alcohol] };
		case 'site':
			return { points: model.sitePoints[input.site], label: `Locatie: ${SITE_NAME[input.site]}` };
	}
}

function isGraded(code: ReasonCode): code is Exclude<ReasonCode, YesNoCriterion> {
	return code === 'peak_visitors' || code === 'density' || code === 'alcohol' || code === 'site';
}

/** Every criterion that scored points, in the order of the point table. */
export function scoredReasons(
	input: RisicoscanInput,
	model: RisicoscanModel = DEFAULT_RISICOSCAN_MODEL,
	holds: Record<YesNoCriterion, boolean> = yesNoCriteriaThatHold(input, model)
): Reason[] {
	const reasons: Reason[] = [];
	for (const code of REASON_ORDER) {
		let scored: { points: number; label: string } | undefined;
		if (isGraded(code)) scored = gradedReason(code, input, model);
		else if (holds[code]) scored = { points: model.criterionPoints[code], label: yesNoLabel(code, input, model) };
		// A criterion a model weighs at 0 points did not add to the score, so it is no reason.
		if (scored && scored.points !== 0) reasons.push({ code, profile: PROFILE_OF[code], ...scored });
	}
	return reasons;
}

function floorLabel(rule: FloorRule, input: RisicoscanInput, model: RisicoscanModel): string {
	const raises = `minimaal klasse ${rule.category}`;
	switch (rule.kind) {
		case 'peak_visitors':
			return `${peakLabel(input.peakVisitors)} (≥ ${integerFormat.format(rule.minPeakVisitors)}): ${raises}`;
		case 'density':
			return `${densityLabel(visitorDensity(input) ?? 0)} (> ${decimalFormat.format(rule.densityAbove)}): ${raises}`;
		case 'criterion':
			return `${yesNoLabel(rule.criterion, input, model)}: ${raises}`;
	}
}

function floorHolds(rule: FloorRule, input: RisicoscanInput, holds: Record<YesNoCriterion, boolean>): boolean {
	switch (rule.kind) {
		case 'peak_visitors':
			return input.peakVisitors >= rule.minPeakVisitors;
		case 'density': {
			const density = visitorDensity(input);
			return density !== undefined && density > rule.densityAbove;
		}
		case 'criterion':
			return holds[rule.criterion];
	}
}

/** Every floor whose condition holds, whether or not the points already reached its class. */
export function applicableFloors(
	input: RisicoscanInput,
	model: RisicoscanModel = DEFAULT_RISICOSCAN_MODEL,
	holds: Record<YesNoCriterion, boolean> = yesNoCriteriaThatHold(input, model)
): Floor[] {
	return model.floors
		.filter((rule) => floorHolds(rule, input, holds))
		.map((rule) => ({ code: rule.code, category: rule.category, label: floorLabel(rule, input, model) }));
}

/**
 * Who advises for an event of this class. Takes the class as an argument so that an officer's
 * override of the class routes the advice by the overriding class.
 */
export function adviceForCategory(
	category: Category,
	input: RisicoscanInput,
	model: RisicoscanModel = DEFAULT_RISICOSCAN_MODEL,
	holds: Record<YesNoCriterion, boolean> = yesNoCriteriaThatHold(input, model)
): Advice {
	if (category === 'A') return { brandweer: false, ghor: false, politie: false, joint: false };
	if (category === 'C') return { brandweer: true, ghor: true, politie: true, joint: true };
	const { brandweer, ghor } = model.advice;
	return {
		brandweer: brandweer.criteria.some((criterion) => holds[criterion]) || brandweer.sites.includes(input.site),
		ghor:
			input.peakVisitors >= ghor.minPeakVisitors ||
			ghor.criteria.some((criterion) => holds[criterion]) ||
			ghor.alcohol.includes(input.alcohol),
		politie: true,
		joint: false
	};
}

export function scoreRisicoscan(
	input: RisicoscanInput,
	model: RisicoscanModel = DEFAULT_RISICOSCAN_MODEL
): RisicoscanResult {
	const holds = yesNoCriteriaThatHold(input, model);
	const reasons = scoredReasons(input, model, holds);
	const floors = applicableFloors(input, model, holds);
	const points = reasons.reduce((sum, reason) => sum + reason.points, 0);
	const category = floors.reduce(
		(highest, floor) => higherCategory(highest, floor.category),
		categoryForPoints(points, model)
	);
	return { points, category, reasons, floors, advice: adviceForCategory(category, input, model, holds) };
}
