// Who is on duty: pure rules over duty periods, so the API, the alert and the beheer page agree.

export interface DutyPeriodLike {
	functionCode: string;
	userId: string;
	backupUserId: string | null;
	startsAt: Date;
	endsAt: Date;
}

/** Whether the instant lies in the period: the start counts, the end belongs to the next shift. */
export function covers(period: Pick<DutyPeriodLike, 'startsAt' | 'endsAt'>, at: Date): boolean {
	return period.startsAt.getTime() <= at.getTime() && at.getTime() < period.endsAt.getTime();
}

/**
 * Per function, the period that covers `at`. Periods of one function do not overlap (the service
 * refuses that), but should they, the one that started last wins: it was planned over the other.
 */
export function onDutyAt<P extends DutyPeriodLike>(periods: readonly P[], at: Date): Map<string, P> {
	const result = new Map<string, P>();
	for (const p of periods) {
		if (!covers(p, at)) continue;
		const current = result.get(p.functionCode);
		if (!current || p.startsAt.getTime() > current.startsAt.getTime()) result.set(p.functionCode, p);
	}
	return result;
}

/** Whether two periods share any instant (touching ends do not). */
export function overlaps(a: Pick<DutyPeriodLike, 'startsAt' | 'endsAt'>, b: Pick<DutyPeriodLike, 'startsAt' | 'endsAt'>): boolean {
	return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * The functions to alert when GRIP goes from `from` to `to`: those configured for every level
 * above `from` up to `to`, each once, in configuration order. Scaling down alerts no one.
 */
export function gripAlertFunctions(configured: readonly { level: number; functionCode: string }[], from: number, to: number): string[] {
	if (to <= from) return [];
	const seen = new Set<string>();
	for (const c of [...configured].sort((a, b) => a.level - b.level)) {
		if (c.level > from && c.level <= to) seen.add(c.functionCode);
	}
	return [...seen];
}
