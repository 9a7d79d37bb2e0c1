// A believable year of events in Kennemerland for demo mode, relative to today so the calendar
// is never empty: every yearly event falls on its usual date in the window from two months ago
// to ten months ahead, and small neighbourhood events fill the coming weeks. Pure: the same
// `today` gives the same plan. Organisers are fictitious (example.nl addresses).
// Busy on purpose: the Grand Prix Saturday (GP C + beach festival C + beach party B = 7) and
// Koningsdag (Haarlem C + four B = 7); samenlopend on purpose: the GP with its beach party,
// the Haarlem vrijmarkt with the Grote Markt stage, the Hoofddorp Oranjefeest with its fun run.
import { DEFAULT_RISICOSCAN_MODEL, scoreRisicoscan, type Category, type RisicoscanResult } from '../../domain/risicoscan';
import { addDays, daysBetween, eventReference, localDateOf, localDaysOf, localInstant, type LocalDate } from '../../domain/calendar';
import { weekday } from '../../domain/working-days';
import type { CalendarEntry } from '../calendar/calendar-entry';
import type { ScanAnswers } from '../../domain/events/scan-answers';

/**
 * How long ago a demo application was submitted at least, by the status it reached: the advice
 * seed asks advice up to a term and a few days ago, and a decision follows about seven weeks later.
 */
const MIN_DAYS_SINCE_SUBMISSION: Record<Status, number> = {
	concept: 2,
	ingediend: 2,
	in_behandeling: 10,
	advies_gevraagd: 40,
	besluit: 60,
	ingetrokken: 20
};

/** scan_answers as the forms store them, without the melding questions, plus the context count. */
export type DemoScanAnswers = Pick<
	ScanAnswers,
	'audience' | 'alcohol' | 'drugsExpected' | 'rivalGroups' | 'activities' | 'site' | 'indoor' | 'enclosed' | 'roadClosures' | 'poorAccess' | 'nearHazard'
> & { concurrentEvents: number };

type Status = 'concept' | 'ingediend' | 'in_behandeling' | 'advies_gevraagd' | 'besluit' | 'ingetrokken';
type Decision = 'verleend' | 'verleend_met_voorschriften' | 'geweigerd';

