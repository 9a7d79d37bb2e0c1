// Regional notices live between two people: the crisisteam posts, a waarnemer sees it appear
// without reloading; a waarnemer cannot post (no form, and 403 from the API).
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import {
	apiPostNotice,
	loggedInContext,
	markDocument,
	noticeItems,
	noticeList,
	openOverview,
	uniqueText,
	type ApiUser
} from './support/app';
import { demoEmail } from './support/env';

test.describe('regionale berichten live', () => {
	let poster: { context: BrowserContext; page: Page; user: ApiUser };
	let reader: { context: BrowserContext; page: Page; user: ApiUser };

	test.beforeEach(async ({ browser }) => {
		poster = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
		reader = await loggedInContext(browser, demoEmail('waarnemer', 'velsen'));
		await Promise.all([openOverview(poster.page), openOverview(reader.page)]);
	});

	test.afterEach(async () => {
		await poster?.context.close();
		await reader?.context.close();
	});

	test('een bericht via het formulier verschijnt zonder herladen bij de ander', async () => {
		const unchanged = await markDocument(reader.page);
		const title = uniqueText('Afsluiting Kennemerplein');
		const text = 'Het Kennemerplein is tot 18.00 uur afgesloten voor alle verkeer.\nVolg de omleiding.';

		const form = poster.page.locator('form').filter({ has: poster.page.getByRole('heading', { name: 'Nieuw bericht aan de regio' }) });
		await form.getByLabel('Titel (optioneel)').fill(title);
		await form.getByLabel('Bericht', { exact: true }).fill(text);
		await form.getByLabel('Urgentie').selectOption({ label: 'Waarschuwing' });
		await form.getByRole('button', { name: 'Bericht plaatsen' }).click();

		// The reader sees it, once, at the top, with its author, without a reload.
		const item = noticeItems(reader.page, title);
		await expect(item).toHaveCount(1);
		await expect(item).toContainText('Het Kennemerplein is tot 18.00 uur afgesloten');
		await expect(item).toContainText(poster.user.name);
		await expect(noticeList(reader.page).getByRole('listitem').first()).toContainText(title);
		expect(await unchanged(), 'de pagina van de lezer is niet herladen').toBe(true);

		// The poster's own list shows it once too (live event and reloaded page data merge).
		await expect(noticeItems(poster.page, title)).toHaveCount(1);
		// The form is ready for the next message.
		await expect(form.getByLabel('Bericht', { exact: true })).toHaveValue('');
	});

	test('een bericht via de API verschijnt live bij de ander', async () => {
		const unchanged = await markDocument(reader.page);
		const text = uniqueText('Via de API: GRIP 1 afgeschaald');

		const notice = await apiPostNotice(poster.page.request, { text, severity: 'urgent' });
		expect(notice.author.id).toBe(poster.user.id);

		await expect(noticeItems(reader.page, text)).toHaveCount(1);
		await expect(noticeList(reader.page).getByRole('listitem').first()).toContainText(text);
		// And in the poster's own open page, which did not submit anything.
		await expect(noticeItems(poster.page, text)).toHaveCount(1);
		expect(await unchanged(), 'de pagina van de lezer is niet herladen').toBe(true);
	});

	test('een waarnemer heeft geen formulier en krijgt 403 van de API', async () => {
		await expect(reader.page.getByRole('heading', { name: 'Nieuw bericht aan de regio' })).toHaveCount(0);
		await expect(reader.page.getByRole('button', { name: 'Bericht plaatsen' })).toHaveCount(0);
		// The crisisteam member does see it (the check above is not vacuous).
		await expect(poster.page.getByRole('button', { name: 'Bericht plaatsen' })).toBeVisible();

		const text = uniqueText('Waarnemer probeert te plaatsen');
		const response = await reader.page.request.post('/api/v1/notices', { data: { text } });
		expect(response.status()).toBe(403);
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('forbidden');
		expect(body.error.message).toEqual(expect.any(String));

		// Nothing was posted: the list (fetched fresh) does not contain it.
		const list = await reader.page.request.get('/api/v1/notices?limit=200');
		expect(list.status()).toBe(200);
		const { notices } = (await list.json()) as { notices: { text: string }[] };
		expect(notices.map((n) => n.text)).not.toContain(text);
	});

	test('wie er online is, staat in "Nu online"', async () => {
		const online = reader.page.getByRole('region', { name: /Nu online/ });
		await expect(online).toContainText(poster.user.name);
		await expect(online).toContainText(reader.user.name);
	});
});
