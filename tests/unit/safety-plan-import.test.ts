// Checking an imported file of indicator figures (issue 18): column mapping, Dutch reasons per row.
import { describe, expect, it } from 'vitest';
import { checkFigureRows, parseDate, parseDutchNumber } from '../../src/lib/domain/safety-plan/figure-import.ts';

describe('parseDutchNumber', () => {
	it.each([
		['12', 12],
		['12,5', 12.5],
		['12.5', 12.5],
		['1.234', 1234],
		['1.234,5', 1234.5],
		['-3', -3],
		[' 7 ', 7]
	])('%s → %d', (text, n) => expect(parseDutchNumber(text)).toBe(n));
	it.each(['', 'abc', '1,2,3', '12%', '1.23.4,5,6', 'NaN', 'Infinity'])('refuses %j', (text) => expect(parseDutchNumber(text)).toBeUndefined());
});

describe('parseDate', () => {
	it('reads ISO and Dutch dates that exist', () => {
		expect(parseDate('2024-02-15')).toBe('2024-02-15');
		expect(parseDate('15-2-2024')).toBe('2024-02-15');
		expect(parseDate('29-02-2024')).toBe('2024-02-29');
	});
	it.each(['2023-02-29', '31-04-2024', '2024/02/15', '15 februari 2024', ''])('refuses %j', (text) => expect(parseDate(text)).toBeUndefined());
});

describe('checkFigureRows', () => {
	const indicators = [
		{ id: 'i1', title: 'Woninginbraken', baselineYear: 2020 },
		{ id: 'i2', title: 'Veiligheidsgevoel', baselineYear: 2019 }
	];
	const period = { startYear: 2021, endYear: 2024 };
	const defaults = { source: 'Politie', measuredOn: '2025-01-10' };
	const mapping = { indicator: 'Indicator', year: 'Jaar', value: 'Waarde', area: 'Gebied', measuredOn: 'Datum', source: '' };

	it('maps columns by header name (any case) and fills source and date from the defaults', () => {
		const result = checkFigureRows(
			[
				['indicator', 'JAAR', 'Waarde', 'Gebied', 'Datum'],
				['woninginbraken', '2024', '71', '', ''],
				['Veiligheidsgevoel', '2019', '82,5', 'wk039601', '15-2-2020'],
				['', '', '', '', '']
			],
			mapping,
			indicators,
			period,
			defaults
		);
		expect(result.errors).toEqual([]);
		expect(result.rows).toEqual([
			{ line: 2, indicatorId: 'i1', indicatorTitle: 'Woninginbraken', areaCode: '', year: 2024, value: 71, source: 'Politie', measuredOn: '2025-01-10' },
			{ line: 3, indicatorId: 'i2', indicatorTitle: 'Veiligheidsgevoel', areaCode: 'WK039601', year: 2019, value: 82.5, source: 'Politie', measuredOn: '2020-02-15' }
		]);
	});

	it('takes a workbook number cell as it is (1.234 stays 1.234) and its year and refuses a non-finite one', () => {
		const result = checkFigureRows(
			[
				['Indicator', 'Jaar', 'Waarde', 'Gebied', 'Datum'],
				['Woninginbraken', 2023, 1.234, '', '2024-01-15'],
				['Veiligheidsgevoel', 2023, 0.5, '', ''],
				['Woninginbraken', 2022.5, Number.NaN, '', '']
			],
			mapping,
			indicators,
			period,
			defaults
		);
		expect(result.rows.map((r) => [r.line, r.year, r.value, r.measuredOn])).toEqual([
			[2, 2023, 1.234, '2024-01-15'],
			[3, 2023, 0.5, '2025-01-10']
		]);
		expect(result.errors).toEqual(['Rij 4: jaar "2022.5" valt buiten het plan (2021–2024); waarde "NaN" is geen getal.']);
	});

	it('names every wrong row with its number and every reason, in Dutch', () => {
		const result = checkFigureRows(
			[
				['Indicator', 'Jaar', 'Waarde', 'Gebied', 'Datum'],
				['Fietsendiefstal', '2030', 'veel', 'Oosterwijk', '31-04-2024'],
				['Woninginbraken', '', '', '', ''],
				['Woninginbraken', '2022', '80', '', ''],
				['Woninginbraken', '2022', '81', '', '']
			],
			mapping,
			indicators,
			period,
			{ source: '', measuredOn: '2025-01-10' }
		);
		expect(result.errors).toEqual([
			'Rij 2: indicator "Fietsendiefstal" hoort niet bij dit plan; jaar "2030" valt buiten het plan (2021–2024); waarde "veel" is geen getal; "Oosterwijk" is geen CBS-wijkcode (WK…) of -buurtcode (BU…); datum "31-04-2024" is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ); bron ontbreekt.',
			'Rij 3: jaar ontbreekt; waarde ontbreekt; bron ontbreekt.',
			'Rij 4: bron ontbreekt.',
			'Rij 5: bron ontbreekt.'
		]);
	});

	it('refuses the same indicator, area and year twice', () => {
		const result = checkFigureRows([['Indicator', 'Jaar', 'Waarde'], ['Woninginbraken', '2022', '80'], ['Woninginbraken', '2022', '81']], { indicator: 'Indicator', year: 'Jaar', value: 'Waarde' }, indicators, period, defaults);
		expect(result.errors).toEqual(['Rij 3: Woninginbraken hele gemeente 2022 staat al eerder in het bestand.']);
	});

	it('refuses a mapping to a column the file does not have, and an empty file', () => {
		expect(checkFigureRows([['Indicator', 'Jaar']], { indicator: 'Indicator', year: 'Jaar', value: 'Aantal' }, indicators, period, defaults).errors).toEqual([
			'Het bestand heeft alleen een kopregel en geen cijfers.',
			'De kolom "Aantal" staat niet in de kopregel (gevonden: Indicator, Jaar).'
		]);
		expect(checkFigureRows([], mapping, indicators, period, defaults).errors).toEqual(['Het bestand is leeg.']);
	});
});