interface DemoEventSpec {
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

export const DEMO_GRAND_PRIX = 'Formule 1 Dutch Grand Prix';
/** Yearly events fall in [today − WINDOW_BACK, today − WINDOW_BACK + 365). */
const WINDOW_BACK = 60;

// ——— dates ———

function ymd(year: number, month: number, day: number): LocalDate {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month; n = -1 is the last. */
function nthWeekday(year: number, month: number, day: number, n: number): LocalDate {
	if (n > 0) {
		const first = ymd(year, month, 1);
		return addDays(first, ((day - weekday(first) + 7) % 7) + (n - 1) * 7);
	}
	const last = addDays(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
	return addDays(last, -((weekday(last) - day + 7) % 7));
}

/** The occurrence of a yearly date inside the demo window. */
function yearly(rule: (year: number) => LocalDate) {
	return (today: LocalDate): LocalDate => {
		const from = addDays(today, -WINDOW_BACK);
		const year = Number(today.slice(0, 4));
		for (const y of [year - 1, year, year + 1]) {
			const date = rule(y);
			if (date >= from && daysBetween(from, date) < 365) return date;
		}
		throw new Error('geen datum in het demovenster');
	};
}

/** Koningsdag: 27 April, or the 26th when the 27th is a Sunday. */
const koningsdag = (y: number) => (weekday(ymd(y, 4, 27)) === 0 ? ymd(y, 4, 26) : ymd(y, 4, 27));
/** Friday of the Grand Prix weekend: the last full weekend of August. */
const gpFriday = (y: number) => addDays(nthWeekday(y, 8, 0, -1), -2);
/** The n-th Saturday from today (n ≥ 1), for the small events of the coming weeks. */
const saturdayFromToday = (n: number) => (today: LocalDate) => addDays(today, ((6 - weekday(today) + 7) % 7 || 7) + (n - 1) * 7);

// ——— the events ———

const street = { site: 'street' } as const;

const SPECS: DemoEventSpec[] = [
	{
		name: DEMO_GRAND_PRIX,
		municipality: 'zandvoort',
		eventType: 'motorsport',
		description: 'Formule 1-raceweekend op Circuit Zandvoort: vrije trainingen, kwalificatie en race, met supportraces en muziek.',
		address: 'Burgemeester van Alphenstraat 108, Zandvoort',
		lat: 52.3888,
		lon: 4.5409,
		date: yearly(gpFriday),
		start: '08:00',
		endDay: 2,
		end: '20:00',
		peak: 105_000,
		total: 315_000,
		areaM2: 900_000,
		procedure: 'vergunning',
		scan: { site: 'terrain', activities: ['motor_vehicles', 'amplified_music', 'temporary_structures'], alcohol: 'limited', enclosed: true, roadClosures: true, poorAccess: true },
		status: 'besluit',
		decision: 'verleend_met_voorschriften',
		organiser: { name: 'M. van Leeuwen', organisation: 'Circuit Kennemerduin Evenementen B.V.' }
	},
	{
		name: 'Grand Prix Beach Party',
		municipality: 'zandvoort',
		eventType: 'muziek',
		description: 'Strandfeest met dj’s aan de boulevard op de zaterdag van het raceweekend.',
		address: 'Strandafgang Badhuisplein, Zandvoort',
		lat: 52.3737,
		lon: 4.5267,
		date: (t) => addDays(yearly(gpFriday)(t), 1),
		start: '17:00',
		endDay: 1,
		end: '01:00',
		peak: 6_000,
		total: 8_000,
		areaM2: 5_000,
		procedure: 'vergunning',
		scan: { site: 'beach', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy', audience: ['youth'], enclosed: true },
		organiser: { name: 'S. Koster', organisation: 'Boulevard Events Zandvoort' }
	},
	{
		name: 'Bloemendaal Beach Festival',
		municipality: 'bloemendaal',
		eventType: 'festival',
		description: 'Eendaags dancefestival bij de strandpaviljoens van Bloemendaal aan Zee.',
		address: 'Zeeweg, Bloemendaal aan Zee',
		lat: 52.4056,
		lon: 4.5513,
		date: (t) => addDays(yearly(gpFriday)(t), 1),
		start: '12:00',
		endDay: 0,
		end: '23:00',
		peak: 16_000,
		total: 18_000,
		areaM2: 20_000,
		procedure: 'vergunning',
		scan: { site: 'beach', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy', drugsExpected: true, audience: ['youth'], enclosed: true, poorAccess: true },
		organiser: { name: 'D. Brouwer', organisation: 'Zeewind Producties' }
	},
	{
		name: 'Haarlem Jazz & More',
		municipality: 'haarlem',
		eventType: 'muziek',
		description: 'Vijf dagen gratis jazz en meer op de Grote Markt.',
		address: 'Grote Markt, Haarlem',
		lat: 52.3812,
		lon: 4.6365,
		date: yearly((y) => addDays(nthWeekday(y, 8, 0, 2), -4)),
		start: '12:00',
		endDay: 4,
		end: '23:30',
		peak: 8_000,
		total: 60_000,
		areaM2: 6_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['amplified_music', 'temporary_structures'], alcohol: 'limited', roadClosures: true },
		organiser: { name: 'L. Verhoeven', organisation: 'Stichting Jazz aan het Spaarne' }
	},
	{
		name: 'Spaarnwoude Dance Festival',
		municipality: 'velsen',
		eventType: 'festival',
		description: 'Dancefestival met zes podia in recreatiegebied Spaarnwoude.',
		address: 'Recreatiegebied Spaarnwoude, Velsen-Zuid',
		lat: 52.4262,
		lon: 4.6817,
		date: yearly((y) => nthWeekday(y, 8, 6, 2)),
		start: '12:00',
		endDay: 0,
		end: '23:00',
		peak: 30_000,
		total: 30_000,
		areaM2: 120_000,
		procedure: 'vergunning',
		scan: { site: 'terrain', activities: ['amplified_music', 'temporary_structures', 'fireworks'], alcohol: 'heavy', drugsExpected: true, audience: ['youth'], enclosed: true, nearHazard: true },
		organiser: { name: 'R. Dekker', organisation: 'Polder Beats B.V.' }
	},
	{
		name: 'Bevrijdingspop Haarlem',
		municipality: 'haarlem',
		eventType: 'festival',
		description: 'Gratis popfestival op Bevrijdingsdag in de Haarlemmerhout.',
		address: 'Haarlemmerhout, Haarlem',
		lat: 52.3683,
		lon: 4.6397,
		date: yearly((y) => ymd(y, 5, 5)),
		start: '11:00',
		endDay: 0,
		end: '23:00',
		peak: 30_000,
		total: 50_000,
		areaM2: 60_000,
		procedure: 'vergunning',
		scan: { site: 'park', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy', drugsExpected: true, audience: ['youth'], enclosed: true },
		organiser: { name: 'K. Jansen', organisation: 'Stichting Bevrijdingspop Kennemerland' }
	},
	{
		name: 'Koningsnacht Haarlem',
		municipality: 'haarlem',
		eventType: 'muziek',
		description: 'Podia en kroegenroute in de binnenstad in de nacht voor Koningsdag.',
		address: 'Botermarkt en Zijlstraat, Haarlem',
		lat: 52.3807,
		lon: 4.6331,
		date: (t) => addDays(yearly(koningsdag)(t), -1),
		start: '20:00',
		endDay: 1,
		end: '02:00',
		peak: 8_000,
		total: 12_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy', audience: ['youth'], roadClosures: true },
		organiser: { name: 'E. Smit', organisation: 'Centrummanagement Haarlem' }
	},
	{
		name: 'Koningsdag vrijmarkt Haarlem',
		municipality: 'haarlem',
		eventType: 'markt',
		description: 'Vrijmarkt en oranjefeest in de binnenstad.',
		address: 'Binnenstad, Haarlem',
		lat: 52.3815,
		lon: 4.6369,
		date: yearly(koningsdag),
		start: '07:00',
		endDay: 0,
		end: '20:00',
		peak: 40_000,
		total: 90_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy', audience: ['children'], roadClosures: true },
		organiser: { name: 'E. Smit', organisation: 'Centrummanagement Haarlem' }
	},
	{
		name: 'Koningsdag podium Grote Markt',
		municipality: 'haarlem',
		eventType: 'muziek',
		description: 'Muziekpodium op de Grote Markt tijdens de vrijmarkt.',
		address: 'Grote Markt, Haarlem',
		lat: 52.3812,
		lon: 4.6365,
		date: yearly(koningsdag),
		start: '12:00',
		endDay: 0,
		end: '22:00',
		peak: 4_000,
		total: 10_000,
		areaM2: 5_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy', roadClosures: true },
		organiser: { name: 'T. Mulder', organisation: 'Grote Markt Ondernemers' }
	},
	{
		name: 'Koningsdag IJmuiden',
		municipality: 'velsen',
		eventType: 'markt',
		description: 'Vrijmarkt, kinderspelen en muziek op het Plein 1945.',
		address: 'Plein 1945, IJmuiden',
		lat: 52.4586,
		lon: 4.6194,
		date: yearly(koningsdag),
		start: '09:00',
		endDay: 0,
		end: '18:00',
		peak: 2_500,
		total: 6_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['amplified_music'], alcohol: 'limited', audience: ['children'], roadClosures: true },
		organiser: { name: 'H. de Wit', organisation: 'Oranjevereniging IJmuiden' }
	},
	{
		name: 'Oranjefeest Hoofddorp',
		municipality: 'haarlemmermeer',
		eventType: 'markt',
		description: 'Vrijmarkt en podium in het centrum van Hoofddorp.',
		address: 'Raadhuisplein, Hoofddorp',
		lat: 52.3027,
		lon: 4.6889,
		date: yearly(koningsdag),
		start: '09:00',
		endDay: 0,
		end: '19:00',
		peak: 3_000,
		total: 8_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['amplified_music'], alcohol: 'limited', roadClosures: true },
		organiser: { name: 'P. Visser', organisation: 'Oranjecomité Hoofddorp' }
	},
	{
		name: 'Oranjeloop Hoofddorp',
		municipality: 'haarlemmermeer',
		eventType: 'sport',
		description: 'Kinder- en familieloop van 5 km door het centrum.',
		address: 'Raadhuisplein, Hoofddorp',
		lat: 52.3027,
		lon: 4.6889,
		date: yearly(koningsdag),
		start: '10:00',
		endDay: 0,
		end: '12:30',
		peak: 400,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['endurance_sport'], audience: ['children'] },
		organiser: { name: 'A. Bos', organisation: 'AV Haarlemmermeer' }
	},
	{
		name: 'Koningsdag Beverwijk',
		municipality: 'beverwijk',
		eventType: 'markt',
		description: 'Vrijmarkt en kermisattracties in de Breestraat.',
		address: 'Breestraat, Beverwijk',
		lat: 52.4869,
		lon: 4.6563,
		date: yearly(koningsdag),
		start: '08:00',
		endDay: 0,
		end: '18:00',
		peak: 2_000,
		total: 6_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['funfair_rides'], audience: ['children'], roadClosures: true },
		organiser: { name: 'J. Peters', organisation: 'Oranjevereniging Beverwijk' }
	},
	{
		name: 'Kermis Heemskerk',
		municipality: 'heemskerk',
		eventType: 'kermis',
		description: 'Vijfdaagse zomerkermis op het Dorpsplein met draaimolens en een reuzenrad.',
		address: 'Dorpsplein, Heemskerk',
		lat: 52.5107,
		lon: 4.6717,
		date: yearly((y) => addDays(nthWeekday(y, 7, 1, 3), -4)),
		start: '14:00',
		endDay: 4,
		end: '23:00',
		peak: 4_000,
		total: 25_000,
		areaM2: 8_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['funfair_rides', 'amplified_music'], alcohol: 'limited', audience: ['children'] },
		organiser: { name: 'B. Hendriks', organisation: 'Kermisexploitatie Hendriks' }
	},
	{
		name: 'Halve Marathon Haarlemmermeer',
		municipality: 'haarlemmermeer',
		eventType: 'sport',
		description: 'Halve marathon en 10 km door Hoofddorp en het Haarlemmermeerse Bos.',
		address: 'Start Haarlemmermeerse Bos, Hoofddorp',
		lat: 52.3065,
		lon: 4.7035,
		date: yearly((y) => nthWeekday(y, 3, 0, 3)),
		start: '09:00',
		endDay: 0,
		end: '15:00',
		peak: 6_000,
		total: 9_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['endurance_sport'], alcohol: 'none', roadClosures: true },
		organiser: { name: 'F. Meijer', organisation: 'Loopgroep Meerlanden' }
	},
	{
		name: 'Circuit Run Zandvoort',
		municipality: 'zandvoort',
		eventType: 'sport',
		description: 'Hardlopen over Circuit Zandvoort en door de duinen.',
		address: 'Circuit Zandvoort',
		lat: 52.3888,
		lon: 4.5409,
		date: yearly((y) => nthWeekday(y, 3, 0, 1)),
		start: '09:30',
		endDay: 0,
		end: '14:00',
		peak: 5_500,
		total: 8_000,
		procedure: 'vergunning',
		scan: { site: 'terrain', activities: ['endurance_sport'], enclosed: true },
		organiser: { name: 'G. de Groot', organisation: 'Run Events Kennemerland' }
	},
	{
		name: 'Strandrace Zandvoort',
		municipality: 'zandvoort',
		eventType: 'sport',
		description: 'Mountainbikerace over het strand van Zandvoort naar IJmuiden en terug.',
		address: 'Strand Zandvoort-Noord',
		lat: 52.3839,
		lon: 4.5318,
		date: yearly((y) => nthWeekday(y, 1, 0, 3)),
		start: '10:00',
		endDay: 0,
		end: '15:00',
		peak: 1_200,
		procedure: 'vergunning',
		scan: { site: 'beach', activities: ['endurance_sport'], poorAccess: true },
		organiser: { name: 'W. Vos', organisation: 'MTB Club Kennemerland' }
	},
	{
		name: 'Nieuwjaarsduik Zandvoort',
		municipality: 'zandvoort',
		eventType: 'sport',
		description: 'De traditionele nieuwjaarsduik bij Paal 70.',
		address: 'Strand bij Paal 70, Zandvoort',
		lat: 52.3707,
		lon: 4.5244,
		date: yearly((y) => ymd(y, 1, 1)),
		start: '11:00',
		endDay: 0,
		end: '15:00',
		peak: 8_000,
		total: 10_000,
		procedure: 'vergunning',
		scan: { site: 'beach', activities: ['water_activity', 'amplified_music'], alcohol: 'limited' },
		organiser: { name: 'N. Bakker', organisation: 'Reddingsbrigade Zandvoort' }
	},
	{
		name: 'Havenfestival IJmuiden',
		municipality: 'velsen',
		eventType: 'festival',
		description: 'Havendagen met historische schepen, vlootschouw, muziek en vuurwerk boven het Noordzeekanaal.',
		address: 'Vissershaven, IJmuiden',
		lat: 52.4622,
		lon: 4.6036,
		date: yearly((y) => nthWeekday(y, 6, 6, 2)),
		start: '10:00',
		endDay: 1,
		end: '23:30',
		peak: 25_000,
		total: 120_000,
		areaM2: 40_000,
		procedure: 'vergunning',
		scan: { site: 'water', activities: ['water_activity', 'fireworks', 'amplified_music', 'temporary_structures'], alcohol: 'limited', audience: ['children', 'elderly'], nearHazard: true },
		organiser: { name: 'C. Mol', organisation: 'Stichting Havenfestival IJmuiden' }
	},
	{
		name: 'Uitgeester Dorpsfeest',
		municipality: 'uitgeest',
		eventType: 'dorpsfeest',
		description: 'Drie dagen dorpsfeest met optocht, feesttent en kinderspelen.',
		address: 'Middelweg, Uitgeest',
		lat: 52.5291,
		lon: 4.7098,
		date: yearly((y) => addDays(nthWeekday(y, 9, 0, 1), -2)),
		start: '18:00',
		endDay: 3,
		end: '01:00',
		peak: 2_500,
		total: 7_500,
		areaM2: 3_000,
		procedure: 'vergunning',
		scan: { site: 'terrain', activities: ['amplified_music', 'temporary_structures'], alcohol: 'limited' },
		organiser: { name: 'I. Kok', organisation: 'Stichting Dorpsfeest Uitgeest' }
	},
	{
		name: 'Proef Heemstede',
		municipality: 'heemstede',
		eventType: 'markt',
		description: 'Culinair weekend met proeverijen van Heemsteedse restaurants op de Binnenweg.',
		address: 'Binnenweg, Heemstede',
		lat: 52.3539,
		lon: 4.6217,
		date: yearly((y) => nthWeekday(y, 6, 6, 1)),
		start: '12:00',
		endDay: 1,
		end: '21:00',
		peak: 2_000,
		total: 6_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['temporary_structures', 'open_fire'], alcohol: 'limited', roadClosures: true },
		organiser: { name: 'O. van Dijk', organisation: 'Winkeliersvereniging Binnenweg' }
	},
	{
		name: 'Sinterklaasintocht Haarlem',
		municipality: 'haarlem',
		eventType: 'optocht',
		description: 'Intocht over het Spaarne en rondgang door de binnenstad.',
		address: 'Spaarne en binnenstad, Haarlem',
		lat: 52.3803,
		lon: 4.6406,
		date: yearly((y) => nthWeekday(y, 11, 6, 3)),
		start: '12:00',
		endDay: 0,
		end: '16:00',
		peak: 15_000,
		total: 20_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['water_activity', 'animals', 'amplified_music'], audience: ['children'], roadClosures: true },
		organiser: { name: 'M. Schouten', organisation: 'Stichting Sinterklaas Haarlem' }
	},
	{
		name: 'Sinterklaasintocht Beverwijk',
		municipality: 'beverwijk',
		eventType: 'optocht',
		description: 'Intocht met pieten en paard door het centrum van Beverwijk.',
		address: 'Stationsplein, Beverwijk',
		lat: 52.4779,
		lon: 4.6566,
		date: yearly((y) => nthWeekday(y, 11, 6, 3)),
		start: '11:00',
		endDay: 0,
		end: '14:00',
		peak: 3_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['animals', 'amplified_music'], audience: ['children'], roadClosures: true },
		organiser: { name: 'Y. Dijkstra', organisation: 'Sint Comité Beverwijk' }
	},
	{
		name: 'Kerstmarkt Haarlem',
		municipality: 'haarlem',
		eventType: 'markt',
		description: 'Kerstmarkt met 300 kramen in de binnenstad.',
		address: 'Grote Markt en omliggende straten, Haarlem',
		lat: 52.3812,
		lon: 4.6365,
		date: yearly((y) => addDays(nthWeekday(y, 12, 0, 2), -2)),
		start: '11:00',
		endDay: 2,
		end: '20:00',
		peak: 20_000,
		total: 150_000,
		procedure: 'vergunning',
		scan: { site: 'street', activities: ['temporary_structures', 'open_fire', 'amplified_music'], alcohol: 'limited', audience: ['elderly', 'children'], roadClosures: true },
		organiser: { name: 'A. van der Berg', organisation: 'Stichting Kerstmarkt Haarlem' }
	},
	{
		name: 'Winterfair Heemskerk',
		municipality: 'heemskerk',
		eventType: 'markt',
		description: 'Winterse markt met ijsbaantje bij Slot Assumburg.',
		address: 'Tolweg, Heemskerk',
		lat: 52.5175,
		lon: 4.6731,
		date: yearly((y) => nthWeekday(y, 12, 6, 3)),
		start: '12:00',
		endDay: 0,
		end: '21:00',
		peak: 1_500,
		procedure: 'vergunning',
		scan: { site: 'terrain', activities: ['temporary_structures', 'gas'], alcohol: 'limited', audience: ['children'] },
		organiser: { name: 'S. Meijer', organisation: 'Stichting Winterfair' }
	},
	{
		name: 'Boekenmarkt Haarlem',
		municipality: 'haarlem',
		eventType: 'markt',
		description: 'Tweedehands boekenmarkt langs het Spaarne.',
		address: 'Spaarne, Haarlem',
		lat: 52.3803,
		lon: 4.6406,
		date: yearly((y) => nthWeekday(y, 6, 0, 3)),
		start: '10:00',
		endDay: 0,
		end: '17:00',
		peak: 1_500,
		procedure: 'vergunning',
		scan: street,
		organiser: { name: 'J. Bos', organisation: 'Antiquariaat Spaarnestad' }
	},
	{
		name: 'Zomerconcert Kenaupark',
		municipality: 'haarlem',
		eventType: 'muziek',
		description: 'Openluchtconcert van het Haarlems harmonieorkest.',
		address: 'Kenaupark, Haarlem',
		lat: 52.3853,
		lon: 4.6291,
		date: yearly((y) => nthWeekday(y, 7, 0, 1)),
		start: '14:00',
		endDay: 0,
		end: '17:00',
		peak: 600,
		procedure: 'melding',
		scan: { site: 'park', activities: ['amplified_music'], audience: ['elderly'] },
		organiser: { name: 'L. Mulder', organisation: 'Harmonie Spaarnestad' }
	},
	{
		name: 'Triathlon Velsen',
		municipality: 'velsen',
		eventType: 'sport',
		description: 'Sprint- en kwarttriathlon met zwemmen in het Noordzeekanaal.',
		address: 'Kanaaldijk, Velsen-Noord',
		lat: 52.4663,
		lon: 4.6379,
		date: yearly((y) => nthWeekday(y, 6, 0, 4)),
		start: '08:00',
		endDay: 0,
		end: '14:00',
		peak: 1_800,
		procedure: 'vergunning',
		scan: { site: 'water', activities: ['endurance_sport', 'water_activity'], roadClosures: true },
		organiser: { name: 'R. Smit', organisation: 'Triathlonvereniging IJmond' }
	},
	{
		name: 'Open Tuinendag Bloemendaal',
		municipality: 'bloemendaal',
		eventType: 'overig',
		description: 'Particuliere tuinen open voor publiek.',
		address: 'Diverse adressen, Bloemendaal',
		lat: 52.4061,
		lon: 4.6222,
		date: yearly((y) => nthWeekday(y, 6, 0, 2)),
		start: '10:00',
		endDay: 0,
		end: '17:00',
		peak: 400,
		procedure: 'melding',
		scan: { site: 'nature' },
		organiser: { name: 'H. Vos', organisation: 'Tuinenvereniging Bloemendaal' }
	},
	{
		name: 'Zeilrace Uitgeestermeer',
		municipality: 'uitgeest',
		eventType: 'sport',
		description: 'Zeilwedstrijd op het Uitgeestermeer.',
		address: 'Zeilvereniging Uitgeestermeer',
		lat: 52.5305,
		lon: 4.6905,
		date: yearly((y) => nthWeekday(y, 5, 6, 4)),
		start: '09:00',
		endDay: 0,
		end: '17:00',
		peak: 300,
		procedure: 'melding',
		scan: { site: 'water', activities: ['water_activity'] },
		organiser: { name: 'D. Kok', organisation: 'WSV Uitgeestermeer' }
	},
	{
		name: 'Meer Beats Hoofddorp',
		municipality: 'haarlemmermeer',
		eventType: 'festival',
		description: 'Nieuw dance-evenement in het Haarlemmermeerse Bos; de organisator trok de aanvraag in.',
		address: 'Haarlemmermeerse Bos, Hoofddorp',
		lat: 52.3065,
		lon: 4.7035,
		date: yearly((y) => nthWeekday(y, 7, 6, 2)),
		start: '13:00',
		endDay: 0,
		end: '23:00',
		peak: 12_000,
		isNew: true,
		procedure: 'vergunning',
		scan: { site: 'park', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy', drugsExpected: true, audience: ['youth'], enclosed: true },
		status: 'ingetrokken',
		organiser: { name: 'X. de Haan', organisation: 'Meer Beats Events' }
	},
	{
		name: 'Vuurwerkshow Boulevard Zandvoort',
		municipality: 'zandvoort',
		eventType: 'overig',
		description: 'Vuurwerkshow boven zee bij de boulevard; geweigerd wegens de afstand tot de bebouwing.',
		address: 'Boulevard Barnaart, Zandvoort',
		lat: 52.3843,
		lon: 4.5345,
		date: yearly((y) => nthWeekday(y, 7, 6, 4)),
		start: '21:00',
		endDay: 0,
		end: '23:30',
		peak: 3_000,
		procedure: 'vergunning',
		scan: { site: 'beach', activities: ['fireworks'], alcohol: 'limited' },
		status: 'besluit',
		decision: 'geweigerd',
		organiser: { name: 'F. Jansen', organisation: 'Pyro Events Noord' }
	},
	{
		name: 'Summer Sessions Bloemendaal',
		municipality: 'bloemendaal',
		eventType: 'muziek',
		description: 'Avondconcerten bij een strandpaviljoen (nog in voorbereiding).',
		address: 'Bloemendaal aan Zee',
		lat: 52.4056,
		lon: 4.5513,
		date: yearly((y) => nthWeekday(y, 7, 6, 1)),
		start: '18:00',
		endDay: 0,
		end: '23:30',
		peak: 2_500,
		procedure: 'vergunning',
		scan: { site: 'beach', activities: ['amplified_music', 'temporary_structures'], alcohol: 'heavy' },
		status: 'concept',
		organiser: { name: 'P. de Boer', organisation: 'Paviljoen Zeezicht' }
	},
	{
		name: 'Lentemarkt Heemstede',
		municipality: 'heemstede',
		eventType: 'markt',
		description: 'Voorjaarsmarkt op het Raadhuisplein (concept).',
		address: 'Raadhuisplein, Heemstede',
		lat: 52.3526,
		lon: 4.6232,
		date: yearly((y) => nthWeekday(y, 4, 6, 2)),
		start: '10:00',
		endDay: 0,
		end: '17:00',
		peak: 800,
		procedure: 'melding',
		scan: street,
		status: 'concept',
		organiser: { name: 'M. Kramer', organisation: 'Ondernemersvereniging Heemstede' }
	}
];

