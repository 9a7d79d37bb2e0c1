// The application as an adviser sees it (the event, its risicoscan and why each service is asked;
// never the organiser's contact details), built from the advice query's application row.
import type { Category, RisicoscanModel, RisicoscanResult } from '../../domain/risicoscan';
import { risicoscanInputOf, routeAdvice, type AdviceRequestRecord, type AdviceRouting } from '../../domain/advice';
import type { AdviceApplicationRow } from '../advice-access/advice-queries';

/** The application as an adviser needs it: the event, not the organiser's contact details. */
export interface ApplicationForAdviser {
	id: string;
	reference: string;
	name: string;
	municipality: string;
	status: string;
	procedure: string | null;
	description: string;
	eventType: string;
	address: string;
	position: { lat: number; lon: number } | null;
	startsAt: string;
	endsAt: string;
	peakVisitors: number;
	totalVisitors: number | null;
	areaM2: number | null;
	isNewEvent: boolean;
	/** Name and organisation only: the municipality keeps the contact (één loket), and the AVG asks for no more. */
	organiser: { name: string; organisation: string };
	category: Category | null;
	computedCategory: Category | null;
	override: { category: Category; reason: string | null } | null;
}

export interface ScanSummary {
	points: number;
	category: Category;
	reasons: RisicoscanResult['reasons'];
	floors: RisicoscanResult['floors'];
}

export interface AdviceRequestDetail {
	request: AdviceRequestRecord;
	application: ApplicationForAdviser;
	scan: ScanSummary | null;
	/** Why each service is involved, by the class that counts now. */
	routing: AdviceRouting | null;
	/** The other requests on the same application (the services see each other's advice). */
	others: AdviceRequestRecord[];
	/** The discipline this user answers as, or null when they may only read. */
	answeringAs: string | null;
}

export function applicationForAdviser(row: AdviceApplicationRow): ApplicationForAdviser {
	return {
		id: row.id,
		reference: row.reference,
		name: row.name,
		municipality: row.municipalityCode,
		status: row.status,
		procedure: row.procedure,
		description: row.description,
		eventType: row.eventType,
		address: row.address,
		position: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		peakVisitors: row.peakVisitors,
		totalVisitors: row.totalVisitors,
		areaM2: row.areaM2,
		isNewEvent: row.isNewEvent,
		organiser: { name: row.organiserName, organisation: row.organiserOrganisation },
		category: row.category as Category | null,
		computedCategory: row.computedCategory as Category | null,
		override: row.overrideCategory ? { category: row.overrideCategory as Category, reason: row.overrideReason } : null
	};
}

export function scanSummary(row: AdviceApplicationRow): ScanSummary | null {
	const scan = row.scanResult as Partial<RisicoscanResult> | null;
	if (!scan || typeof scan !== 'object' || !scan.category) return null;
	return { points: scan.points ?? 0, category: scan.category, reasons: scan.reasons ?? [], floors: scan.floors ?? [] };
}

/** The routing by the class that counts now, or null while the application has no class or no complete scan. */
export function routingOf(row: AdviceApplicationRow, model?: RisicoscanModel): AdviceRouting | null {
	const input = risicoscanInputOf(row);
	if (!row.category || !input) return null;
	return routeAdvice(row.category as Category, input, model);
}
