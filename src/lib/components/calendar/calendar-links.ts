// Links between the calendar's views that keep the chosen filters.
export interface CalendarLinkParams {
	view: 'maand' | 'lijst' | 'jaar';
	month: string;
	year: number;
	municipality: string | null;
	category: string | null;
}

export function calendarHref(params: CalendarLinkParams, change: Partial<CalendarLinkParams> = {}, hash = ''): string {
	const p = { ...params, ...change };
	const q = new URLSearchParams();
	q.set('weergave', p.view);
	if (p.view === 'jaar') q.set('jaar', String(p.year));
	else q.set('maand', p.month);
	if (p.municipality) q.set('gemeente', p.municipality);
	if (p.category) q.set('klasse', p.category);
	return `/kalender?${q}${hash}`;
}

export function exportHref(kind: 'csv' | 'xlsx' | 'ics', window: { from: string; to: string } | null, municipality: string | null, category: string | null): string {
	const q = new URLSearchParams();
	if (window) {
		q.set('from', window.from);
		q.set('to', window.to);
	}
	if (municipality) q.set('municipality', municipality);
	if (category) q.set('category', category);
	const query = q.toString();
	return `/api/v1/calendar.${kind}${query ? `?${query}` : ''}`;
}

/**
 * The same feed as a webcal:// address: a click opens the subscribe dialog of the agenda app
 * (Outlook, Apple Agenda) instead of downloading a file once. The app fetches it over https.
 */
export function webcalUrl(feedUrl: string): string {
	return feedUrl.replace(/^https?:\/\//, 'webcal://');
}
