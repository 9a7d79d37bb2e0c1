// A plan's period: the years it covers and which year's programme to open by default. Pure.

export interface Period {
	startYear: number;
	endYear: number;
}

export function planYears(period: Period): number[] {
	const years: number[] = [];
	for (let y = period.startYear; y <= period.endYear; y++) years.push(y);
	return years;
}

export function covers(period: Period, year: number): boolean {
	return year >= period.startYear && year <= period.endYear;
}

/** This year's programme while the plan runs; before it its first year, after it its last. */
export function defaultProgrammeYear(period: Period, currentYear: number): number {
	return Math.min(period.endYear, Math.max(period.startYear, currentYear));
}

/** The plan running in `year`, else the latest that started before it, else the first. */
export function currentPlan<P extends Period>(plans: readonly P[], year: number): P | undefined {
	const running = plans.filter((p) => covers(p, year)).sort((a, b) => b.startYear - a.startYear)[0];
	if (running) return running;
	const earlier = plans.filter((p) => p.startYear <= year).sort((a, b) => b.endYear - a.endYear)[0];
	return earlier ?? [...plans].sort((a, b) => a.startYear - b.startYear)[0];
}
