// The region's side-by-side view of the municipalities' safety plans (issue 18).
import { describe, expect, it } from 'vitest';
import { imvThemeOf, regionOverview, sharedPriorities } from '../../src/lib/domain/safety-plan/region-overview.ts';

const plan = (id: string, municipality: string, startYear: number, endYear: number, titles: string[]) => ({ id, municipality, title: `Plan ${id}`, startYear, endYear, priorities: titles.map((title) => ({ title })) });

describe('imvThemeOf', () => {
	it.each([
		['Ondermijning', 'Ondermijning'],
		['Zorg en veiligheid', 'Zorg en veiligheid'],
		['Cybercrime', 'Cybercrime'],
		['Digitale veiligheid en cybercriminaliteit', 'Cybercrime'],
		['Radicalisering en polarisatie', 'Contraterrorisme en polarisatie'],
		['Jeugd en veiligheid', null],
		['Leefbaarheid in de wijken', null]
	])('%s → %s', (title, theme) => {
		expect(imvThemeOf(title)).toBe(theme);
	});
});

describe('regionOverview', () => {
	const plans = [
		plan('a', 'heemskerk', 2021, 2024, ['Zorg en veiligheid', 'Jeugd en veiligheid', 'Ondermijning']),
		plan('old', 'beverwijk', 2015, 2019, ['Woninginbraken']),
		plan('b', 'beverwijk', 2020, 2024, ['Jeugd en veiligheid', 'ondermijning ']),
		plan('c', 'heemstede', 2025, 2027, ['Cybercrime'])
	];

	it('lists all nine municipalities in order, each with its plan running in the year or none', () => {
		const rows = regionOverview(plans, 2023);
		expect(rows).toHaveLength(9);
		expect(rows.map((r) => r.municipality)).toEqual(['beverwijk', 'bloemendaal', 'haarlem', 'haarlemmermeer', 'heemskerk', 'heemstede', 'uitgeest', 'velsen', 'zandvoort']);
		expect(rows[0]!.plan?.id).toBe('b');
		expect(rows[1]!.plan).toBeNull();
		expect(rows[1]!.priorities).toEqual([]);
		// Heemstede's plan starts later: until then its first plan is shown.
		expect(rows[5]!.plan?.id).toBe('c');
	});

	it('marks shared priorities (ignoring case and spaces) and IMV themes', () => {
		const heemskerk = regionOverview(plans, 2023).find((r) => r.municipality === 'heemskerk')!;
		expect(heemskerk.priorities).toEqual([
			{ title: 'Zorg en veiligheid', imv: 'Zorg en veiligheid', shared: false },
			{ title: 'Jeugd en veiligheid', imv: null, shared: true },
			{ title: 'Ondermijning', imv: 'Ondermijning', shared: true }
		]);
	});

	it('names the shared priorities with their municipalities, most shared first', () => {
		expect(sharedPriorities(regionOverview(plans, 2023))).toEqual([
			{ title: 'Jeugd en veiligheid', municipalities: ['Beverwijk', 'Heemskerk'] },
			{ title: 'ondermijning', municipalities: ['Beverwijk', 'Heemskerk'] }
		]);
	});
});
