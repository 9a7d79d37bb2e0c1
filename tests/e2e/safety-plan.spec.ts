// The integral safety plan (issue 18) in Chromium: Heemskerk's beleidsadviseur OOV opens
// "Veiligheidsplan", reads the IVHP 2021-2024 with its priorities, themes and indicators, opens the
// 2024 execution programme and changes an action's status; a second tab that still shows the old
// version is refused (409) in Dutch. The mayor's kabinet reads without a form; the API answers the
// contract. Pages are axe-clean, also on a phone.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import writeExcelFile from 'write-excel-file/node';
import { loggedInContext } from './support/app';
import { demoEmail } from './support/env';

async function expectAxeClean(page: Page): Promise<void> {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('de beleidsadviseur OOV leest het plan en werkt een actie bij; een verouderde stand wordt geweigerd', async ({ browser }) => {
	const adviser = await loggedInContext(browser, demoEmail('beleidsadviseur', 'heemskerk'));
	const page = adviser.page;
	try {
		await page.goto('/');
		await page.getByRole('navigation').getByRole('link', { name: 'Veiligheidsplan' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Veiligheidsplan' })).toBeVisible();
		await expectAxeClean(page);
		await page.getByRole('link', { name: /Heemskerk: Integraal Veiligheids- en Handhavingsplan 2021-2024/ }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Integraal Veiligheids- en Handhavingsplan 2021-2024' })).toBeVisible();
		await expect(page.getByText('Zichtbaar en merkbaar veiliger.')).toBeVisible();
		for (const title of ['Zorg en veiligheid', 'Jeugd en veiligheid', 'Ondermijning', 'Leefbaarheid in de wijken', 'Evenementen', 'Veiligheidsregio en crisisbeheersing']) {
			await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
		}
		await expect(page.getByText('Rol van inwoners en ondernemers').first()).toBeVisible();
		const burglaries = page.getByRole('region', { name: 'Metingen Woninginbraken' });
		await expect(burglaries.getByRole('row', { name: /^2023 / })).toContainText('79');
		await expect(burglaries.getByRole('row', { name: /^2023 / })).toContainText('demogegevens');
		await expectAxeClean(page);

		// The council's report for the first half of 2024, as the link on the page offers it.
		const reportHref = await page.getByRole('link', { name: 'Voortgangsrapportage eerste halfjaar 2024 (PDF)' }).getAttribute('href');
		const report = await adviser.context.request.get(reportHref!);
		expect(report.status()).toBe(200);
		expect(report.headers()['content-type']).toBe('application/pdf');
		expect((await report.body()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');

		// A new police export: checked first (nothing written), then imported; the plan shows the figure.
		await page.getByRole('link', { name: 'Cijfers importeren (CSV of Excel)' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Cijfers importeren' })).toBeVisible();
		const csv = { name: 'politie-2024.csv', mimeType: 'text/csv', buffer: Buffer.from('Indicator;Jaar;Waarde;Gebied;Datum;Bron\nWoninginbraken;2024;73;;15-01-2025;Politie basisteam Kennemerland-Noord\nWoninginbraken;2024;veel;;;\n') };
		await page.getByLabel('CSV-bestand').setInputFiles(csv);
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(page.getByTestId('import-errors')).toHaveText('Rij 3: waarde "veel" is geen getal; bron ontbreekt.');
		await expectAxeClean(page);
		await page.getByLabel('CSV-bestand').setInputFiles({ ...csv, buffer: Buffer.from('Indicator;Jaar;Waarde;Gebied;Datum;Bron\nWoninginbraken;2024;73;;15-01-2025;Politie basisteam Kennemerland-Noord\n') });
		await page.getByRole('button', { name: 'Controleren' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Geen fouten: 1 cijfers klaar om te importeren.' })).toBeVisible();
		await page.getByLabel('CSV-bestand').setInputFiles({ ...csv, buffer: Buffer.from('Indicator;Jaar;Waarde;Gebied;Datum;Bron\nWoninginbraken;2024;73;;15-01-2025;Politie basisteam Kennemerland-Noord\n') });
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(page.getByRole('status').filter({ hasText: '1 cijfers geïmporteerd.' })).toBeVisible();
		await page.getByRole('link', { name: 'Integraal Veiligheids- en Handhavingsplan 2021-2024' }).click();
		const row2024 = page.getByRole('region', { name: 'Metingen Woninginbraken' }).getByRole('row', { name: /^2024 / });
		await expect(row2024).toContainText('73');
		await expect(row2024).toContainText('Politie basisteam Kennemerland-Noord');
		await expect(row2024).toContainText('Ja');

		// The same export as an Excel workbook: a number cell and a real date cell arrive as they are.
		await page.getByRole('link', { name: 'Cijfers importeren (CSV of Excel)' }).click();
		const workbook = await writeExcelFile([
			['Indicator', 'Jaar', 'Waarde', 'Gebied', 'Datum', 'Bron'].map((value) => ({ value })),
			[{ value: 'Woninginbraken' }, { type: Number, value: 2023 }, { type: Number, value: 77.5 }, null, { type: Date, value: new Date(Date.UTC(2024, 0, 12)), format: 'dd-mm-yyyy' }, { value: 'Politie, jaarcijfers in Excel' }]
		]).toBuffer();
		await page.getByLabel('CSV-bestand').setInputFiles({ name: 'politie-2023.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(workbook) });
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(page.getByRole('status').filter({ hasText: '1 cijfers geïmporteerd.' })).toBeVisible();
		await expect(page.getByRole('row', { name: /^2 Woninginbraken/ })).toContainText('77,5');
		await expect(page.getByRole('row', { name: /^2 Woninginbraken/ })).toContainText('2024-01-12');
		await page.getByRole('link', { name: 'Integraal Veiligheids- en Handhavingsplan 2021-2024' }).click();
		const row2023 = page.getByRole('region', { name: 'Metingen Woninginbraken' }).getByRole('row', { name: /^2023 / });
		await expect(row2023).toContainText('77,5');
		await expect(row2023).toContainText('Politie, jaarcijfers in Excel');

		await page.getByRole('link', { name: 'Uitvoeringsprogramma 2024' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Uitvoeringsprogramma 2024' })).toBeVisible();
		const row = page.getByTestId('action-row').filter({ hasText: 'Integrale controle bedrijventerrein' });
		await expect(row).toContainText('RIEC en team Handhaving');
		await expect(row).toContainText('Q3');
		await expectAxeClean(page);

		// A second tab opened now keeps the version it loaded.
		const stale = await adviser.context.newPage();
		await stale.goto(page.url());

		await row.getByLabel('Status van Integrale controle bedrijventerrein').selectOption('gereed');
		await row.getByRole('button', { name: 'Opslaan' }).click();
		await expect(row.getByLabel('Status van Integrale controle bedrijventerrein')).toHaveValue('gereed');
		await page.reload();
		await expect(page.getByTestId('action-row').filter({ hasText: 'Integrale controle bedrijventerrein' }).getByLabel(/Status van/)).toHaveValue('gereed');

		const staleRow = stale.getByTestId('action-row').filter({ hasText: 'Integrale controle bedrijventerrein' });
		await staleRow.getByLabel(/Status van/).selectOption('uitgesteld');
		await staleRow.getByRole('button', { name: 'Opslaan' }).click();
		await expect(stale.getByRole('alert')).toContainText('Iemand anders heeft deze actie intussen gewijzigd');
	} finally {
		await adviser.context.close();
	}
});

test('het kabinet van de burgemeester leest zonder te wijzigen, ook op een telefoon; de API volgt het contract', async ({ browser }) => {
	const kabinet = await loggedInContext(browser, demoEmail('kabinet', 'heemskerk'));
	try {
		const response = await kabinet.context.request.get('/api/v1/safety-plans?municipality=heemskerk');
		expect(response.status()).toBe(200);
		const plans = (await response.json()) as { id: string; priorities: { title: string }[] }[];
		expect(plans).toHaveLength(1);
		expect(plans[0]!.priorities.map((p) => p.title)).toEqual(['Zorg en veiligheid', 'Jeugd en veiligheid', 'Ondermijning', 'Leefbaarheid in de wijken']);
		const other = await kabinet.context.request.get('/api/v1/safety-plans?municipality=beverwijk');
		expect(other.status()).toBe(403);
		expect(other.headers()['content-type']).toContain('application/problem+json');

		await kabinet.page.setViewportSize({ width: 390, height: 844 });
		await kabinet.page.goto(`/veiligheidsplan/${plans[0]!.id}/uitvoering/2024`);
		await expect(kabinet.page.getByRole('heading', { level: 1, name: 'Uitvoeringsprogramma 2024' })).toBeVisible();
		await expect(kabinet.page.getByTestId('action-row').first()).toBeVisible();
		await expect(kabinet.page.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
		const width = await kabinet.page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
		await expectAxeClean(kabinet.page);
	} finally {
		await kabinet.context.close();
	}
});

test('de regio (WIV) ziet de prioriteiten van de negen gemeenten naast elkaar', async ({ browser }) => {
	const wiv = await loggedInContext(browser, demoEmail('beleidsadviseur'));
	try {
		await wiv.page.goto('/veiligheidsplan');
		await wiv.page.getByRole('link', { name: 'De prioriteiten van de negen gemeenten naast elkaar' }).click();
		await expect(wiv.page.getByRole('heading', { level: 1, name: 'Veiligheidsplannen in de regio' })).toBeVisible();
		await expect(wiv.page.getByTestId('region-row')).toHaveCount(9);
		await expect(wiv.page.getByTestId('region-row').filter({ hasText: 'Heemskerk' })).toContainText('Ondermijning · gedeeld · IMV: Ondermijning');
		await expectAxeClean(wiv.page);
	} finally {
		await wiv.context.close();
	}
});
