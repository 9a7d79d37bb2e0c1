// Bluswater (DOMAIN.md §6): since 2022 the Kennemerland fire service brings its own water in
// watertankwagens (WTW) and grootwatertransportsystemen (GWT). These pure sums answer the
// officer's question: how long does the water on this fire last, and who must come next?
// Every number that is a rule of ours (speeds, thresholds, turnout) is data in WATER_RULES.

export const UNIT_KINDS = ['wtw', 'gwt'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { wtw: 'Watertankwagen', gwt: 'Grootwatertransport' };

export const CREW_TYPES = ['beroeps', 'vrijwillig'] as const;
export type CrewType = (typeof CREW_TYPES)[number];

export const UNIT_STATUSES = [
	'beschikbaar',
	'gealarmeerd',
	'onderweg',
	'ter_plaatse',
	'pendelen',
	'vullen',
	'retour',
	'buiten_dienst'
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
	beschikbaar: 'Beschikbaar',
	gealarmeerd: 'Gealarmeerd',
	onderweg: 'Onderweg',
	ter_plaatse: 'Ter plaatse',
	pendelen: 'Pendelen',
	vullen: 'Vullen',
	retour: 'Retour',
	buiten_dienst: 'Buiten dienst'
};

/** Statuses in which an assigned unit is bringing (more) water to its fire. */
export const ON_THE_WAY_STATUSES: readonly UnitStatus[] = ['gealarmeerd', 'onderweg', 'pendelen', 'vullen'];
/** Statuses that end a unit's work on its fire: its open assignment closes with them. */
export const RELEASING_STATUSES: readonly UnitStatus[] = ['beschikbaar', 'retour', 'buiten_dienst'];

export const REFILL_KINDS = ['open_water', 'put', 'brandkraan_secundair'] as const;
export type RefillKind = (typeof REFILL_KINDS)[number];
export const REFILL_KIND_LABELS: Record<RefillKind, string> = {
	open_water: 'Open water',
	put: 'Put',
	brandkraan_secundair: 'Secundaire brandkraan'
};

export interface WaterRules {
	defaultDemandLpm: number;
	averageSpeedKmh: number;
	roadFactor: number;
	turnoutMinutes: Record<CrewType, number>;
	connectMinutes: number;
	gauge: { amberAtMinutes: number; redAtMinutes: number };
}

/** Our rules (not national norms); change them here, the tests name the effect. */
export const WATER_RULES: WaterRules = {
	/** A building fire needs about 500 l/min (DOMAIN.md §6). */
	defaultDemandLpm: 500,
	/** Average speed of a heavy tanker under blue lights, straight-line km made road km by roadFactor. */
	averageSpeedKmh: 50,
	roadFactor: 1.3,
	/** From alarm to rolling out: a professional crew is in the station, volunteers come from home. */
	turnoutMinutes: { beroeps: 1, vrijwillig: 5 },
	/** A primary supply must give water within 3 minutes of arrival (brandweer.nl): hose-up time. */
	connectMinutes: 3,
	/** Minutes of water left at which the gauge turns amber and red. */
	gauge: { amberAtMinutes: 15, redAtMinutes: 5 }
};

export interface LatLon {
	lat: number;
	lon: number;
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: LatLon, b: LatLon): number {
	const dLat = rad(b.lat - a.lat);
	const dLon = rad(b.lon - a.lon);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Driving minutes for a straight-line distance: roads are longer than the crow flies. */
export function driveMinutes(km: number, rules: WaterRules = WATER_RULES): number {
	return ((km * rules.roadFactor) / rules.averageSpeedKmh) * 60;
}

// ---------------------------------------------------------------------------------------------
// Water on scene

/** A unit assigned to a water request, as far as the sums need it. */
export interface SupplyUnit {
	unitId: string;
	code: string;
	kind: UnitKind;
	status: UnitStatus;
	crew: CrewType;
	capacityLitres: number;
	pumpRateLpm: number;
	/** Where the unit is now (its station until someone says otherwise). */
	position: LatLon | null;
	/** When it last arrived on scene (full); null if it has not. */
	arrivedAt: Date | null;
	/** A level reported by the crew, and when; it replaces the computed level from then on. */
	litresLeft: number | null;
	litresLeftAt: Date | null;
}

const minutesBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 60_000);

/**
 * Litres left in each tanker on scene at `now`. The tankers feed the fire one after another in
 * order of arrival (the first one empties first), at the net demand; a crew's reported level
 * overrides what the sum expected from that moment on. A GWT carries no water and is not here.
 */
export function sceneLevels(units: SupplyUnit[], netDemandLpm: number, now: Date): Record<string, number> {
	type Step = { at: Date; unitId: string; level: number; order: number };
	const steps: Step[] = [];
	const onScene = units
		.filter((u) => u.status === 'ter_plaatse' && u.kind === 'wtw' && u.arrivedAt)
		.sort((a, b) => a.arrivedAt!.getTime() - b.arrivedAt!.getTime() || a.unitId.localeCompare(b.unitId));
	onScene.forEach((u, order) => {
		const arrived = u.arrivedAt!.getTime() > now.getTime() ? now : u.arrivedAt!;
		steps.push({ at: arrived, unitId: u.unitId, level: u.capacityLitres, order });
		if (u.litresLeft !== null && u.litresLeftAt && u.litresLeftAt.getTime() >= arrived.getTime()) {
			const at = u.litresLeftAt.getTime() > now.getTime() ? now : u.litresLeftAt;
			steps.push({ at, unitId: u.unitId, level: u.litresLeft, order: order + 0.5 });
		}
	});
	steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);

	const levels: Record<string, number> = {};
	const drawOrder = onScene.map((u) => u.unitId);
	const draw = (litres: number) => {
		let rest = litres;
		for (const id of drawOrder) {
			if (rest <= 0) break;
			if (levels[id] === undefined) continue;
			const take = Math.min(levels[id], rest);
			levels[id] -= take;
			rest -= take;
		}
	};
	let clock: Date | null = null;
	for (const step of steps) {
		if (clock) draw(netDemandLpm * minutesBetween(clock, step.at));
		levels[step.unitId] = step.level;
		clock = step.at;
	}
	if (clock) draw(netDemandLpm * minutesBetween(clock, now));
	return levels;
}