/** Small events of the coming weeks (mostly class A meldingen), so every month has something. */
const NEIGHBOURHOOD: { name: string; municipality: string; address: string; lat: number; lon: number; type: string; peak: number; saturday: number; start: string; end: string; scan: DemoEventSpec['scan'] }[] = [
	{ name: 'Buurtfeest Zuiderpolder', municipality: 'haarlem', address: 'Zuiderpolderplein, Haarlem', lat: 52.3714, lon: 4.6614, type: 'buurtfeest', peak: 150, saturday: 1, start: '14:00', end: '22:00', scan: { site: 'street', activities: ['amplified_music'] } },
	{ name: 'Straatfeest Wijkerstraatweg', municipality: 'beverwijk', address: 'Wijkerstraatweg, Beverwijk', lat: 52.4824, lon: 4.6557, type: 'buurtfeest', peak: 200, saturday: 1, start: '15:00', end: '23:00', scan: street },
	{ name: 'Rommelmarkt Santpoort', municipality: 'velsen', address: 'Broekbergenlaan, Santpoort-Noord', lat: 52.4331, lon: 4.6354, type: 'markt', peak: 240, saturday: 2, start: '09:00', end: '15:00', scan: street },
	{ name: 'Winterwandeltocht Kennemerduinen', municipality: 'bloemendaal', address: 'Bezoekerscentrum De Zandwaaier', lat: 52.4207, lon: 4.5876, type: 'sport', peak: 600, saturday: 2, start: '09:00', end: '14:00', scan: { site: 'nature', activities: ['endurance_sport'], poorAccess: true } },
	{ name: 'Lichtjesavond Heemskerk', municipality: 'heemskerk', address: 'Maerelaan, Heemskerk', lat: 52.5117, lon: 4.6671, type: 'buurtfeest', peak: 180, saturday: 3, start: '17:00', end: '21:00', scan: { site: 'street', audience: ['children'] } },
	{ name: 'Kerstborrel Dorpsstraat', municipality: 'uitgeest', address: 'Langebuurt, Uitgeest', lat: 52.5286, lon: 4.7095, type: 'buurtfeest', peak: 120, saturday: 3, start: '16:00', end: '22:00', scan: street },
	{ name: 'Buurtbarbecue Schalkwijk', municipality: 'haarlem', address: 'Europaweg, Haarlem', lat: 52.3664, lon: 4.6566, type: 'buurtfeest', peak: 140, saturday: 4, start: '16:00', end: '22:00', scan: { site: 'street', activities: ['open_fire'] } },
	{ name: 'Vrijmarkt Nieuw-Vennep', municipality: 'haarlemmermeer', address: 'Getsewoudplein, Nieuw-Vennep', lat: 52.2637, lon: 4.6353, type: 'markt', peak: 300, saturday: 5, start: '09:00', end: '16:00', scan: street },
	{ name: 'Sportdag Heemstede', municipality: 'heemstede', address: 'Sportpark Groenendaal, Heemstede', lat: 52.3495, lon: 4.6125, type: 'sport', peak: 400, saturday: 6, start: '10:00', end: '16:00', scan: { site: 'terrain', audience: ['children'] } },
	{ name: 'Buurtfeest Oosterduin', municipality: 'zandvoort', address: 'Oosterparkstraat, Zandvoort', lat: 52.3724, lon: 4.5426, type: 'buurtfeest', peak: 130, saturday: 7, start: '14:00', end: '21:00', scan: street },
	{ name: 'Winterconcert Dorpskerk', municipality: 'bloemendaal', address: 'Kerkplein, Bloemendaal', lat: 52.4069, lon: 4.6291, type: 'muziek', peak: 350, saturday: 8, start: '19:30', end: '22:00', scan: { site: 'building', audience: ['elderly'] } },
	{ name: 'Snertloop IJmuiden', municipality: 'velsen', address: 'Strandweg, IJmuiden', lat: 52.4575, lon: 4.5869, type: 'sport', peak: 700, saturday: 9, start: '10:00', end: '13:00', scan: { site: 'beach', activities: ['endurance_sport'] } },
	{ name: 'Buurtfeest Europawijk', municipality: 'haarlem', address: 'Europawijk, Haarlem', lat: 52.3689, lon: 4.6689, type: 'buurtfeest', peak: 140, saturday: 10, start: '14:00', end: '22:00', scan: { site: 'street', activities: ['amplified_music'] } }
];

