// Melding or vergunning (DOMAIN.md §2): a small event that meets the municipality's own
// conditions is notified (melding), anything else needs a permit. The conditions are data per
// municipality; the verdict names every condition that is not met.
import type { Category } from '../risicoscan/model.ts';
import { feestdagen, addDays, type LocalDate } from '../working-days.ts';
import { localDate, localMinutesFrom, type Instant } from './event-time.ts';
import type { ScanAnswers } from './scan-answers.ts';
import type { Procedure } from './application.ts';

/** Days on which a municipality allows no melding. */
export const EXCLUDED_DAYS = ['koningsdag', 'dodenherdenking', 'bevrijdingsdag', 'oudejaarsdag'] as const;
export type ExcludedDay = (typeof EXCLUDED_DAYS)[number];
export const EXCLUDED_DAY_LABELS: Record<ExcludedDay, string> = {
	koningsdag: 'Koningsdag',
	dodenherdenking: '4 mei (Dodenherdenking)',
	bevrijdingsdag: '5 mei (Bevrijdingsdag)',
	oudejaarsdag: 'oudejaarsdag (31 december)'
};

/** A local time window, 'HH:mm' to 'HH:mm'; '24:00' is the end of the day. */
export interface TimeWindow {
	from: string;
	until: string;
}

export interface MeldingConditions {
	/** The most visitors (total, else peak) a melding allows, inclusive ("< 250" is 249). */
	maxVisitors: number;
	/** The event takes place on one calendar day. */
	oneDay: boolean;
	/** The event lies within this local window, or null for any time. */
	window: TimeWindow | null;
	/** Amplified music only within this window, or null for no rule. */
	musicWindow: TimeWindow | null;
	excludedDays: ExcludedDay[];
	/** The event stays within one street. */
	oneStreet: boolean;
	/** No road closures. */
	noRoadClosures: boolean;
	/** A 3.5 m wide, 4 m high lane stays free for emergency services. */
	emergencyLane: boolean;
	/** The highest risicoscan class a melding allows (our rule: A). */
	maxCategory: Category;
}

export interface MeldingReason {
	code: string;
	label: string;
}

export interface MeldingVerdict {
	procedure: Procedure;
	/** Every condition not met; empty for a melding. */
	reasons: MeldingReason[];
}

export interface MeldingFacts {
	startsAt: Instant;
	endsAt: Instant;
	peakVisitors: number;
	totalVisitors: number | null;
	category: Category | null;
	answers: Pick<ScanAnswers, 'activities' | 'roadClosures' | 'oneStreet' | 'emergencyLaneFree' | 'musicFrom' | 'musicUntil'>;
}

const nl = new Intl.NumberFormat('nl-NL');
const RANK: Record<Category, number> = { A: 0, B: 1, C: 2 };

export function minutesOf(time: string): number {
	const [h, m] = time.split(':').map(Number) as [number, number];
	return h * 60 + m;
}

function excludedDatesOf(year: number): Record<ExcludedDay, LocalDate> {
	return {
		koningsdag: feestdagen(year).find((f) => f.label === 'Koningsdag')!.date,
		dodenherdenking: `${year}-05-04`,
		bevrijdingsdag: `${year}-05-05`,
		oudejaarsdag: `${year}-12-31`
	};
}

/** The local calendar dates from the start to the end (an end at exactly midnight closes the day before). */
export function localDatesSpanned(startsAt: Instant, endsAt: Instant): LocalDate[] {
	const first = localDate(startsAt);
	const endMinutes = localMinutesFrom(first, endsAt);
	const lastOffset = Math.max(0, Math.ceil(endMinutes / 1440) - 1);
	return Array.from({ length: lastOffset + 1 }, (_, i) => addDays(first, i));
}

export function meldingVerdict(facts: MeldingFacts, conditions: MeldingConditions): MeldingVerdict {
	const reasons: MeldingReason[] = [];
	const visitors = facts.totalVisitors ?? facts.peakVisitors;
	if (visitors > conditions.maxVisitors) {
		reasons.push({ code: 'visitors', label: `Meer dan ${nl.format(conditions.maxVisitors)} bezoekers (${nl.format(visitors)})` });
	}
	const day = localDate(facts.startsAt);
	const startMin = localMinutesFrom(day, facts.startsAt);
	const endMin = localMinutesFrom(day, facts.endsAt);
	if (conditions.oneDay && endMin > 1440) reasons.push({ code: 'one_day', label: 'Het evenement duurt langer dan één dag' });
	if (conditions.window) {
		const { from, until } = conditions.window;
		if (startMin < minutesOf(from) || endMin > minutesOf(until)) {
			reasons.push({ code: 'window', label: `Het evenement valt niet binnen ${from}–${until} uur` });
		}
	}
	if (conditions.musicWindow && facts.answers.activities.includes('amplified_music')) {
		const musicStart = facts.answers.musicFrom ? minutesOf(facts.answers.musicFrom) : startMin;
		let musicEnd = facts.answers.musicUntil ? minutesOf(facts.answers.musicUntil) : endMin;
		// Music "until 01:00" on an evening event ends after midnight.
		if (musicEnd <= musicStart) musicEnd += 1440;
		const { from, until } = conditions.musicWindow;
		if (musicStart < minutesOf(from) || musicEnd > minutesOf(until)) {
			reasons.push({ code: 'music', label: `Versterkte muziek buiten ${from}–${until} uur` });
		}
	}
	if (conditions.excludedDays.length > 0) {
		const dates = localDatesSpanned(facts.startsAt, facts.endsAt);
		for (const excluded of conditions.excludedDays) {
			const hit = dates.some((d) => excludedDatesOf(Number(d.slice(0, 4)))[excluded] === d);
			if (hit) reasons.push({ code: `day_${excluded}`, label: `Geen melding mogelijk op ${EXCLUDED_DAY_LABELS[excluded]}` });
		}
	}
	if (conditions.oneStreet && !facts.answers.oneStreet) reasons.push({ code: 'one_street', label: 'Het evenement blijft niet binnen één straat' });
	if (conditions.noRoadClosures && facts.answers.roadClosures) reasons.push({ code: 'road_closures', label: 'Er zijn wegafsluitingen nodig' });
	if (conditions.emergencyLane && !facts.answers.emergencyLaneFree) {
		reasons.push({ code: 'emergency_lane', label: 'Geen vrije doorgang van 3,5 m breed en 4 m hoog voor hulpdiensten' });
	}
	if (facts.category && RANK[facts.category] > RANK[conditions.maxCategory]) {
		reasons.push({ code: 'category', label: `De risicoscan geeft klasse ${facts.category}; een melding kan tot en met klasse ${conditions.maxCategory}` });
	}
	return { procedure: reasons.length === 0 ? 'melding' : 'vergunning', reasons };
}