export type GaugeState = 'groen' | 'amber' | 'rood';

/** Green above the amber threshold, red at or below the red one; unlimited water is green. */
export function gaugeState(minutesLeft: number | null, rules: WaterRules = WATER_RULES): GaugeState {
	if (minutesLeft === null) return 'groen';
	if (minutesLeft <= rules.gauge.redAtMinutes) return 'rood';
	if (minutesLeft <= rules.gauge.amberAtMinutes) return 'amber';
	return 'groen';
}

/** Minutes from alarm to arrival: turnout (if not yet rolling) plus the drive. */
export function etaMinutes(unit: Pick<SupplyUnit, 'status' | 'crew' | 'position'>, target: LatLon | null, rules: WaterRules = WATER_RULES): number | null {
	if (!unit.position || !target) return null;
	const drive = driveMinutes(haversineKm(unit.position, target), rules);
	if (unit.status === 'beschikbaar' || unit.status === 'gealarmeerd') return rules.turnoutMinutes[unit.crew] + drive;
	if (unit.status === 'onderweg' || unit.status === 'retour') return drive;
	return null; // pendelen/vullen: depends on the refill, not known here
}

export interface WaterPicture {
	demandLpm: number;
	/** Continuous supply from GWTs on scene, which pump from open water. */
	continuousLpm: number;
	netDemandLpm: number;
	litresOnScene: number;
	litresOnTheWay: number;
	/** Minutes the water on scene lasts; null when the continuous supply covers the demand. */
	minutesLeft: number | null;
	/** Minutes all water on scene and on the way lasts (if all of it arrives in time). */
	minutesLeftWithOnTheWay: number | null;
	/** When the water on scene is gone, and the latest moment the next tanker must arrive. */
	runsOutAt: Date | null;
	nextTankerDueAt: Date | null;
	nextArrival: { unitId: string; code: string; etaMinutes: number } | null;
	gauge: GaugeState;
	warning: string | null;
	levels: Record<string, number>;
}

const whole = (minutes: number) => Math.max(0, Math.floor(minutes));

/**
 * The core sum of the board for one water request: litres on scene and on the way against the
 * demand, minutes left, when the next tanker must arrive, the gauge and a warning in time.
 */
