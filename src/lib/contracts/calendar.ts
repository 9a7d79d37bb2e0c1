// The regional calendar's public face of an event application: what every logged-in user may see
// (never the organiser's personal data), in /api/v1 and on the `calendar` topic.

export type CalendarCategory = 'A' | 'B' | 'C';

export interface CalendarEntry {
	id: string;
	reference: string;
	name: string;
	municipality: string;
	category: CalendarCategory | null;
	procedure: 'melding' | 'vergunning' | null;
	status: string;
	startsAt: string;
	endsAt: string;
	peakVisitors: number;
	totalVisitors: number | null;
	bibob: 'geen' | 'loopt' | 'afgerond';
}
