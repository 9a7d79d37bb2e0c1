// A municipality's own rules for events (DOMAIN.md §2), as data: application terms, melding
// conditions and the vooraankondiging. These are the seeded defaults; a beheerder changes them
// per municipality (event_municipality_settings).
import type { Term, PreannouncementRule } from './deadlines.ts';
import type { MeldingConditions } from './melding.ts';

export interface EventSettings {
	permitTerm: Term;
	meldingTerm: Term;
	melding: MeldingConditions;
	preannouncement: PreannouncementRule | null;
}

const weeks = (amount: number): Term => ({ unit: 'weeks', amount });

/** Our default melding conditions for a municipality without its own: small, daytime, one day, class A. */
export const DEFAULT_MELDING: MeldingConditions = {
	maxVisitors: 200,
	oneDay: true,
	window: { from: '08:00', until: '23:00' },
	musicWindow: { from: '09:00', until: '23:00' },
	excludedDays: [],
	oneStreet: false,
	noRoadClosures: true,
	emergencyLane: false,
	maxCategory: 'A'
};

const DEFAULT: EventSettings = { permitTerm: weeks(8), meldingTerm: weeks(4), melding: DEFAULT_MELDING, preannouncement: null };

export const SEEDED_EVENT_SETTINGS: Readonly<Record<string, EventSettings>> = {
	haarlem: {
		permitTerm: weeks(12),
		meldingTerm: weeks(2),
		melding: {
			maxVisitors: 150,
			oneDay: true,
			window: { from: '08:00', until: '24:00' },
			musicWindow: { from: '08:00', until: '23:00' },
			excludedDays: ['koningsdag', 'dodenherdenking', 'bevrijdingsdag', 'oudejaarsdag'],
			oneStreet: true,
			noRoadClosures: false,
			emergencyLane: false,
			maxCategory: 'A'
		},
		preannouncement: { visitorsAbove: 3000, newEvents: true, month: 10, day: 20 }
	},
	haarlemmermeer: { ...DEFAULT, permitTerm: weeks(12) },
	velsen: {
		permitTerm: weeks(12),
		meldingTerm: weeks(4),
		melding: {
			maxVisitors: 249,
			oneDay: true,
			window: { from: '10:00', until: '24:00' },
			musicWindow: null,
			excludedDays: [],
			oneStreet: false,
			noRoadClosures: false,
			emergencyLane: true,
			maxCategory: 'A'
		},
		preannouncement: { visitorsAbove: null, newEvents: true, month: 10, day: 1 }
	},
	heemskerk: {
		permitTerm: weeks(8),
		meldingTerm: weeks(6),
		melding: {
			maxVisitors: 200,
			oneDay: true,
			window: { from: '07:00', until: '23:00' },
			musicWindow: null,
			excludedDays: [],
			oneStreet: false,
			noRoadClosures: false,
			emergencyLane: false,
			maxCategory: 'A'
		},
		preannouncement: null
	},
	zandvoort: {
		permitTerm: weeks(8),
		meldingTerm: { unit: 'working_days', amount: 15 },
		melding: {
			maxVisitors: 749,
			oneDay: false,
			window: null,
			musicWindow: { from: '07:00', until: '22:00' },
			excludedDays: [],
			oneStreet: false,
			noRoadClosures: true,
			emergencyLane: false,
			maxCategory: 'A'
		},
		preannouncement: null
	}
};

/** The seeded settings of a municipality: its own where DOMAIN.md gives them, else the default. */
export function seededSettingsFor(municipality: string): EventSettings {
	return SEEDED_EVENT_SETTINGS[municipality] ?? DEFAULT;
}