/** Summer street parties: class A meldingen on Saturdays from June to September, every municipality. */
const STREETS: Record<string, [string, number, number][]> = {
	beverwijk: [['Straatfeest Zeestraat', 52.4851, 4.6512], ['Buurtfeest Warande', 52.4911, 4.6443], ['Burendag Oosterwijk', 52.4862, 4.6702]],
	bloemendaal: [['Straatfeest Overveen', 52.3916, 4.6134], ['Buurtfeest Vogelenzang', 52.3212, 4.5769], ['Burendag Aerdenhout', 52.3622, 4.6019]],
	haarlem: [['Straatfeest Kleverpark', 52.3915, 4.6398], ['Buurtfeest Garenkokerskwartier', 52.3757, 4.6433], ['Straatfeest Bomenbuurt', 52.3912, 4.6225]],
	haarlemmermeer: [['Buurtfeest Badhoevedorp', 52.3372, 4.7795], ['Straatfeest Zwanenburg', 52.3789, 4.7437], ['Burendag Floriande', 52.2926, 4.6761]],
	heemskerk: [['Straatfeest Broekpolder', 52.5032, 4.6794], ['Buurtfeest Waterakkers', 52.5189, 4.6586], ['Burendag Oosterwijk Heemskerk', 52.5154, 4.6818]],
	heemstede: [['Straatfeest Merlenhoven', 52.3487, 4.6213], ['Buurtfeest Glipper Dreef', 52.3427, 4.6092], ['Burendag Indische Buurt', 52.3568, 4.6182]],
	uitgeest: [['Straatfeest Waldervaart', 52.5247, 4.7183], ['Buurtfeest Kleis', 52.5332, 4.7024], ['Burendag Koog', 52.5214, 4.7061]],
	velsen: [['Straatfeest Zeewijk', 52.4511, 4.5981], ['Buurtfeest Driehuis', 52.4467, 4.6356], ['Burendag Velserbroek', 52.4458, 4.6482]],
	zandvoort: [['Straatfeest Kostverlorenstraat', 52.3692, 4.5359], ['Buurtfeest Nieuw-Noord', 52.3842, 4.5431], ['Burendag Centrum Zandvoort', 52.3741, 4.5311]]
};

