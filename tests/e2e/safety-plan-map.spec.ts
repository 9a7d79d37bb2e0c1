// The safety plan's neighbourhood map (issue 18) in Chromium: Heemskerk's beleidsadviseur OOV opens
// an indicator's map from the plan (demo wijken, said to be simplified demo boundaries), sees 2024
// without figures (every wijk hatched, "geen cijfer"), imports a CSV with a figure per wijk through
// the import page (a code of another municipality refused first), and sees the table and the map
// change; the year form switches back to a demo year. The mayor's kabinet reads the map on a phone,
// buurten too. Pages are axe-clean.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { expectHydrated, loggedInContext } from './support/app';
import { demoEmail } from './support/env';
import { axeViolations, codeNamesOn, horizontalOverflow } from './support/pages';

async function expectAxeClean(page: Page): Promise<void> {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const CSV_HEADER = 'Indicator;Jaar;Waarde;Gebied;Datum;Bron\n';
const rows = (lines: string[]) => Buffer.from(CSV_HEADER + lines.map((l) => `${l};15-01-2025;Politie basisteam Kennemerland-Noord`).join('\n') + '\n');

test('de beleidsadviseur ziet een indicator per wijk op de kaart en in de tabel, importeert cijfers per wijk en ziet beide veranderen', async ({ browser }) => {
	const adviser = await loggedInContext(browser, demoEmail('beleidsadviseur', 'heemskerk'));
	const page = adviser.page;
	try {
		await page.goto('/veiligheidsplan');
		await page.getByRole('link', { name: /Heemskerk: Integraal Veiligheids- en Handhavingsplan 2021-2024/ }).click();
		await page.getByRole('link', { name: 'Meldingen jeugdoverlast op de kaart per wijk en buurt' }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Meldingen jeugdoverlast per wijk en buurt' })).toBeVisible();
		await expect(page.getByText('Vereenvoudigde demogrenzen, niet de CBS-geometrie.')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Meldingen jeugdoverlast per wijk, 2023' })).toBeVisible();
		const table = page.getByRole('table', { name: 'Meldingen jeugdoverlast per wijk, 2023' });
		await expect(table.getByRole('row')).toHaveCount(5);
		// The demo figure of 2023 (271 for the whole municipality) shared over the four demo wijken.
		await expect(table.getByRole('row', { name: /^Noordwest \(demo\) WK039601 84 / })).toBeVisible();
		const map = page.locator('figure.choropleth');
		await expect(map).toHaveAttribute('data-map-state', /^(kaart|geen-webgl)$/, { timeout: 20_000 });
		const drawn = (await map.getAttribute('data-map-state')) === 'kaart';
		if (drawn) await expect(map).toHaveAttribute('data-coloured', '4', { timeout: 20_000 });
		await expectAxeClean(page);
		const mapUrl = page.url().split('?')[0]!;

		// 2024 has no figures per wijk yet: every wijk hatched, "geen cijfer".
		await page.goto(`${mapUrl}?jaar=2024`);
		const empty = page.getByRole('table', { name: 'Meldingen jeugdoverlast per wijk, 2024' });
		await expect(empty.getByRole('cell', { name: 'geen cijfer', exact: true })).toHaveCount(4);
		await expect(page.getByRole('list', { name: 'Legenda' })).toHaveText(/Geen cijfer \(4\)/);
		if (drawn) await expect(map).toHaveAttribute('data-hatched', '4', { timeout: 20_000 });
		if (drawn) await expect(map).toHaveAttribute('data-coloured', '0');

		// The police export per wijk, through the existing import page: another municipality's code first.
		await page.goto(mapUrl.replace(/\/kaart\/.*$/, '/import'));
		const csv = { name: 'jeugdoverlast-per-wijk-2024.csv', mimeType: 'text/csv' };
		const good = ['Meldingen jeugdoverlast;2024;70;WK039601', 'Meldingen jeugdoverlast;2024;35;WK039602', 'Meldingen jeugdoverlast;2024;90;WK039603', 'Meldingen jeugdoverlast;2024;55;WK039604'];
		await page.getByLabel('CSV-bestand').setInputFiles({ ...csv, buffer: rows([...good.slice(0, 3), 'Meldingen jeugdoverlast;2024;55;WK037504']) });
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(page.getByTestId('import-errors')).toHaveText('Rij 5: WK037504 is geen wijk of buurt van Heemskerk.');
		await page.getByLabel('CSV-bestand').setInputFiles({ ...csv, buffer: rows(good) });
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(page.getByRole('status').filter({ hasText: '4 cijfers geïmporteerd.' })).toBeVisible();

		// The map opens on the newest year now: the table holds the new numbers, the map colours them.
		await page.goto(mapUrl);
		const after = page.getByRole('table', { name: 'Meldingen jeugdoverlast per wijk, 2024' });
		await expect(after.getByRole('row', { name: /^Noordwest \(demo\) WK039601 70 / })).toBeVisible();
		await expect(after.getByRole('row', { name: /^Zuidwest \(demo\) WK039603 90 / })).toContainText('Politie basisteam Kennemerland-Noord');
		// Lower is better: the highest figure is in the darkest (last) class, the lowest in the first.
		await expect(after.getByRole('row', { name: /WK039603/ }).locator('[data-class]')).toHaveAttribute('data-class', '3');
		await expect(after.getByRole('row', { name: /WK039602/ }).locator('[data-class]')).toHaveAttribute('data-class', '0');
		await expect(after.getByRole('cell', { name: 'geen cijfer', exact: true })).toHaveCount(0);
		await expect(page.getByRole('list', { name: 'Legenda' })).toHaveText(/Geen cijfer \(0\)/);
		await expect(map).toHaveAttribute('data-map-state', /^(kaart|geen-webgl)$/, { timeout: 20_000 });
		if (drawn) await expect(map).toHaveAttribute('data-coloured', '4', { timeout: 20_000 });
		if (drawn) await expect(map).toHaveAttribute('data-hatched', '0');
		await expectAxeClean(page);

		// The year form (no page load of its own): back to a demo year, table and map follow.
		await expectHydrated(page);
		await page.getByLabel('Jaar').selectOption('2021');
		await page.getByRole('button', { name: 'Toon' }).click();
		await expect(page.getByRole('table', { name: 'Meldingen jeugdoverlast per wijk, 2021' })).toBeVisible();
		await expect(page).toHaveURL(/jaar=2021/);

		// The API answers the same figures as GeoJSON.
		const api = await adviser.context.request.get(mapUrl.replace('/veiligheidsplan/', '/api/v1/safety-plans/').replace('/kaart/', '/indicators/') + '/areas?year=2024');
		expect(api.status()).toBe(200);
		const body = await api.json();
		expect(body.features.map((f: { id: string; properties: { value: number } }) => [f.id, f.properties.value])).toEqual([
			['WK039601', 70],
			['WK039602', 35],
			['WK039603', 90],
			['WK039604', 55]
		]);
	} finally {
		await adviser.context.close();
	}
});

test('het kabinet leest de kaart per buurt op een telefoon, met de tabel als toegang', async ({ browser }) => {
	const kabinet = await loggedInContext(browser, demoEmail('kabinet', 'heemskerk'));
	const page = kabinet.page;
	try {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/veiligheidsplan');
		await page.getByRole('link', { name: /Heemskerk: Integraal Veiligheids- en Handhavingsplan 2021-2024/ }).click();
		await page.getByRole('link', { name: 'Woninginbraken op de kaart per wijk en buurt' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Woninginbraken per wijk en buurt' })).toBeVisible();
		await expectHydrated(page);
		await page.getByLabel('Gebieden').selectOption('buurt');
		await page.getByLabel('Klassen').selectOption('kwantiel');
		await page.getByRole('button', { name: 'Toon' }).click();
		const table = page.getByRole('table', { name: 'Woninginbraken per buurt, 2023' });
		await expect(table.getByRole('row')).toHaveCount(9);
		// The demo's last wijk has no buurt figures in its latest year: "geen cijfer", hatched.
		await expect(table.getByRole('row', { name: /BU03960401/ })).toContainText('geen cijfer (gearceerd)');
		await expect(page.getByRole('list', { name: 'Legenda' })).toContainText('Geen cijfer (2)');
		await expect(page.locator('figure.choropleth')).toHaveAttribute('data-map-state', /^(kaart|geen-webgl)$/, { timeout: 20_000 });
		expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
		expect(await codeNamesOn(page)).toEqual([]);
		expect(await axeViolations(page)).toEqual([]);
		// Reading only: the kabinet is offered no import.
		await page.getByRole('link', { name: 'Integraal Veiligheids- en Handhavingsplan 2021-2024' }).click();
		await expect(page.getByRole('link', { name: 'Cijfers importeren (CSV of Excel)' })).toHaveCount(0);
	} finally {
		await kabinet.context.close();
	}
});
