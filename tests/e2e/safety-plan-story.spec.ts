// The safety plan's story end to end in Chromium (issue 18): Heemskerk's beleidsadviseur OOV opens
// the IVHP, revises it (a new version; the old one stays readable), updates an action's status and
// adds an action in the 2024 execution programme, imports the police's 2024 figure through the
// import page, and produces the half-yearly progress report: a PDF that holds the new figure with
// its source and date. The forms also work before any script runs (progressive enhancement).
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiLogin, expectHydrated, loggedInContext } from './support/app';
import { BASE_URL, demoEmail } from './support/env';
import { pdfLines } from '../support/poppler';

async function expectAxeClean(page: Page): Promise<void> {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const PLAN = 'Integraal Veiligheids- en Handhavingsplan 2021-2024';

test('de beleidsadviseur stelt het plan bij, werkt het uitvoeringsprogramma bij, importeert cijfers en maakt de voortgangsrapportage', async ({ browser }) => {
	const adviser = await loggedInContext(browser, demoEmail('beleidsadviseur', 'heemskerk'));
	const page = adviser.page;
	try {
		await page.goto('/veiligheidsplan');
		await page.getByRole('link', { name: new RegExp(`Heemskerk: ${PLAN}`) }).click();
		await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
		const planUrl = page.url();
		// Revise the plan: a reason and new partners for a theme give a new version; version 1 stays
		// readable as it was.
		await page.getByRole('link', { name: 'Plan bijstellen (nieuwe versie)' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Plan bijstellen' })).toBeVisible();
		await expectHydrated(page);
		await expectAxeClean(page);
		const partners = `Politie, brandweer en de evenementenorganisatoren van Heemskerk (${Date.now().toString(36)})`;
		await page.getByRole('group', { name: 'Strategisch thema: Evenementen' }).getByLabel('Partners').fill(partners);
		await page.getByLabel('Waarom wordt het plan bijgesteld?').fill('Raadsbesluit over de evenementen');
		await page.getByRole('button', { name: /^Opslaan als versie \d+$/ }).click();
		await expect(page.getByRole('status').filter({ hasText: /Het plan is bijgesteld: versie \d+ is opgeslagen\./ })).toBeVisible();
		await expect(page.getByText(partners)).toBeVisible();
		const version = Number(/versie (\d+)/.exec((await page.getByRole('status').filter({ hasText: 'Het plan is bijgesteld' }).textContent())!)![1]);
		expect(version).toBeGreaterThan(1);
		await page.getByRole('link', { name: 'Versie 1', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: `${PLAN} — versie 1` })).toBeVisible();
		await expect(page.getByText('Dit is niet de huidige versie; alleen lezen.')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Strategisch thema: Evenementen' })).toBeVisible();
		await expect(page.getByText(partners)).toHaveCount(0);
		await expectAxeClean(page);

		// The 2024 execution programme: a status changed in place, a new action added.
		await page.goto(planUrl);
		await page.getByRole('link', { name: 'Uitvoeringsprogramma 2024', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Uitvoeringsprogramma 2024' })).toBeVisible();
		await expectHydrated(page);
		const campaign = page.getByTestId('action-row').filter({ hasText: 'Campagne woninginbraakpreventie in het donkere seizoen' });
		await campaign.getByLabel(/Status van/).selectOption('in_uitvoering');
		await campaign.getByRole('button', { name: 'Opslaan' }).click();
		await expect(campaign.getByLabel(/Status van/)).toHaveValue('in_uitvoering');
		await page.reload();
		await expect(page.getByTestId('action-row').filter({ hasText: 'Campagne woninginbraakpreventie' }).getByLabel(/Status van/)).toHaveValue('in_uitvoering');

		const actionTitle = `Buurtschouw Oosterwijk ${Date.now().toString(36)}`;
		await page.getByLabel('Actie', { exact: true }).fill(actionTitle);
		await page.getByLabel('Prioriteit of thema').selectOption({ label: 'Leefbaarheid in de wijken' });
		await page.getByLabel('Gepland in kwartaal').selectOption('4');
		// Spaces pass the browser's own check; the server names the field in Dutch.
		await page.getByLabel('Trekker (team of partner)').fill('   ');
		await page.getByRole('button', { name: 'Actie toevoegen' }).click();
		await expect(page.getByText('Vul de trekker (team of partner) in.')).toBeVisible();
		await expect(page.getByLabel('Actie', { exact: true })).toHaveValue(actionTitle);
		await page.getByLabel('Trekker (team of partner)').fill('Wijkteam en politie');
		await page.getByRole('button', { name: 'Actie toevoegen' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Actie toegevoegd.' })).toBeVisible();
		await expect(page.getByTestId('action-row').filter({ hasText: actionTitle })).toContainText('Wijkteam en politie');
		await expect(page.getByRole('link', { name: 'Uitvoeringsprogramma 2024 als rapport (PDF)' })).toBeVisible();
		await expectAxeClean(page);

		// The police's 2024 figure for youth nuisance, through the import page.
		await page.goto(planUrl);
		await page.getByRole('link', { name: 'Cijfers importeren (CSV of Excel)' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Cijfers importeren' })).toBeVisible();
		await page.getByLabel('CSV-bestand').setInputFiles({
			name: 'politie-jeugd-2024.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Indicator;Jaar;Waarde;Gebied;Datum;Bron\nMeldingen jeugdoverlast;2024;244;;20-01-2025;Politie, meldingen jeugdoverlast 2024\n')
		});
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(page.getByRole('status').filter({ hasText: '1 cijfers geïmporteerd.' })).toBeVisible();
		await page.goto(`${planUrl}/indicatoren`);
		await expect(page.getByRole('heading', { level: 1, name: 'Indicatoren en cijfers' })).toBeVisible();
		await expectAxeClean(page);

		// The council's report for the second half of 2024, downloaded as the link offers it.
		await page.goto(planUrl);
		const link = page.getByRole('link', { name: 'Voortgangsrapportage tweede halfjaar 2024 (PDF)' });
		const href = (await link.getAttribute('href'))!;
		const response = await adviser.context.request.get(href);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		const download = page.waitForEvent('download');
		await page.evaluate((url) => {
			const a = document.createElement('a');
			a.href = url;
			a.download = 'voortgang-2024-2.pdf';
			document.body.append(a);
			a.click();
		}, href);
		const file = await (await download).path();
		const pdf = readFileSync(file);
		expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
		const text = pdfLines(pdf).join(' ').replace(/\s+/g, ' ');
		expect(text).toContain('Voortgangsrapportage');
		expect(text).toContain(`(versie ${version} van het plan)`);
		expect(text).toContain('244 (2024)');
		expect(text).toContain('Politie, meldingen jeugdoverlast 2024, 2025-01-20');
		expect(text).toMatch(/2024 Meting 250 244 Politie, meldingen jeugdoverlast 2024 2025-01-20/);
		expect(text).toContain(actionTitle);
	} finally {
		await adviser.context.close();
	}
});

test('zonder JavaScript: een cijfer met de hand, een fout in het Nederlands, de ingetypte tekst blijft staan', async ({ browser }) => {
	const context = await browser.newContext({ baseURL: BASE_URL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', javaScriptEnabled: false });
	await apiLogin(context.request, demoEmail('beleidsadviseur', 'heemskerk'));
	const page = await context.newPage();
	try {
		await page.goto('/veiligheidsplan');
		await page.getByRole('link', { name: new RegExp(`Heemskerk: ${PLAN}`) }).click();
		await page.getByRole('link', { name: 'Indicatoren en cijfers invoeren' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Indicatoren en cijfers' })).toBeVisible();
		await page.getByLabel('Indicator', { exact: true }).selectOption({ label: 'Veiligheidsgevoel (procent)' });
		await page.getByLabel('Jaar', { exact: true }).fill('2024');
		await page.getByLabel('Waarde').fill('veel');
		await page.getByLabel('Bron', { exact: true }).first().fill('Eigen enquête 2024');
		await page.getByRole('button', { name: 'Cijfer opslaan' }).click();
		await expect(page.getByText('Geef de waarde als getal, bijvoorbeeld 1.234,5.')).toBeVisible();
		await expect(page.getByLabel('Bron', { exact: true }).first()).toHaveValue('Eigen enquête 2024');
		await expect(page.getByLabel('Waarde')).toHaveValue('veel');
		await page.getByLabel('Waarde').fill('85,5');
		await page.getByRole('button', { name: 'Cijfer opslaan' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Cijfer opgeslagen.' })).toBeVisible();
		await page.getByRole('link', { name: PLAN }).click();
		const row = page.getByRole('region', { name: 'Metingen Veiligheidsgevoel' }).getByRole('row', { name: /^2024 / });
		await expect(row).toContainText('85,5');
		await expect(row).toContainText('Eigen enquête 2024');
	} finally {
		await context.close();
	}
});