export function waterPicture(
	input: { demandLpm: number; target: LatLon | null; units: SupplyUnit[] },
	now: Date,
	rules: WaterRules = WATER_RULES
): WaterPicture {
	if (!(input.demandLpm > 0)) throw new RangeError('De waterbehoefte moet groter zijn dan 0 l/min.');
	const continuousLpm = input.units
		.filter((u) => u.kind === 'gwt' && u.status === 'ter_plaatse')
		.reduce((sum, u) => sum + u.pumpRateLpm, 0);
	const netDemandLpm = Math.max(0, input.demandLpm - continuousLpm);
	const levels = sceneLevels(input.units, netDemandLpm, now);
	const litresOnScene = Object.values(levels).reduce((a, b) => a + b, 0);
	const coming = input.units.filter((u) => u.kind === 'wtw' && ON_THE_WAY_STATUSES.includes(u.status));
	const litresOnTheWay = coming.reduce((sum, u) => sum + u.capacityLitres, 0);

	const minutesLeft = netDemandLpm === 0 ? null : litresOnScene / netDemandLpm;
	const minutesLeftWithOnTheWay = netDemandLpm === 0 ? null : (litresOnScene + litresOnTheWay) / netDemandLpm;
	const runsOutAt = minutesLeft === null ? null : new Date(now.getTime() + minutesLeft * 60_000);
	const nextTankerDueAt = minutesLeft === null ? null : new Date(now.getTime() + Math.max(0, minutesLeft - rules.connectMinutes) * 60_000);

	let nextArrival: WaterPicture['nextArrival'] = null;
	for (const u of coming) {
		const eta = etaMinutes(u, input.target, rules);
		if (eta !== null && (!nextArrival || eta < nextArrival.etaMinutes)) nextArrival = { unitId: u.unitId, code: u.code, etaMinutes: eta };
	}

	return {
		demandLpm: input.demandLpm,
		continuousLpm,
		netDemandLpm,
		litresOnScene,
		litresOnTheWay,
		minutesLeft,
		minutesLeftWithOnTheWay,
		runsOutAt,
		nextTankerDueAt,
		nextArrival,
		gauge: gaugeState(minutesLeft, rules),
		warning: supplyWarning({ minutesLeft, litresOnScene, comingCount: coming.length, nextArrival }, rules),
		levels
	};
}

/** Warns while there is still time to act: before the water on scene runs out. */
export function supplyWarning(
	state: { minutesLeft: number | null; litresOnScene: number; comingCount: number; nextArrival: WaterPicture['nextArrival'] },
	rules: WaterRules = WATER_RULES
): string | null {
	const { minutesLeft, litresOnScene, comingCount, nextArrival } = state;
	if (minutesLeft === null) return null;
	if (litresOnScene === 0) {
		if (comingCount === 0) return 'Er is geen water ter plaatse en er is geen eenheid onderweg: alarmeer nu een eenheid.';
		return nextArrival
			? `Nog geen water ter plaatse; ${nextArrival.code} is er over ${whole(nextArrival.etaMinutes)} min.`
			: 'Nog geen water ter plaatse; de aankomsttijd van de eenheid is onbekend.';
	}
	const left = whole(minutesLeft);
	if (comingCount === 0) {
		return minutesLeft <= rules.gauge.amberAtMinutes
			? `Het water is over ${left} min op en er is geen eenheid onderweg: alarmeer nu een eenheid.`
			: null;
	}
	if (nextArrival) {
		// The next tanker must be connected before the last one runs dry.
		return nextArrival.etaMinutes + rules.connectMinutes > minutesLeft
			? `Het water is over ${left} min op, maar ${nextArrival.code} is er pas over ${whole(nextArrival.etaMinutes)} min: stuur een eenheid die eerder kan zijn.`
			: null;
	}
	return minutesLeft <= rules.gauge.amberAtMinutes
		? `Het water is over ${left} min op; de aankomsttijd van de volgende eenheid is onbekend.`
		: null;
}

// ---------------------------------------------------------------------------------------------
// Proposal: the nearest free unit

export interface FleetUnit {
	id: string;
	code: string;
	kind: UnitKind;
	status: UnitStatus;
	crew: CrewType;
	station: string;
	position: LatLon;
}

export interface UnitProposal {
	unitId: string;
	code: string;
	station: string;
	distanceKm: number;
	etaMinutes: number;
}

/** Free units of a kind ('beschikbaar' only), fastest first (turnout + drive), then nearest. */
export function proposeUnits(target: LatLon, units: FleetUnit[], kind: UnitKind = 'wtw', rules: WaterRules = WATER_RULES): UnitProposal[] {
	return units
		.filter((u) => u.status === 'beschikbaar' && u.kind === kind)
		.map((u) => {
			const distanceKm = haversineKm(u.position, target);
			return { unitId: u.id, code: u.code, station: u.station, distanceKm, etaMinutes: rules.turnoutMinutes[u.crew] + driveMinutes(distanceKm, rules) };
		})
		.sort((a, b) => a.etaMinutes - b.etaMinutes || a.distanceKm - b.distanceKm || a.code.localeCompare(b.code));
}

