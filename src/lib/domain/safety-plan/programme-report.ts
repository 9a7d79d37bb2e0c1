// The yearly execution programme (uitvoeringsprogramma) as a report for the college and council
// (issue 18): per priority and strategic theme every action of the year with its owner, planned
// quarter and status (with the date of that status), and the indicators with baseline, the year's
// target and the figures up to that year — each number with its source and date. Pure: the PDF
// and the Word document only lay it out.
import { ACTION_STATUS_LABELS, statusCounts } from './actions.ts';
import { reportIndicator, type ReportIndicatorRow } from './report-indicators.ts';
import { ownFigureRows, type OwnFigureRow } from './own-figures.ts';
import { covers, type Period } from './plan-period.ts';
import type { ReportInput } from './progress-report.ts';

/** The programme report reads the same plan data as the progress report. */
export type ProgrammeInput = ReportInput;

export interface ProgrammeAction {
	title: string;
	owner: string;
	quarter: string;
	status: string;
	/** Where the status comes from: Paraat and the day it was last set. */
	statusSource: string;
}

export interface ProgrammeSection {
	title: string;
	kind: 'prioriteit' | 'thema';
	ambition: string;
	actions: ProgrammeAction[];
	indicators: ReportIndicatorRow[];
}

export interface ProgrammeReport {
	title: string;
	subtitle: string;
	summary: string[];
	sections: ProgrammeSection[];
	ownFigures: OwnFigureRow[];
}

/** Why a `year` is refused, in Dutch, or undefined when it is a year of the plan. */
export function programmeYearRefusal(value: string | null | undefined, period: Period): string | undefined {
	if (!/^\d{4}$/.test(value ?? '')) return 'Geef het jaar van het uitvoeringsprogramma als JJJJ, bijvoorbeeld 2024.';
	if (!covers(period, Number(value))) return `Kies een jaar binnen de looptijd van het plan (${period.startYear} tot en met ${period.endYear}).`;
	return undefined;
}

/** The day of an ISO instant in Europe/Amsterdam (YYYY-MM-DD): the date a status was set. */
const amsterdamDay = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

export function buildProgrammeReport(input: ProgrammeInput, year: number): ProgrammeReport {
	const counts = statusCounts(input.actions);
	const perQuarter = [1, 2, 3, 4].map((q) => input.actions.filter((a) => a.plannedQuarter === q).length);
	const sections = input.priorities.map(
		(p): ProgrammeSection => ({
			title: p.title,
			kind: p.kind,
			ambition: p.ambition,
			actions: input.actions
				.filter((a) => a.priorityId === p.id)
				.map((a) => ({ title: a.title, owner: a.owner, quarter: `Q${a.plannedQuarter}`, status: ACTION_STATUS_LABELS[a.status], statusSource: `Paraat, bijgewerkt op ${amsterdamDay(a.updatedAt)}` })),
			indicators: input.indicators.filter((i) => i.priorityId === p.id).map((i) => reportIndicator(i, year, input.plan))
		})
	);
	return {
		title: `Uitvoeringsprogramma ${year} — ${input.plan.title}`,
		subtitle: `${input.plan.municipalityName} — ${input.plan.startYear}-${input.plan.endYear} (versie ${input.plan.version} van het plan)`,
		summary: [
			`Ambitie: ${input.plan.ambition}`,
			`${input.actions.length} acties: ${counts.gereed} gereed, ${counts.in_uitvoering} in uitvoering, ${counts.gepland} gepland, ${counts.uitgesteld} uitgesteld en ${counts.vervallen} vervallen (bron: Paraat, uitvoeringsprogramma ${year}, stand ${input.madeOn}).`,
			`Gepland per kwartaal: ${perQuarter.map((n, i) => `Q${i + 1} ${n}`).join(', ')} (bron: Paraat, stand ${input.madeOn}).`
		],
		sections,
		ownFigures: ownFigureRows(input.figures, year, input.madeOn)
	};
}
