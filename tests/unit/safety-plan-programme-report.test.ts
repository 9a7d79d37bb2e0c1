// The yearly execution programme as a report, the indicator as the reports show it (a row per year
// beside the chart) and the rule that every number in a report carries its source and date.
import { describe, expect, it } from 'vitest';
import { buildProgrammeReport, programmeYearRefusal, type ProgrammeInput } from '../../src/lib/domain/safety-plan/programme-report.ts';
import { reportIndicator, untracedNumbers, type IndicatorInput } from '../../src/lib/domain/safety-plan/report-indicators.ts';
import { ownFigureRows } from '../../src/lib/domain/safety-plan/own-figures.ts';
import { buildProgressReport, parseHalf } from '../../src/lib/domain/safety-plan/progress-report.ts';

const burglaries: IndicatorInput = {
	priorityId: 'p1',
	title: 'Woninginbraken',
	definition: 'Aantal aangiften van woninginbraak per jaar',
	unit: 'aantal',
	direction: 'omlaag',
	baselineYear: 2020,
	baseline: 100,
	source: 'Politie, jaarcijfers',
	targets: [
		{ year: 2022, value: 90 },
		{ year: 2024, value: 80 }
	],
	measurements: [
		{ areaCode: '', year: 2021, value: 97, source: 'Politie 2021', measuredOn: '2022-01-20' },
		{ areaCode: '', year: 2023, value: 85, source: 'Politie 2023', measuredOn: '2024-01-18' },
		{ areaCode: 'WK039601', year: 2023, value: 12, source: 'Politie wijk', measuredOn: '2024-01-18' },
		{ areaCode: '', year: 2025, value: 70, source: 'Politie 2025', measuredOn: '2026-01-10' }
	]
};

const input: ProgrammeInput = {
	plan: { title: 'IVHP 2021-2024', municipalityName: 'Heemskerk', ambition: 'Zichtbaar en merkbaar veiliger.', version: 3, startYear: 2021, endYear: 2024 },
	priorities: [
		{ id: 'p1', kind: 'prioriteit', title: 'Leefbaarheid in de wijken', ambition: 'Veilig in de wijk' },
		{ id: 'p2', kind: 'prioriteit', title: 'Ondermijning', ambition: 'Weerbaar' },
		{ id: 't1', kind: 'thema', title: 'Evenementen', ambition: '' }
	],
	actions: [
		{ priorityId: 'p1', title: 'Buurtpreventie', owner: 'Team OOV', plannedQuarter: 1, status: 'gereed', updatedAt: '2024-03-31T22:30:00Z' },
		{ priorityId: 'p1', title: 'Campagne inbraak', owner: 'Politie', plannedQuarter: 3, status: 'in_uitvoering', updatedAt: '2024-05-01T10:00:00Z' },
		{ priorityId: 't1', title: 'Evaluatie Kermis', owner: 'VRK', plannedQuarter: 4, status: 'uitgesteld', updatedAt: '2024-01-01T10:00:00Z' }
	],
	indicators: [burglaries],
	figures: { eventsByClass: { A: 1, B: 2, C: 3 }, bibobStarted: 4, bibobCompleted: 2, exercisesHeld: 1, exerciseEvaluationActions: 5, exerciseEvaluationActionsDone: 3 },
	madeOn: '2024-09-02'
};

describe('programmeYearRefusal', () => {
	const period = { startYear: 2021, endYear: 2024 };
	it('accepts a year of the plan', () => {
		expect(programmeYearRefusal('2021', period)).toBeUndefined();
		expect(programmeYearRefusal('2024', period)).toBeUndefined();
	});
	it.each([null, '', '24', '2024-1', ' 2024', 'abcd'])('refuses %j in Dutch', (value) => {
		expect(programmeYearRefusal(value, period)).toBe('Geef het jaar van het uitvoeringsprogramma als JJJJ, bijvoorbeeld 2024.');
	});
	it('refuses a year outside the plan', () => {
		expect(programmeYearRefusal('2025', period)).toBe('Kies een jaar binnen de looptijd van het plan (2021 tot en met 2024).');
	});
});