function streetParties(): DemoEventSpec[] {
	const out: DemoEventSpec[] = [];
	Object.entries(STREETS).forEach(([municipality, streets], m) => {
		streets.forEach(([name, lat, lon], k) => {
			const month = 6 + ((m + k) % 4);
			out.push({
				name,
				municipality,
				eventType: 'buurtfeest',
				description: 'Straatfeest van en voor de buurt: springkussen, muziek en een gezamenlijke maaltijd.',
				address: name.replace(/^(Straatfeest|Buurtfeest|Burendag) /, ''),
				lat,
				lon,
				date: yearly((y) => nthWeekday(y, month, 6, 1 + ((m + 2 * k) % 4))),
				start: '14:00',
				endDay: 0,
				end: '22:00',
				peak: 60 + ((m * 37 + k * 53) % 180),
				procedure: 'melding',
				scan: { site: 'street', activities: k === 1 ? ['amplified_music'] : [], audience: k === 0 ? ['children'] : [] },
				organiser: { name: `${FIRST[(m + k) % FIRST.length]} ${['de Jong', 'Visser', 'Kramer'][k]}`, organisation: `Bewoners ${name.split(' ').slice(1).join(' ')}` }
			});
		});
	});
	return out;
}

// ——— building the rows ———

const FIRST = ['Anna', 'Bas', 'Carla', 'Dirk', 'Eva', 'Frank', 'Gerda', 'Hugo'];

