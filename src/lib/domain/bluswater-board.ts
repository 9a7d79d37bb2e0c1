// The bluswater records as the API and the realtime events carry them, and the board's view of
// one water request computed from them. Pure: the server answers with it, and the browser
// recomputes it every few seconds so the minutes left keep counting down between events.
import {
	STANDARD_WTW,
	WATER_RULES,
	proposeUnits,
	shuttlePlans,
	waterPicture,
	type CrewType,
	type LatLon,
	type RefillKind,
	type RefillPlan,
	type UnitKind,
	type UnitProposal,
	type UnitStatus,
	type WaterPicture,
	type WaterRules
} from './bluswater.ts';

export interface IncidentRef {
	id: string;
	title: string;
	exercise: boolean;
}

export interface UnitRecord {
	id: string;
	code: string;
	kind: UnitKind;
	station: string;
	capacityLitres: number;
	pumpRateLpm: number;
	crew: CrewType;
	home: LatLon;
	position: LatLon;
	status: UnitStatus;
	statusChangedAt: string;
	/** The incident and water request of the unit's open assignment, if any. */
	incident: IncidentRef | null;
	requestId: string | null;
	/** True when the unit works for an exercise: every view shows the OEFENING mark. */
	exercise: boolean;
	version: number;
}

export interface AssignmentRecord {
	id: string;
	requestId: string;
	unitId: string;
	unitCode: string;
	assignedAt: string;
	arrivedAt: string | null;
	endedAt: string | null;
	litresLeft: number | null;
	litresLeftAt: string | null;
	litresDelivered: number;
	assignedBy: { id: string; name: string };
}

export interface WaterRequestRecord {
	id: string;
	incident: IncidentRef & { status: string };
	exercise: boolean;
	place: string;
	/** Where the water is needed, as entered; null when only a place name was given. */
	position: LatLon | null;
	/** Where the sums measure from: the request's position, else the incident's, else the centre of its first municipality. */
	target: LatLon | null;
	targetSource: 'verzoek' | 'incident' | 'gemeente' | null;
	demandLpm: number;
	startedAt: string;
	endedAt: string | null;
	createdBy: { id: string; name: string };
	/** Every assignment, open and ended, oldest first. */
	assignments: AssignmentRecord[];
	version: number;
}

export interface RefillPointRecord {
	id: string;
	name: string;
	kind: RefillKind;
	position: LatLon;
	fillRateLpm: number;
	note: string;
	active: boolean;
}

export interface RequestView {
	picture: WaterPicture;
	proposals: UnitProposal[];
	/** Best refill points for a shuttle, with the tanker the plan assumes. */
	shuttle: RefillPlan[];
	tanker: { capacityLitres: number; pumpRateLpm: number };
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** The board's sums for one request, from the records the page holds. */
export function requestView(
	request: WaterRequestRecord,
	units: UnitRecord[],
	refillPoints: RefillPointRecord[],
	now: Date,
	rules: WaterRules = WATER_RULES
): RequestView {
	const target = request.target;
	const byId = new Map(units.map((u) => [u.id, u]));
	const open = request.assignments.filter((a) => a.endedAt === null);
	const supply = open.flatMap((a) => {
		const unit = byId.get(a.unitId);
		if (!unit) return [];
		return [
			{
				unitId: unit.id,
				code: unit.code,
				kind: unit.kind,
				status: unit.status,
				crew: unit.crew,
				capacityLitres: unit.capacityLitres,
				pumpRateLpm: unit.pumpRateLpm,
				position: unit.position,
				arrivedAt: date(a.arrivedAt),
				litresLeft: a.litresLeft,
				litresLeftAt: date(a.litresLeftAt)
			}
		];
	});
	const picture = waterPicture({ demandLpm: request.demandLpm, target, units: supply }, now, rules);
	const proposals = target ? proposeUnits(target, units, 'wtw', rules).slice(0, 3) : [];
	// Plan with the smallest assigned tanker (the conservative choice), else the standard WTW.
	const tankers = supply.filter((u) => u.kind === 'wtw').sort((a, b) => a.capacityLitres - b.capacityLitres);
	const tanker = tankers[0] ? { capacityLitres: tankers[0].capacityLitres, pumpRateLpm: tankers[0].pumpRateLpm } : { ...STANDARD_WTW };
	const sites = refillPoints.filter((p) => p.active);
	const shuttle = target ? shuttlePlans(target, sites, tanker, request.demandLpm, 'direct', rules).slice(0, 3) : [];
	return { picture, proposals, shuttle, tanker };
}