// ---------------------------------------------------------------------------------------------
// Shuttle plan (pendelplan) for a long fire

export type DischargeMode = 'direct' | 'buffer';

export interface ShuttleInput {
	demandLpm: number;
	capacityLitres: number;
	pumpRateLpm: number;
	fillRateLpm: number;
	/** One way, scene to refill point. */
	driveMinutes: number;
	/** direct: the tanker feeds the fire (demand-limited); buffer: it dumps into a basin at pump rate. */
	discharge?: DischargeMode;
}

export interface ShuttlePlan {
	loadMinutes: number;
	fillMinutes: number;
	dischargeMinutes: number;
	cycleMinutes: number;
	tankersNeeded: number;
	/** One tanker cannot pump the demand on its own: connect several at once. */
	pumpLimited: boolean;
}

/**
 * How many tankers keep the demand going without a gap:
 *   load     = capacity / demand                              (minutes one load lasts at the fire)
 *   fill     = capacity / fill rate of the refill point
 *   discharge= capacity / min(pump rate, demand)   when feeding the fire directly,
 *              capacity / pump rate                when dumping into a buffer basin
 *   cycle    = drive to refill + fill + drive back + discharge
 *   tankers  = ceil(cycle / load)
 * Each tanker brings one load per cycle, and the fire uses one load per `load` minutes, so
 * N tankers suffice when N × load ≥ cycle.
 */
export function shuttlePlan(input: ShuttleInput): ShuttlePlan {
	const { demandLpm, capacityLitres, pumpRateLpm, fillRateLpm, driveMinutes: drive } = input;
	if (!(demandLpm > 0 && capacityLitres > 0 && pumpRateLpm > 0 && fillRateLpm > 0 && drive >= 0)) {
		throw new RangeError('Vraag, inhoud, pompcapaciteit en vulsnelheid moeten groter zijn dan 0.');
	}
	const loadMinutes = capacityLitres / demandLpm;
	const fillMinutes = capacityLitres / fillRateLpm;
	const dischargeMinutes = (input.discharge ?? 'direct') === 'buffer' ? capacityLitres / pumpRateLpm : capacityLitres / Math.min(pumpRateLpm, demandLpm);
	const cycleMinutes = 2 * drive + fillMinutes + dischargeMinutes;
	// Round away float dust (62.5 / 34 must not become 1.0000000001 × something).
	const tankersNeeded = Math.ceil(Math.round((cycleMinutes / loadMinutes) * 1e9) / 1e9);
	return { loadMinutes, fillMinutes, dischargeMinutes, cycleMinutes, tankersNeeded, pumpLimited: demandLpm > pumpRateLpm };
}

export interface RefillSite {
	id: string;
	name: string;
	kind: RefillKind;
	position: LatLon;
	fillRateLpm: number;
}

export interface RefillPlan extends ShuttlePlan {
	refillPointId: string;
	refillPointName: string;
	distanceKm: number;
	driveMinutes: number;
}

/** A shuttle plan per refill point, best first (fewest tankers, then shortest cycle). */
export function shuttlePlans(
	target: LatLon,
	sites: RefillSite[],
	tanker: { capacityLitres: number; pumpRateLpm: number },
	demandLpm: number,
	discharge: DischargeMode = 'direct',
	rules: WaterRules = WATER_RULES
): RefillPlan[] {
	return sites
		.map((site) => {
			const distanceKm = haversineKm(target, site.position);
			const drive = driveMinutes(distanceKm, rules);
			const plan = shuttlePlan({ demandLpm, ...tanker, fillRateLpm: site.fillRateLpm, driveMinutes: drive, discharge });
			return { ...plan, refillPointId: site.id, refillPointName: site.name, distanceKm, driveMinutes: drive };
		})
		.sort((a, b) => a.tankersNeeded - b.tankersNeeded || a.cycleMinutes - b.cycleMinutes);
}

/** The tanker a plan assumes when none is assigned yet: the seed's WTW (17 000 l, 4 000 l/min). */
export const STANDARD_WTW = { capacityLitres: 17_000, pumpRateLpm: 4_000 } as const;
