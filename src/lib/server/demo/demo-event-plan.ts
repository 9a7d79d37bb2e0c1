// A believable year of events in Kennemerland for demo mode, relative to today so the calendar
// is never empty. Pure: the same `today` gives the same plan. The events themselves are in
// demo-yearly-events.ts and demo-neighbourhood-events.ts, their dates in demo-dates.ts; this
// module scores them with the default risicoscan (the context criterion from the plan itself),
// gives each a status by the time left, and builds the application rows.
import { DEFAULT_RISICOSCAN_MODEL, scoreRisicoscan, type Category, type RisicoscanResult } from '../../domain/risicoscan';
import { addDays, daysBetween, eventReference, localDateOf, localDaysOf, localInstant, type LocalDate } from '../../domain/calendar';
import type { CalendarEntry } from '../calendar/calendar-entry';
import type { Decision, DemoApplication, DemoEventSpec, DemoScanAnswers, Status } from './demo-event-spec';
import { YEARLY_EVENTS } from './demo-yearly-events';
import { neighbourhoodEvents, streetParties } from './demo-neighbourhood-events';

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
	return [...YEARLY_EVENTS, ...neighbourhoodEvents(), ...streetParties()].map((spec, index) => {
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