function answers(scan: DemoEventSpec['scan'], concurrentEvents: number): DemoScanAnswers {
	return {
		audience: scan.audience ?? [],
		alcohol: scan.alcohol ?? 'none',
		drugsExpected: scan.drugsExpected ?? false,
		rivalGroups: scan.rivalGroups ?? false,
		activities: scan.activities ?? [],
		site: scan.site,
		indoor: scan.indoor ?? false,
		enclosed: scan.enclosed ?? false,
		roadClosures: scan.roadClosures ?? false,
		poorAccess: scan.poorAccess ?? false,
		nearHazard: scan.nearHazard ?? false,
		concurrentEvents
	};
}

function score(spec: DemoEventSpec, startsAt: Date, endsAt: Date, concurrentEvents: number): RisicoscanResult {
	return scoreRisicoscan(
		{ ...answers(spec.scan, concurrentEvents), peakVisitors: spec.peak, totalVisitors: spec.total, areaM2: spec.areaM2, startsAt, endsAt },
		DEFAULT_RISICOSCAN_MODEL
	);
}

/** Where an application stands by the time left to its start, unless the spec fixes it. */
function lifecycle(spec: DemoEventSpec, daysAhead: number, category: Category, index: number): { status: Status; decision: Decision | null } {
	if (spec.status) return { status: spec.status, decision: spec.decision ?? (spec.status === 'besluit' ? 'verleend' : null) };
	const decided = (): Decision => (category === 'A' ? 'verleend' : 'verleend_met_voorschriften');
	if (daysAhead < 21) return { status: 'besluit', decision: decided() };
	if (daysAhead < 90) return category === 'A' ? { status: 'besluit', decision: 'verleend' } : index % 3 === 0 ? { status: 'besluit', decision: decided() } : { status: 'advies_gevraagd', decision: null };
	if (daysAhead < 180) return category === 'A' ? { status: 'in_behandeling', decision: null } : { status: index % 2 ? 'advies_gevraagd' : 'in_behandeling', decision: null };
	return { status: index % 2 ? 'ingediend' : 'in_behandeling', decision: null };
}

