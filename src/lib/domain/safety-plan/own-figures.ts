// The figures Paraat already holds, as the reports list them (issue 18: "figures Paraat already
// holds count by themselves"): events per class, Bibob screenings started and completed (counts
// only), exercises held and their evaluation actions. Each row says where and when it was counted.
// Pure.

export interface OwnFigureCounts {
	eventsByClass: { A: number; B: number; C: number };
	bibobStarted: number;
	bibobCompleted: number;
	exercisesHeld: number;
	/** Tasks of the nafase (where the evaluation lives) of the exercises held that year; absent in older callers. */
	exerciseEvaluationActions?: number;
	exerciseEvaluationActionsDone?: number;
}

export interface OwnFigureRow {
	label: string;
	value: number;
	source: string;
}

/** The rows for `year`, counted on `madeOn` (YYYY-MM-DD): the date every one of them carries. */
export function ownFigureRows(figures: OwnFigureCounts, year: number, madeOn: string): OwnFigureRow[] {
	const paraat = `Paraat, geteld op ${madeOn}`;
	const rows: OwnFigureRow[] = [
		{ label: `Evenementen klasse A in ${year}`, value: figures.eventsByClass.A, source: `${paraat} (evenementaanvragen)` },
		{ label: `Evenementen klasse B in ${year}`, value: figures.eventsByClass.B, source: `${paraat} (evenementaanvragen)` },
		{ label: `Evenementen klasse C in ${year}`, value: figures.eventsByClass.C, source: `${paraat} (evenementaanvragen)` },
		{ label: `Bibob-onderzoeken gestart in ${year}`, value: figures.bibobStarted, source: `${paraat} (alleen aantallen)` },
		{ label: `Bibob-onderzoeken afgerond in ${year}`, value: figures.bibobCompleted, source: `${paraat} (alleen aantallen)` },
		{ label: `Oefeningen gehouden in ${year}`, value: figures.exercisesHeld, source: `${paraat} (oefeningen)` }
	];
	if (figures.exerciseEvaluationActions !== undefined) {
		rows.push({ label: `Evaluatieacties van die oefeningen (nafase)`, value: figures.exerciseEvaluationActions, source: `${paraat} (taken van de oefeningen)` });
		rows.push({ label: `Evaluatieacties gereed`, value: figures.exerciseEvaluationActionsDone ?? 0, source: `${paraat} (taken van de oefeningen)` });
	}
	return rows;
}
