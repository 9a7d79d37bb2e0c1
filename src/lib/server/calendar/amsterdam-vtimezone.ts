// The VTIMEZONE of Europe/Amsterdam for the calendar feed: Central European Time with the EU
// summer-time rule in force since 1996 (last Sunday of March 02:00 → 03:00, last Sunday of
// October 03:00 → 02:00). Written out rather than generated: the npm VTIMEZONE generators derive
// it from tzdata, where Amsterdam is now a link to Brussels and comes out as TZID:Europe/Brussels,
// which would not match the TZID=Europe/Amsterdam of the events.
export const FEED_TIME_ZONE = 'Europe/Amsterdam';

export function vtimezone(tzid: string): string {
	if (tzid !== FEED_TIME_ZONE) throw new Error(`Geen VTIMEZONE voor ${tzid}`);
	return [
		'BEGIN:VTIMEZONE',
		`TZID:${FEED_TIME_ZONE}`,
		`X-LIC-LOCATION:${FEED_TIME_ZONE}`,
		'BEGIN:DAYLIGHT',
		'TZNAME:CEST',
		'TZOFFSETFROM:+0100',
		'TZOFFSETTO:+0200',
		'DTSTART:19700329T020000',
		'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
		'END:DAYLIGHT',
		'BEGIN:STANDARD',
		'TZNAME:CET',
		'TZOFFSETFROM:+0200',
		'TZOFFSETTO:+0100',
		'DTSTART:19701025T030000',
		'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
		'END:STANDARD',
		'END:VTIMEZONE'
	].join('\r\n');
}
