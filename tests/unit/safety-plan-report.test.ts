// The half-yearly progress report's rules (issue 18): which half, and the report as data — every
// number with its source and date.
import { describe, expect, it } from 'vitest';
import { buildProgressReport, halfRefusal, parseHalf, type ReportInput } from '../../src/lib/domain/safety-plan/progress-report.ts';

describe('parseHalf', () => {
	it('reads YYYY-1 and YYYY-2', () => {
		expect(parseHalf('2024-1')).toEqual({ year: 2024, half: 1, from: '2024-01-01', to: '2024-06-30', label: 'eerste halfjaar 2024' });
		expect(parseHalf('2024-2')).toMatchObject({ half: 2, from: '2024-07-01', to: '2024-12-31' });
	});
	it.each([null, undefined, '', '2024', '2024-3', '2024-0', '24-1', '2024-1 ', '2024-01', 'x-1'])('refuses %j', (value) => {
		expect(parseHalf(value)).toBeUndefined();
	});
	it('refuses in Dutch a malformed half or one outside the plan', () => {
		const period = { startYear: 2021, endYear: 2024 };
		expect(halfRefusal('2024-2', period)).toBeUndefined();
		expect(halfRefusal('2021-1', period)).toBeUndefined();
		expect(halfRefusal('2025-1', period)).toBe('Kies een halfjaar binnen de looptijd van het plan (2021 tot en met 2024).');
		expect(halfRefusal('2024', period)).toContain('JJJJ-1');
	});
});

describe('buildProgressReport', () => {
	const input: ReportInput = {
		plan: { title: 'IVHP 2021-2024', municipalityName: 'Heemskerk', ambition: 'Zichtbaar en merkbaar veiliger.', version: 2, startYear: 2021, endYear: 2024 },
		priorities: [
			{ id: 'p1', kind: 'prioriteit', title: 'Leefbaarheid in de wijken', ambition: 'Veilig in de wijk' },
			{ id: 't1', kind: 'thema', title: 'Evenementen', ambition: 'Veilige evenementen' }
		],
		actions: [
			{ priorityId: 'p1', title: 'Buurtpreventie', owner: 'Team OOV', plannedQuarter: 1, status: 'gereed', updatedAt: '2024-03-01T10:00:00Z' },
			{ priorityId: 'p1', title: 'Campagne inbraak', owner: 'Politie', plannedQuarter: 2, status: 'in_uitvoering', updatedAt: '2024-05-01T10:00:00Z' },
			{ priorityId: 't1', title: 'Evaluatie Kermis', owner: 'VRK', plannedQuarter: 4, status: 'gepland', updatedAt: '2024-01-01T10:00:00Z' }
		],
		indicators: [
			{
				priorityId: 'p1',
				title: 'Woninginbraken',
				unit: 'aantal',
				direction: 'omlaag',
				baselineYear: 2020,
				baseline: 100,
				source: 'Politie',
				targets: [{ year: 2024, value: 80 }],
				measurements: [
					{ areaCode: '', year: 2022, value: 95, source: 'Politie 2022', measuredOn: '2023-02-15' },
					{ areaCode: '', year: 2023, value: 90, source: 'Politie 2023', measuredOn: '2024-02-15' },
					{ areaCode: 'WK039601', year: 2023, value: 10, source: 'Politie wijk', measuredOn: '2024-02-15' }
				]
			}
		],
		figures: { eventsByClass: { A: 4, B: 2, C: 1 }, bibobStarted: 3, bibobCompleted: 1, exercisesHeld: 2 },
		madeOn: '2024-07-05'
	};

	it('counts the actions and those due by the end of the half', () => {
		const first = buildProgressReport(input, parseHalf('2024-1')!);
		expect(first.subtitle).toBe('Heemskerk — eerste halfjaar 2024 (versie 2 van het plan)');
		expect(first.summary[1]).toBe('Uitvoeringsprogramma 2024: 3 acties, waarvan 1 gereed, 1 in uitvoering, 1 gepland, 0 uitgesteld en 0 vervallen (bron: Paraat, uitvoeringsprogramma 2024, stand 2024-07-05).');
		expect(first.summary[2]).toBe('Gepland tot en met het eerste halfjaar 2024: 2 acties, waarvan 1 afgerond (bron: Paraat, stand 2024-07-05).');
		expect(first.sections[1]!.actions).toEqual([{ title: 'Evaluatie Kermis', owner: 'VRK', quarter: 'Q4', status: 'Gepland', due: false }]);
		expect(buildProgressReport(input, parseHalf('2024-2')!).summary[2]).toBe('Gepland tot en met het tweede halfjaar 2024: 3 acties, waarvan 1 afgerond (bron: Paraat, stand 2024-07-05).');
	});

	it('shows each indicator’s latest municipality-wide figure with its source and date, against the year’s target', () => {
		const [row] = buildProgressReport(input, parseHalf('2024-1')!).sections[0]!.indicators;
		expect(row).toMatchObject({ title: 'Woninginbraken', unit: 'aantal', baseline: '100 (2020)', target: '80', latest: '90 (2023)', reached: 'Nee (50%)', trend: 'Verbetert', source: 'Politie 2023, 2024-02-15' });
		const early = buildProgressReport(input, parseHalf('2021-1')!).sections[0]!.indicators[0]!;
		expect(early).toMatchObject({ target: '—', latest: '—', reached: '—', trend: 'Nog geen trend', source: 'Politie (nulmeting 2020)' });
	});

	it('gives every figure Paraat counts itself its source and date', () => {
		const report = buildProgressReport(input, parseHalf('2024-2')!);
		expect(report.ownFigures.map((f) => f.value)).toEqual([4, 2, 1, 3, 1, 2]);
		for (const f of report.ownFigures) expect(f.source).toContain('Paraat, geteld op 2024-07-05');
	});
});
