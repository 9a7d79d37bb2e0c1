// What /kalender needs in one load: the view chosen by ?weergave=maand|lijst|jaar, the month
// (?maand=2027-06) or year (?jaar=2027), the filters (?gemeente=, ?klasse=), and the `calendar`
// topic position the data reflects. A wrong parameter is a 400 that names it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { ServiceError } from '../errors';
import { currentSeq } from '../realtime/event-log';
import { calendarPageData, requireCalendarRead, today, yearLoads } from './calendar-service';
import { CALENDAR_CLASSES, MUNICIPALITY_CODES } from './calendar-input';
import { gridWindow, isMonth, type CalendarClass } from '../../domain/calendar';

export const VIEWS = ['maand', 'lijst', 'jaar'] as const;
export type CalendarPageView = (typeof VIEWS)[number];

export interface CalendarPageParams {
	view: CalendarPageView;
	month: string;
	year: number;
	municipality: string | null;
	category: CalendarClass | null;
}

function bad(param: string, message: string): never {
	throw new ServiceError(400, 'validation_failed', `${message} (parameter ${param})`, [{ field: param, message }]);
}

export function parseCalendarPageParams(params: URLSearchParams, now = new Date()): CalendarPageParams {
	const get = (name: string) => params.get(name)?.trim() || null;
	const view = get('weergave') ?? 'maand';
	if (!(VIEWS as readonly string[]).includes(view)) bad('weergave', 'Kies de weergave maand, lijst of jaar.');
	const current = today(now);
	const month = get('maand') ?? (get('jaar') ? `${get('jaar')}-01` : current.slice(0, 7));
	if (!isMonth(month) || Number(month.slice(0, 4)) < 2000 || Number(month.slice(0, 4)) > 2100) bad('maand', 'Geef de maand als JJJJ-MM, bijvoorbeeld 2027-06.');
	const yearText = get('jaar') ?? month.slice(0, 4);
	const year = Number(yearText);
	if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) bad('jaar', 'Geef het jaar als vier cijfers (2000–2100).');
	const municipality = get('gemeente');
	if (municipality && !MUNICIPALITY_CODES.includes(municipality)) bad('gemeente', 'Onbekende gemeente.');
	const category = get('klasse');
	if (category && !(CALENDAR_CLASSES as readonly string[]).includes(category)) bad('klasse', 'De klasse is A, B of C.');
	return { view: view as CalendarPageView, month: view === 'jaar' && !get('maand') ? `${year}-${current.slice(5, 7)}` : month, year, municipality, category: category as CalendarClass | null };
}

export async function loadCalendarPage(db: Kysely<DB>, user: SessionUser, params: CalendarPageParams) {
	requireCalendarRead(user);
	if (params.view === 'jaar') {
		const seq = await currentSeq(db, 'calendar');
		const { days } = await yearLoads(db, user, params.year);
		return { params, today: today(), seq, entries: [], window: gridWindow(params.month), yearDays: days };
	}
	const window = gridWindow(params.month);
	const { seq, entries } = await calendarPageData(db, user, window);
	return { params, today: today(), seq, entries, window, yearDays: [] };
}
