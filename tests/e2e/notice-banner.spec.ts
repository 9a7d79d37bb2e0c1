// Urgent regional notices stand as a banner on every page, not only the overview: the crisisteam
// posts one while a permit officer works on /evenementen; it appears there live, stays until the
// officer marks it read (also after a reload), and a withdrawn one disappears live.
import { test, expect } from '@playwright/test';
import { apiLogin, apiPostNotice, expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { BASE_URL, demoEmail } from './support/env';

test('een urgent bericht staat live als balk op /evenementen tot het gelezen of ingetrokken is', async ({ browser }) => {
	const poster = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
	const reader = await loggedInContext(browser, demoEmail('vergunningverlener', 'zandvoort'));
	try {
		await reader.page.goto('/evenementen');
		await expectConnected(reader.page);
		const untouched = await markDocument(reader.page);
		const banner = reader.page.getByTestId('urgent-banner');

		// Only urgent notices make the banner.
		const info = uniqueText('Info: vergadering verschoven');
		await apiPostNotice(poster.page.request, { text: info, severity: 'waarschuwing' });
		const urgent = uniqueText('Gaslek Zandvoort-centrum, evenementen ter plaatse stilleggen');
		const first = await apiPostNotice(poster.page.request, { text: urgent, severity: 'urgent' });
		await expect(banner.locator(`[data-notice="${first.id}"]`)).toContainText(urgent);
		await expect(banner).not.toContainText(info);
		expect(await untouched(), 'verschenen zonder herladen').toBe(true);

		// It follows the officer to another page.
		await reader.page.goto('/kalender');
		await expect(reader.page.getByTestId('urgent-banner').locator(`[data-notice="${first.id}"]`)).toBeVisible();

		// Read: gone, and stays gone after a reload.
		await reader.page.getByTestId('urgent-banner').locator(`[data-notice="${first.id}"]`).getByRole('button', { name: /Gelezen/ }).click();
		await expect(reader.page.locator(`[data-notice="${first.id}"]`)).toHaveCount(0);
		await reader.page.goto('/evenementen');
		await expectConnected(reader.page);
		await expect(reader.page.locator(`[data-notice="${first.id}"]`)).toHaveCount(0);

		// Withdrawn by the poster: gone from the banner without a reload.
		const second = await apiPostNotice(poster.page.request, { text: uniqueText('Strandafgang 12 afgesloten'), severity: 'urgent' });
		const item = reader.page.getByTestId('urgent-banner').locator(`[data-notice="${second.id}"]`);
		await expect(item).toBeVisible();
		const stays = await markDocument(reader.page);
		const withdrawn = await poster.page.request.post(`/api/v1/notices/${second.id}/withdraw`);
		expect(withdrawn.status()).toBe(200);
		await expect(item).toHaveCount(0);
		expect(await stays(), 'verdwenen zonder herladen').toBe(true);
		// Withdrawing twice is a conflict, not a second withdrawal.
		expect((await poster.page.request.post(`/api/v1/notices/${second.id}/withdraw`)).status()).toBe(409);
	} finally {
		await poster.context.close();
		await reader.context.close();
	}
});

test('zonder JavaScript (of vóór de pagina klaar is) zet "Gelezen" het bericht weg en blijf je op dezelfde pagina', async ({ browser }) => {
	const poster = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
	const context = await browser.newContext({ baseURL: BASE_URL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', javaScriptEnabled: false });
	try {
		await apiLogin(context.request, demoEmail('vergunningverlener', 'heemstede'));
		const page = await context.newPage();
		const notice = await apiPostNotice(poster.page.request, { text: uniqueText('Brug Heemstede dicht'), severity: 'urgent' });
		await page.goto('/kalender?maand=2026-12');
		const item = page.getByTestId('urgent-banner').locator(`[data-notice="${notice.id}"]`);
		await item.getByRole('button', { name: /Gelezen/ }).click();
		await expect(page).toHaveURL(/\/kalender\?maand=2026-12$/);
		await expect(page.locator(`[data-notice="${notice.id}"]`)).toHaveCount(0);
		// Another user's banner is untouched: "read" belongs to the reader.
		await poster.page.goto('/');
		await expect(poster.page.getByTestId('urgent-banner').locator(`[data-notice="${notice.id}"]`)).toBeVisible();
	} finally {
		await poster.context.close();
		await context.close();
	}
});
