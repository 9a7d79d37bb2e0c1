// The half-yearly progress report to the council (issue 18): which half is asked for, and the
// report's content as plain data — per priority the year's actions with their status and the
// indicators with baseline, target, the latest figure and its source and date — so the PDF only
// lays it out and every number in it carries where it came from. Pure.
import { ACTION_STATUS_LABELS, isFinished, statusCounts, type ActionStatus } from './actions.ts';
import { reportIndicator, type IndicatorInput, type ReportIndicatorRow } from './report-indicators.ts';
import { ownFigureRows, type OwnFigureCounts, type OwnFigureRow } from './own-figures.ts';
import { covers, type Period } from './plan-period.ts';

export type { ReportIndicatorRow } from './report-indicators.ts';

export interface Half {
	year: number;
	half: 1 | 2;
	/** Inclusive, YYYY-MM-DD. */
	from: string;
	to: string;
	label: string;
}

/** `2024-1` (January–June) or `2024-2` (July–December); undefined for anything else. */
export function parseHalf(value: string | null | undefined): Half | undefined {
	const match = /^(\d{4})-([12])$/.exec(value ?? '');
	if (!match) return undefined;
	const year = Number(match[1]);
	const half = Number(match[2]) as 1 | 2;
	return half === 1
		? { year, half, from: `${year}-01-01`, to: `${year}-06-30`, label: `eerste halfjaar ${year}` }
		: { year, half, from: `${year}-07-01`, to: `${year}-12-31`, label: `tweede halfjaar ${year}` };
}

/** Why a `half` is refused, in Dutch, or undefined when it is a half of the plan's period. */
export function halfRefusal(value: string | null | undefined, period: Period): string | undefined {
	const half = parseHalf(value);
	if (!half) return 'Geef het halfjaar als JJJJ-1 (januari tot en met juni) of JJJJ-2 (juli tot en met december), bijvoorbeeld 2024-1.';
	if (!covers(period, half.year)) return `Kies een halfjaar binnen de looptijd van het plan (${period.startYear} tot en met ${period.endYear}).`;
	return undefined;
}

export interface ReportInput {
	plan: Period & { title: string; municipalityName: string; ambition: string; version: number };
	priorities: { id: string; kind: 'prioriteit' | 'thema'; title: string; ambition: string }[];
	actions: { priorityId: string; title: string; owner: string; plannedQuarter: number; status: ActionStatus; updatedAt: string }[];
	indicators: IndicatorInput[];
	figures: OwnFigureCounts;
	/** When the report is made (YYYY-MM-DD): the date of every figure Paraat counts itself. */
	madeOn: string;
}

export interface ReportSection {
	title: string;
	kind: 'prioriteit' | 'thema';
	ambition: string;
	actions: { title: string; owner: string; quarter: string; status: string; due: boolean }[];
	indicators: ReportIndicatorRow[];
}

export interface ProgressReport {
	title: string;
	subtitle: string;
	summary: string[];
	sections: ReportSection[];
	ownFigures: OwnFigureRow[];
}

/**
 * The report for `half`: actions planned up to the end of that half are "due"; indicators show the
 * latest municipality-wide figure up to that year against that year's target.
 */
export function buildProgressReport(input: ReportInput, half: Half): ProgressReport {
	const lastQuarter = half.half === 1 ? 2 : 4;
	const counts = statusCounts(input.actions);
	const due = input.actions.filter((a) => a.plannedQuarter <= lastQuarter);
	const dueDone = due.filter((a) => isFinished(a.status)).length;
	const sections = input.priorities.map(
		(p): ReportSection => ({
			title: p.title,
			kind: p.kind,
			ambition: p.ambition,
			actions: input.actions
				.filter((a) => a.priorityId === p.id)
				.map((a) => ({ title: a.title, owner: a.owner, quarter: `Q${a.plannedQuarter}`, status: ACTION_STATUS_LABELS[a.status], due: a.plannedQuarter <= lastQuarter })),
			indicators: input.indicators.filter((i) => i.priorityId === p.id).map((i) => reportIndicator(i, half.year, input.plan))
		})
	);
	return {
		title: `Voortgangsrapportage ${input.plan.title}`,
		subtitle: `${input.plan.municipalityName} — ${half.label} (versie ${input.plan.version} van het plan)`,
		summary: [
			`Ambitie: ${input.plan.ambition}`,
			`Uitvoeringsprogramma ${half.year}: ${input.actions.length} acties, waarvan ${counts.gereed} gereed, ${counts.in_uitvoering} in uitvoering, ${counts.gepland} gepland, ${counts.uitgesteld} uitgesteld en ${counts.vervallen} vervallen (bron: Paraat, uitvoeringsprogramma ${half.year}, stand ${input.madeOn}).`,
			`Gepland tot en met het ${half.label}: ${due.length} acties, waarvan ${dueDone} afgerond (bron: Paraat, stand ${input.madeOn}).`
		],
		sections,
		ownFigures: ownFigureRows(input.figures, half.year, input.madeOn)
	};
}
