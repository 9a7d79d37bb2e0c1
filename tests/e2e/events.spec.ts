// An officer of Haarlem files an event application that scores class C: sees the class with its
// reasons and floors, uploads a safety plan, submits (late: Haarlem wants 12 weeks), and
// overrides the class with a reason while the computed class stays visible. A colleague watching
// the same application sees the change without reloading.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { localInput } from './support/events';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('evenementaanvragen', () => {
	test('een vergunningverlener van Haarlem dient een klasse C-aanvraag in, uploadt een veiligheidsplan en past de klasse aan', async ({ browser }) => {
		const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
		const name = uniqueText('Spaarne Festival');
		try {
			const page = officer.page;
			await page.goto('/evenementen');
			await page.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
			await expect(page.getByRole('heading', { name: 'Nieuwe evenementaanvraag' })).toBeVisible();

			// First a wrong form: end before start and a peak above the total, named next to the fields.
			await page.getByLabel('Naam van het evenement').fill(name);
			await page.getByLabel('Begin').fill(localInput(30, '14:00'));
			await page.getByLabel('Einde').fill(localInput(30, '12:00'));
			await page.getByLabel('Totaal aantal bezoekers').fill('100');
			await page.getByLabel('Piekbezetting (tegelijk aanwezig)').fill('20000');
			await page.getByRole('button', { name: 'Opslaan als concept' }).click();
			await expect(page.getByText('Het einde moet na het begin liggen.')).toBeVisible();
			await expect(page.getByText('Het totaal aantal bezoekers kan niet lager zijn dan de piekbezetting.')).toBeVisible();

			await page.getByLabel('Einde').fill(localInput(31, '01:30'));
			await page.getByLabel('Totaal aantal bezoekers').fill('30000');
			await page.getByLabel('Contactpersoon').fill('Anna de Vries');
			await page.getByLabel('Organisatie').fill('Stichting Spaarne');
			await page.getByLabel('KvK-nummer').fill('12345678');
			await page.getByLabel('E-mailadres').fill('anna@example.nl');
			await page.getByLabel('Adres of locatie').fill('Spaarne, Haarlem');
			// The position: a click on the map fills the coordinates (typed ones are the fallback without WebGL).
			const picker = page.locator('.location-picker');
			await expect(picker).toHaveAttribute('data-map-state', /^(kaart|geen-webgl)$/, { timeout: 20_000 });
			if ((await picker.getAttribute('data-map-state')) === 'kaart') {
				await picker.locator('canvas.maplibregl-canvas').click({ position: { x: 120, y: 90 } });
				await expect(page.getByLabel('Kaartpositie: breedtegraad')).toHaveValue(/^52\.\d{5}$/);
				await expect(page.getByLabel('Kaartpositie: lengtegraad')).toHaveValue(/^4\.\d{5}$/);
			}
			await page.getByLabel('Kaartpositie: breedtegraad').fill('52.38095');
			await page.getByLabel('Kaartpositie: lengtegraad').fill('4.64101');
			await page.getByLabel('Bruikbare oppervlakte (m²)').fill('6000');
			await page.getByLabel('Overwegend jongeren').check();
			await page.getByLabel('Alcohol').selectOption('heavy');
			await page.getByLabel('Versterkte muziek').check();
			await page.getByLabel('Vuurwerk of pyrotechniek').check();
			await page.getByLabel('Soort locatie').selectOption('water');
			await page.getByRole('button', { name: 'Opslaan als concept' }).click();

			// The detail page: class C with its reasons and floors.
			await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
			await expect(page.getByTestId('status')).toHaveText('Concept');
			await expect(page.getByTestId('category')).toHaveText('Klasse C');
			const reasons = page.getByTestId('reasons');
			await expect(reasons.locator('[data-reason="peak_visitors"]')).toContainText('8');
			await expect(reasons.locator('[data-reason="fireworks"]')).toContainText('Vuurwerk');
			await expect(reasons.locator('[data-reason="late_end"]')).toContainText('Eindigt na 01:00');
			await expect(page.getByTestId('floors').locator('[data-floor="peak_visitors_c"]')).toContainText('minimaal klasse C');
			await expect(page.getByTestId('procedure')).toHaveText('Vergunning');
			await expect(page.getByTestId('required-documents').locator('[data-kind="veiligheidsplan"]')).toHaveAttribute('data-present', 'false');
			await expectAccessible(page);

			// A colleague opens the same application and keeps watching it.
			const colleague = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
			try {
				await colleague.page.goto(page.url().split('?')[0]!);
				await expectConnected(colleague.page);
				const unchanged = await markDocument(colleague.page);

				// Upload the safety plan.
				await page.getByLabel('Soort document').selectOption('veiligheidsplan');
				await page.getByLabel('Bestand').setInputFiles({ name: 'veiligheidsplan.pdf', mimeType: 'application/pdf', buffer: PDF });
				await page.getByRole('button', { name: 'Uploaden' }).click();
				await expect(page.getByTestId('documents')).toContainText('veiligheidsplan.pdf');
				await expect(page.getByTestId('required-documents').locator('[data-kind="veiligheidsplan"]')).toHaveAttribute('data-present', 'true');
				const download = await page.request.get(await page.getByRole('link', { name: 'veiligheidsplan.pdf' }).getAttribute('href') ?? '');
				expect(download.status()).toBe(200);
				expect(download.headers()['content-disposition']).toContain('attachment; filename="veiligheidsplan.pdf"');

				// A file that only pretends to be a PDF is refused next to the field.
				await page.getByLabel('Bestand').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('#!/bin/sh\necho nee\n') });
				await page.getByRole('button', { name: 'Uploaden' }).click();
				await expect(page.getByText('Dit bestandstype is niet toegestaan', { exact: false }).first()).toBeVisible();

				// Submit: 30 days before the start is later than Haarlem's 12 weeks.
				await page.getByRole('button', { name: 'Indienen' }).click();
				await expect(page.getByTestId('status')).toHaveText('Ingediend');
				await expect(page.getByTestId('late')).toHaveText('Te laat ingediend');
				await expect(colleague.page.getByTestId('status')).toHaveText('Ingediend');
				// The colleague is told who changed it and when, not a version number.
				await expect(colleague.page.getByRole('status').filter({ hasText: 'heeft deze aanvraag om' })).toHaveText(
					/^\S.* heeft deze aanvraag om \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2} gewijzigd\. Je ziet de nieuwe stand\.$/
				);

				// Override the class with a reason; both classes stay visible.
				await page.getByText('Klasse aanpassen').click();
				await page.getByLabel('Klasse', { exact: true }).selectOption('B');
				await page.getByRole('button', { name: 'Klasse opslaan' }).click();
				await expect(page.getByText('Geef een reden waarom je de klasse aanpast.').first()).toBeVisible();
				await page.getByLabel('Reden', { exact: true }).fill('Vuurwerk door een erkend bedrijf op een ponton, ervaren organisator');
				await page.getByRole('button', { name: 'Klasse opslaan' }).click();
				await expect(page.getByTestId('category')).toHaveText('Klasse B');
				await expect(page.getByTestId('computed')).toHaveText('Berekende klasse: C');
				await expect(page.getByTestId('override')).toContainText('ervaren organisator');
				await expect(colleague.page.getByTestId('override')).toContainText('ervaren organisator');
				expect(await unchanged(), 'de collega hoefde niet te herladen').toBe(true);
			} finally {
				await colleague.context.close();
			}

			// The list shows it with its status, class and late flag.
			await page.goto('/evenementen');
			const row = page.locator('tr', { hasText: name });
			await expect(row).toContainText('Ingediend');
			await expect(row).toContainText('B (aangepast)');
			await expect(row).toContainText('Te laat ingediend');
		} finally {
			await officer.context.close();
		}
	});
});
