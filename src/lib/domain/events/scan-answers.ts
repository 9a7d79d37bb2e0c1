// The risicoscan questions of DOMAIN.md §2 as an application answers them (stored in
// event_application.scan_answers), plus the questions some municipalities' melding conditions
// need. Visitors, area and times are columns of their own.
import type { Activity, AlcoholLevel, AudienceGroup, RisicoscanInput, Site } from '../risicoscan/model.ts';

export interface ScanAnswers {
	audience: AudienceGroup[];
	alcohol: AlcoholLevel;
	drugsExpected: boolean;
	rivalGroups: boolean;
	activities: Activity[];
	site: Site;
	indoor: boolean;
	enclosed: boolean;
	roadClosures: boolean;
	poorAccess: boolean;
	nearHazard: boolean;
	/** Melding (Haarlem): the event stays within one street. */
	oneStreet: boolean;
	/** Melding (Velsen): a lane 3.5 m wide and 4 m high stays free for emergency services. */
	emergencyLaneFree: boolean;
	/** Amplified music from and until (local HH:mm); empty when the event's own times apply. */
	musicFrom: string;
	musicUntil: string;
	/** A vooraankondiging was made for this edition. */
	preannounced: boolean;
}

export const EMPTY_SCAN_ANSWERS: ScanAnswers = {
	audience: [],
	alcohol: 'none',
	drugsExpected: false,
	rivalGroups: false,
	activities: [],
	site: 'terrain',
	indoor: false,
	enclosed: false,
	roadClosures: false,
	poorAccess: false,
	nearHazard: false,
	oneStreet: false,
	emergencyLaneFree: false,
	musicFrom: '',
	musicUntil: '',
	preannounced: false
};

/** Stored answers (possibly from an older shape) completed with the empty answers. */
export function completeAnswers(stored: unknown): ScanAnswers {
	const given = stored && typeof stored === 'object' ? (stored as Partial<ScanAnswers>) : {};
	return { ...EMPTY_SCAN_ANSWERS, ...given };
}

export interface ApplicationFacts {
	startsAt: string | Date;
	endsAt: string | Date;
	peakVisitors: number;
	totalVisitors: number | null;
	areaM2: number | null;
}

/** What the risicoscan scores for this application. */
export function risicoscanInputOf(facts: ApplicationFacts, answers: ScanAnswers, concurrentEvents: number): RisicoscanInput {
	return {
		peakVisitors: facts.peakVisitors,
		totalVisitors: facts.totalVisitors ?? undefined,
		areaM2: facts.areaM2 ?? undefined,
		startsAt: facts.startsAt,
		endsAt: facts.endsAt,
		audience: answers.audience,
		alcohol: answers.alcohol,
		drugsExpected: answers.drugsExpected,
		rivalGroups: answers.rivalGroups,
		activities: answers.activities,
		site: answers.site,
		indoor: answers.indoor,
		enclosed: answers.enclosed,
		roadClosures: answers.roadClosures,
		poorAccess: answers.poorAccess,
		nearHazard: answers.nearHazard,
		concurrentEvents
	};
}
