// A vergunningverlener of Zandvoort imports the municipality's events list: the check shows the
// columns, the first rows and the one bad row with its row number and reason; the import creates
// the good rows as concepts, which then stand in the events list. Without JavaScript the same form
// imports an Excel workbook. The page passes axe.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import writeExcelFile from 'write-excel-file/node';
import { expectConnected, expectHydrated, loggedInContext, uniqueText } from './support/app';
import { demoEmail } from './support/env';

async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('evenementenlijst importeren', () => {
	test('controleren toont het voorbeeld en de foute rij met rijnummer; importeren zet de goede rijen in de lijst', async ({ browser }) => {
		const { context, page } = await loggedInContext(browser, demoEmail('vergunningverlener', 'zandvoort'));
		const strand = uniqueText('Strandfestival');
		const race = uniqueText('Circuitrace');
		const csv = [
			'Bezoekers;Naam evenement;Datum;Begintijd;Eindtijd;Locatie',
			`2.500;${strand};14-08-2027;12:00;23:00;Strand bij paal 70, Zandvoort`,
			`veel;${uniqueText('Kapotte rij')};31-02-2027;10:00;12:00;Boulevard`,
			`800;${race};21-08-2027;09:00;18:00;Circuit Zandvoort`
		].join('\r\n');
		try {
			await page.goto('/evenementen');
			await page.getByRole('link', { name: 'Evenementenlijst importeren (CSV of Excel)' }).click();
			await expect(page.getByRole('heading', { name: 'Evenementenlijst importeren' })).toBeVisible();
			await expectHydrated(page);
			await page.getByLabel('Bestand (CSV of .xlsx, hoogstens 5 MB)').setInputFiles({ name: 'zandvoort-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
			await page.getByRole('button', { name: 'Controleren' }).click();

			const report = page.getByTestId('import-report');
			await expect(report.getByRole('heading', { name: 'Controle: zandvoort-2027.csv' })).toBeVisible();
			await expect(report.getByText('3 rijen: 2 worden geïmporteerd, 0 zijn al eerder geïmporteerd, 1 rijen hebben fouten')).toBeVisible();
			// The recognised columns, and the first rows as the file has them.
			await expect(page.getByLabel('Naam evenement (verplicht)')).toHaveValue('Naam evenement');
			await expect(page.getByLabel('Bezoekers (piek)')).toHaveValue('Bezoekers');
			await expect(report.getByRole('table', { name: /Voorbeeld/ }).getByRole('cell', { name: strand })).toBeVisible();
			// The bad row, by its number as the spreadsheet shows it, with field and reason.
			const errors = page.getByTestId('import-errors');
			await expect(errors.getByRole('row')).toHaveCount(3); // header + two reasons for row 3
			await expect(errors.getByRole('row', { name: /^3 begin/ })).toContainText('«31-02-2027» is geen datum');
			await expect(errors.getByRole('row', { name: /^3 piekbezetting/ })).toContainText('Piekbezetting moet een geheel getal');
			await expectAccessible(page);

			await page.getByRole('button', { name: 'Importeren' }).click();
			await expect(report.getByRole('heading', { name: 'Geïmporteerd: zandvoort-2027.csv' })).toBeVisible();
			await expect(report.getByText('2 evenementen geïmporteerd')).toBeVisible();
			await expectAccessible(page);

			// The same file again creates nothing twice.
			await page.getByRole('button', { name: 'Importeren' }).click();
			await expect(report.getByText('0 evenementen geïmporteerd')).toBeVisible();
			await expect(report).toContainText('2 al eerder geïmporteerd');

			await report.getByRole('link', { name: 'Bekijk de evenementen' }).click();
			await expect(page.getByRole('link', { name: strand })).toBeVisible();
			await expect(page.getByRole('link', { name: race })).toBeVisible();
			await page.getByRole('link', { name: strand }).click();
			await expect(page.getByText('Geïmporteerd uit zandvoort-2027.csv, rij 2')).toBeVisible();
		} finally {
			await context.close();
		}
	});

	test('zonder JavaScript importeert hetzelfde formulier een Excel-bestand', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		const { apiLogin } = await import('./support/app');
		await apiLogin(context.request, demoEmail('vergunningverlener', 'velsen'));
		const page = await context.newPage();
		const name = uniqueText('Havenfeest');
		const text = (value: string) => ({ type: String, value });
		const workbook = await writeExcelFile([
			['Naam evenement', 'Datum', 'Locatie', 'Bezoekers'].map(text),
			[text(name), { type: Date, value: new Date(Date.UTC(2027, 8, 4)), format: 'dd-mm-yyyy' }, text('Haven IJmuiden'), { type: Number, value: 3000 }],
			[text(uniqueText('Zonder datum')), null, text('Plein'), { type: Number, value: 10 }]
		]).toBuffer();
		try {
			await page.goto('/evenementen/import');
			await page.getByLabel('Bestand (CSV of .xlsx, hoogstens 5 MB)').setInputFiles({ name: 'velsen.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(workbook) });
			await page.getByRole('button', { name: 'Importeren' }).click();
			const report = page.getByTestId('import-report');
			await expect(report.getByText('1 evenementen geïmporteerd')).toBeVisible();
			await expect(page.getByTestId('import-errors').getByRole('row', { name: /^3 begin/ })).toContainText('Vul de datum van het evenement in.');
			await page.goto('/evenementen');
			await expect(page.getByRole('link', { name })).toBeVisible();
		} finally {
			await context.close();
		}
	});

	test('een lange lijst toont een voortgangsbalk die per deel vordert (via de live verbinding)', async ({ browser }) => {
		const { context, page } = await loggedInContext(browser, demoEmail('vergunningverlener', 'heemskerk'));
		const prefix = uniqueText('Lange lijst');
		const lines = ['Naam evenement;Datum;Locatie;Bezoekers'];
		for (let i = 1; i <= 1000; i++) lines.push(`${prefix} ${i};${1 + (i % 28)}-05-2032;Plein ${i % 9};${50 + i}`);
		try {
			await page.goto('/evenementen/import');
			await expectHydrated(page);
			await expectConnected(page);
			await page.getByLabel('Bestand (CSV of .xlsx, hoogstens 5 MB)').setInputFiles({ name: 'heemskerk-lang.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
			await page.getByRole('button', { name: 'Importeren' }).click();
			// A bar with an accessible name, then a value between 0 and 1000 from a committed batch.
			await expect(page.getByRole('progressbar', { name: /Het bestand wordt gelezen|rijen verwerkt/ })).toBeVisible();
			await page.waitForFunction(
				() => {
					const bar = document.querySelector<HTMLProgressElement>('#import-progress');
					return !!bar && bar.max === 1000 && bar.value > 0;
				},
				undefined,
				{ polling: 'raf', timeout: 120_000 }
			);
			await expect(page.getByTestId('import-report').getByText('1.000 evenementen geïmporteerd')).toBeVisible({ timeout: 120_000 });
			await expect(page.getByRole('progressbar')).toHaveCount(0);
		} finally {
			await context.close();
		}
	});
});
