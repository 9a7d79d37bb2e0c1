// The shapes of the demo year: what a yearly or neighbourhood event is described by (a spec, with
// its date as a rule over "today"), and the application row the plan turns it into.
import type { Category, RisicoscanResult } from '../../domain/risicoscan';
import type { LocalDate } from '../../domain/calendar';
import type { ScanAnswers } from '../../domain/events/scan-answers';

/** scan_answers as the forms store them, without the melding questions, plus the context count. */
export type DemoScanAnswers = Pick<
	ScanAnswers,
	'audience' | 'alcohol' | 'drugsExpected' | 'rivalGroups' | 'activities' | 'site' | 'indoor' | 'enclosed' | 'roadClosures' | 'poorAccess' | 'nearHazard'
> & { concurrentEvents: number };

export type Status = 'concept' | 'ingediend' | 'in_behandeling' | 'advies_gevraagd' | 'besluit' | 'ingetrokken';
export type Decision = 'verleend' | 'verleend_met_voorschriften' | 'geweigerd';

export interface DemoEventSpec {
	name: string;
	municipality: string;
	eventType: string;
	description: string;
	address: string;
	lat: number;
	lon: number;
	/** The event's first local date in the demo window. */
	date: (today: LocalDate) => LocalDate;
	start: string; // 'HH:MM'
	/** Local days after the first date on which it ends (an end before 07:00 belongs to the day before). */
	endDay: number;
	end: string;
	peak: number;
	total?: number;
	areaM2?: number;
	isNew?: boolean;
	procedure: 'melding' | 'vergunning';
	scan: Partial<Omit<DemoScanAnswers, 'concurrentEvents'>> & Pick<DemoScanAnswers, 'site'>;
	/** Where the lifecycle would put it by date, unless fixed here. */
	status?: Status;
	decision?: Decision;
	organiser: { name: string; organisation: string };
}

export interface DemoApplication {
	reference: string;
	municipalityCode: string;
	status: Status;
	procedure: 'melding' | 'vergunning';
	organiserName: string;
	organiserOrganisation: string;
	organiserKvk: string;
	organiserEmail: string;
	organiserPhone: string;
	name: string;
	description: string;
	eventType: string;
	address: string;
	lat: number;
	lon: number;
	startsAt: Date;
	endsAt: Date;
	totalVisitors: number | null;
	peakVisitors: number;
	areaM2: number | null;
	isNewEvent: boolean;
	scanAnswers: DemoScanAnswers;
	scanResult: RisicoscanResult;
	scanModelVersion: number;
	computedCategory: Category;
	submittedAt: Date | null;
	late: boolean;
	decision: Decision | null;
	decisionConditions: string | null;
	decisionReason: string | null;
	decidedAt: Date | null;
	createdAt: Date;
}

/** The scan of an ordinary street event: the preset most small events share. */
export const street = { site: 'street' } as const;