const CONDITIONS =
	'De organisator houdt een calamiteitenroute van 3,5 m breed en 4 m hoog vrij, zet ten minste één EHBO-post per 5 000 bezoekers in en meldt de veiligheidscoördinator een uur voor aanvang bij de meldkamer.';

interface Planned {
	spec: DemoEventSpec;
	startsAt: Date;
	endsAt: Date;
	index: number;
}

function planned(today: LocalDate): Planned[] {
	const neighbourhood: DemoEventSpec[] = NEIGHBOURHOOD.map((n) => ({
		name: n.name,
		municipality: n.municipality,
		eventType: n.type,
		description: 'Kleinschalig evenement in de buurt, gemeld door bewoners.',
		address: n.address,
		lat: n.lat,
		lon: n.lon,
		date: saturdayFromToday(n.saturday),
		start: n.start,
		endDay: 0,
		end: n.end,
		peak: n.peak,
		procedure: n.peak < 250 ? 'melding' : 'vergunning',
		scan: n.scan,
		organiser: { name: `${FIRST[n.saturday % FIRST.length]} ${n.name.split(' ').at(-1)}`, organisation: `Bewonerscommissie ${n.name.split(' ').at(-1)}` }
	}));
	return [...SPECS, ...neighbourhood, ...streetParties()].map((spec, index) => {
		const first = spec.date(today);
		const [sh, sm] = spec.start.split(':').map(Number) as [number, number];
		const [eh, em] = spec.end.split(':').map(Number) as [number, number];
		return { spec, index, startsAt: localInstant(first, sh, sm), endsAt: localInstant(addDays(first, spec.endDay), eh, em) };
	});
}