describe('buildProgrammeReport', () => {
	const report = buildProgrammeReport(input, 2024);

	it('names the year, the plan and its version, and counts the actions with their source', () => {
		expect(report.title).toBe('Uitvoeringsprogramma 2024 — IVHP 2021-2024');
		expect(report.subtitle).toBe('Heemskerk — 2021-2024 (versie 3 van het plan)');
		expect(report.summary[1]).toBe('3 acties: 1 gereed, 1 in uitvoering, 0 gepland, 1 uitgesteld en 0 vervallen (bron: Paraat, uitvoeringsprogramma 2024, stand 2024-09-02).');
		expect(report.summary[2]).toBe('Gepland per kwartaal: Q1 1, Q2 0, Q3 1, Q4 1 (bron: Paraat, stand 2024-09-02).');
	});

	it('lists every action under its priority or theme with owner, quarter, status and the day of that status (Amsterdam)', () => {
		expect(report.sections.map((s) => [s.title, s.actions.length])).toEqual([
			['Leefbaarheid in de wijken', 2],
			['Ondermijning', 0],
			['Evenementen', 1]
		]);
		expect(report.sections[0]!.actions[0]).toEqual({ title: 'Buurtpreventie', owner: 'Team OOV', quarter: 'Q1', status: 'Gereed', statusSource: 'Paraat, bijgewerkt op 2024-04-01' });
		expect(report.sections[2]!.actions[0]!.status).toBe('Uitgesteld');
	});

	it('lists the figures Paraat counts, the exercises’ evaluation actions included', () => {
		expect(report.ownFigures.map((f) => [f.label, f.value])).toEqual([
			['Evenementen klasse A in 2024', 1],
			['Evenementen klasse B in 2024', 2],
			['Evenementen klasse C in 2024', 3],
			['Bibob-onderzoeken gestart in 2024', 4],
			['Bibob-onderzoeken afgerond in 2024', 2],
			['Oefeningen gehouden in 2024', 1],
			['Evaluatieacties van die oefeningen (nafase)', 5],
			['Evaluatieacties gereed', 3]
		]);
	});

	it('leaves no number without its source and date', () => {
		expect(untracedNumbers(report.sections.flatMap((s) => s.indicators), report.ownFigures)).toEqual([]);
		const progress = buildProgressReport(input, parseHalf('2024-2')!);
		expect(untracedNumbers(progress.sections.flatMap((s) => s.indicators), progress.ownFigures)).toEqual([]);
	});
});

describe('reportIndicator', () => {
	it('gives a row per year from the baseline to the report’s year: the baseline, each figure and a target year without a figure', () => {
		const row = reportIndicator(burglaries, 2024, { startYear: 2021, endYear: 2024 });
		expect(row.years).toEqual([
			{ year: 2020, kind: 'nulmeting', target: '—', value: '100', source: 'Politie, jaarcijfers', measuredOn: 'nulmeting 2020' },
			{ year: 2021, kind: 'meting', target: '—', value: '97', source: 'Politie 2021', measuredOn: '2022-01-20' },
			{ year: 2022, kind: 'geen meting', target: '90', value: '—', source: '—', measuredOn: '—' },
			{ year: 2023, kind: 'meting', target: '90', value: '85', source: 'Politie 2023', measuredOn: '2024-01-18' },
			{ year: 2024, kind: 'geen meting', target: '80', value: '—', source: '—', measuredOn: '—' }
		]);
		expect(row.definition).toBe('Aantal aangiften van woninginbraak per jaar');
	});

	it('charts the whole period, with the municipality-wide figures up to the report’s year only', () => {
		const { chart } = reportIndicator(burglaries, 2023, { startYear: 2021, endYear: 2024 });
		expect(chart).toMatchObject({ baselineYear: 2020, baseline: 100, fromYear: 2021, toYear: 2024 });
		expect(chart.measurements).toEqual([
			{ year: 2021, value: 97 },
			{ year: 2023, value: 85 }
		]);
	});
});

describe('untracedNumbers', () => {
	it('names a figure without a source or date, and a count without its date', () => {
		const row = reportIndicator(
			{ ...burglaries, measurements: [{ areaCode: '', year: 2023, value: 85, source: ' ', measuredOn: '' }] },
			2024,
			{ startYear: 2021, endYear: 2024 }
		);
		expect(untracedNumbers([row], [{ label: 'Oefeningen', source: 'Paraat' }])).toEqual([
			'Woninginbraken 2023: geen bron',
			'Woninginbraken 2023: geen datum',
			'Oefeningen: bron zonder datum'
		]);
	});
});

describe('ownFigureRows', () => {
	it('leaves out the evaluation actions when they were not counted', () => {
		const rows = ownFigureRows({ eventsByClass: { A: 0, B: 0, C: 0 }, bibobStarted: 0, bibobCompleted: 0, exercisesHeld: 0 }, 2022, '2022-12-01');
		expect(rows).toHaveLength(6);
		for (const r of rows) expect(r.source).toMatch(/^Paraat, geteld op 2022-12-01 \(/);
	});
});