/** The demo applications for a day (`today`, local), with scans, statuses and references. */
export function demoEventPlan(now: Date = new Date()): DemoApplication[] {
	const today = localDateOf(now);
	const events = planned(today);

	// Pass 1: classes without context; pass 2: with the other B and C events on the same days,
	// as the risicoscan fills that in from the calendar (concepts and withdrawn ones do not count).
	const first = events.map((e) => score(e.spec, e.startsAt, e.endsAt, 0).category);
	const counted = (e: Planned) => e.spec.status !== 'concept' && e.spec.status !== 'ingetrokken' && e.spec.decision !== 'geweigerd';
	const daysOf = events.map((e) => new Set(localDaysOf(e.startsAt, e.endsAt)));
	const results = events.map((e, i) => {
		const concurrent = events.filter(
			(o, j) => j !== i && counted(o) && (first[j] === 'B' || first[j] === 'C') && [...daysOf[j]!].some((d) => daysOf[i]!.has(d))
		).length;
		return { concurrent, result: score(e.spec, e.startsAt, e.endsAt, concurrent) };
	});

	const rows = events.map((e, i): Omit<DemoApplication, 'reference'> => {
		const { spec } = e;
		const { concurrent, result } = results[i]!;
		const daysAhead = daysBetween(today, localDateOf(e.startsAt));
		const { status, decision } = lifecycle(spec, daysAhead, result.category, i);
		// Permits come in about 14 weeks ahead, meldingen 4; never in the future, and early enough for
		// the steps after it to have happened in order (advice asked after submission, decided after advice).
		const leadDays = spec.procedure === 'vergunning' ? 98 + (i % 5) * 7 : 28 + (i % 3) * 3;
		const daysSinceSubmission = MIN_DAYS_SINCE_SUBMISSION[status] + (i % 9);
		const submittedAt = new Date(Math.min(e.startsAt.getTime() - leadDays * 86_400_000, now.getTime() - daysSinceSubmission * 86_400_000));
		const createdAt = new Date(submittedAt.getTime() - (1 + (i % 4)) * 86_400_000);
		const decidedAt = decision ? new Date(Math.min(submittedAt.getTime() + 49 * 86_400_000, now.getTime() - 86_400_000)) : null;
		const slug = spec.organiser.organisation.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
		return {
			municipalityCode: spec.municipality,
			status,
			procedure: spec.procedure,
			organiserName: spec.organiser.name,
			organiserOrganisation: spec.organiser.organisation,
			organiserKvk: String(60_000_000 + ((i * 7_919_993) % 39_999_999)).padStart(8, '0'),
			organiserEmail: `info@${slug}.example.nl`,
			organiserPhone: `06-${String(10_000_000 + ((i * 4_327_691) % 89_999_999)).slice(0, 8)}`,
			name: spec.name,
			description: spec.description,
			eventType: spec.eventType,
			address: spec.address,
			lat: spec.lat,
			lon: spec.lon,
			startsAt: e.startsAt,
			endsAt: e.endsAt,
			totalVisitors: spec.total ?? null,
			peakVisitors: spec.peak,
			areaM2: spec.areaM2 ?? null,
			isNewEvent: spec.isNew ?? false,
			scanAnswers: answers(spec.scan, concurrent),
			scanResult: result,
			scanModelVersion: 0,
			computedCategory: result.category,
			submittedAt: status === 'concept' ? null : submittedAt,
			late: status !== 'concept' && e.startsAt.getTime() - submittedAt.getTime() < (spec.procedure === 'vergunning' ? 56 : 14) * 86_400_000,
			decision,
			decisionConditions: decision === 'verleend_met_voorschriften' ? CONDITIONS : null,
			decisionReason:
				decision === 'geweigerd'
					? 'De afstand tussen de afsteekplaats en de bebouwing is kleiner dan de veiligheidsafstand uit het Vuurwerkbesluit.'
					: decision
						? 'Getoetst aan de APV en het evenementenbeleid; de adviezen van de hulpdiensten zijn overgenomen.'
						: null,
			decidedAt,
			createdAt
		};
	});

	// References count per municipality and registration year, in order of registration.
	const order = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.createdAt.getTime() - b.r.createdAt.getTime() || a.i - b.i);
	const counters = new Map<string, number>();
	const references = new Map<number, string>();
	for (const { r, i } of order) {
		const year = Number(localDateOf(r.createdAt).slice(0, 4));
		const key = `${r.municipalityCode}-${year}`;
		const n = (counters.get(key) ?? 0) + 1;
		counters.set(key, n);
		references.set(i, eventReference(r.municipalityCode, year, n));
	}
	return rows.map((r, i) => ({ ...r, reference: references.get(i)! }));
}

/** The plan as calendar entries (for tests and checks: what the calendar should show). */
export function demoPlanEntries(plan: DemoApplication[]): (Pick<CalendarEntry, 'name' | 'municipality' | 'category' | 'status'> & { id: string; startsAt: Date; endsAt: Date; decision: string | null })[] {
	return plan.map((p) => ({
		id: p.reference,
		name: p.name,
		municipality: p.municipalityCode,
		category: p.computedCategory,
		status: p.status,
		decision: p.decision,
		startsAt: p.startsAt,
		endsAt: p.endsAt
	}));
}
