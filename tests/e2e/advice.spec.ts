// Advice end to end, in two browsers: the Haarlem permit officer asks advice on a class C
// application, the brandweer adviser sees it arrive in the inbox without reloading and answers,
// and the officer sees the answer arrive without reloading.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { closeAdviceDb, insertClassCApplication } from './support/advice';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
	expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

test.afterAll(async () => {
	await closeAdviceDb();
});

test('een gezamenlijk advies: gevraagd door de gemeente, live in de inbox, live terug bij de gemeente', async ({ browser }) => {
	const name = uniqueText('Strandfestival');
	const application = await insertClassCApplication({ name, municipality: 'haarlem' });

	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
	const adviser = await loggedInContext(browser, demoEmail('adviseur', 'haarlem'));
	try {
		// The adviser's inbox is open before anything is asked.
		await adviser.page.goto('/advies');
		await expect(adviser.page.getByRole('heading', { level: 1, name: 'Adviesaanvragen' })).toBeVisible();
		await expectConnected(adviser.page);
		const inboxUntouched = await markDocument(adviser.page);
		await expect(adviser.page.getByRole('link', { name })).toHaveCount(0);

		// The officer asks: class C gives one joint request.
		await officer.page.goto(`/evenementen/${application.id}`);
		await expect(officer.page.getByRole('heading', { level: 1, name })).toBeVisible();
		await expectConnected(officer.page);
		const panel = officer.page.getByTestId('advice-panel');
		await expect(panel).toContainText('gezamenlijk advies');
		await expectNoAxeViolations(officer.page);
		await panel.getByRole('button', { name: 'Advies vragen' }).click();
		const card = panel.locator('[data-discipline="joint"]');
		await expect(card).toBeVisible();
		await expect(card.getByTestId('advice-status')).toHaveText('Gevraagd');
		await expect(panel.getByRole('button', { name: 'Advies vragen' })).toHaveCount(0);

		// It arrives in the adviser's inbox live, without a reload.
		const row = adviser.page.getByTestId('advice-inbox').getByRole('row').filter({ hasText: name });
		await expect(row).toBeVisible();
		await expect(row).toContainText('Gezamenlijk advies');
		expect(await inboxUntouched()).toBe(true);
		await expectNoAxeViolations(adviser.page);

		// The politie and GHOR advisers of Haarlem have it too (one joint request for all three).
		for (const role of ['adviseur-politie', 'adviseur-ghor']) {
			const other = await loggedInContext(browser, demoEmail(role, 'haarlem'));
			const inbox = await other.context.request.get('/api/v1/advice');
			const body = (await inbox.json()) as { requests: { applicationId: string }[] };
			expect(body.requests.some((r) => r.applicationId === application.id)).toBe(true);
			await other.context.close();
		}

		// The officer's page waits, live; the adviser opens the request and answers.
		const officerUntouched = await markDocument(officer.page);
		await row.getByRole('link', { name }).click();
		await expect(adviser.page.getByRole('heading', { level: 1, name })).toBeVisible();
		await expect(adviser.page.getByTestId('advice-reasons')).toContainText('Veiligheidsplan van de organisator vereist');
		await expectConnected(adviser.page);
		await expectNoAxeViolations(adviser.page);
		await adviser.page.getByLabel('Tekst van het advies').fill('Gezamenlijk advies na het multidisciplinair overleg: akkoord met voorwaarden.');
		await adviser.page.getByLabel('Voorschriften (optioneel)').fill('Calamiteitenroutes van 3,5 m vrijhouden\nEHBO-post met arts op het terrein');
		await adviser.page.getByLabel('Positief met voorwaarden').check();
		await adviser.page.getByRole('button', { name: 'Advies uitbrengen' }).click();
		await expect(adviser.page.getByTestId('advice-status')).toHaveText('Uitgebracht');

		// The officer sees the answer arrive without a reload.
		await expect(card.getByTestId('advice-status')).toHaveText('Uitgebracht');
		await expect(card.getByTestId('advice-conclusion')).toHaveText('Positief met voorwaarden');
		await expect(card.getByTestId('advice-conditions').getByRole('listitem')).toHaveText(['Calamiteitenroutes van 3,5 m vrijhouden', 'EHBO-post met arts op het terrein']);
		await expect(card.getByTestId('advice-text')).toContainText('akkoord met voorwaarden');
		expect(await officerUntouched()).toBe(true);
	} finally {
		await officer.context.close();
		await adviser.context.close();
	}
});

test('wie als tweede antwoordt, verliest zijn tekst niet en krijgt het eerste advies te zien', async ({ browser }) => {
	const name = uniqueText('Havenfeest');
	const application = await insertClassCApplication({ name, municipality: 'haarlem' });
	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
	const adviser = await loggedInContext(browser, demoEmail('adviseur', 'haarlem'));
	const regional = await loggedInContext(browser, demoEmail('adviseur'));
	try {
		const asked = await officer.context.request.post(`/api/v1/events/${application.id}/advice`);
		expect(asked.status()).toBe(201);
		const [request] = ((await asked.json()) as { requests: { id: string; version: number }[] }).requests;

		await adviser.page.goto(`/advies/${request!.id}`);
		await expectConnected(adviser.page);
		const untouched = await markDocument(adviser.page);
		await adviser.page.getByLabel('Tekst van het advies').fill('Mijn eigen concepttekst voor dit advies.');

		// The regional brandweer adviser is first.
		const first = await regional.context.request.post(`/api/v1/advice/${request!.id}/answer`, {
			data: { version: request!.version, advice: 'Regionaal advies: akkoord.', conclusion: 'positief' }
		});
		expect(first.status()).toBe(200);

		await expect(adviser.page.getByRole('alert').filter({ hasText: 'heeft dit advies intussen uitgebracht' })).toBeVisible();
		await expect(adviser.page.getByTestId('advice-text')).toHaveText('Regionaal advies: akkoord.');
		await expect(adviser.page.getByLabel('Tekst van het advies')).toHaveValue('Mijn eigen concepttekst voor dit advies.');
		await expect(adviser.page.getByRole('button', { name: 'Advies uitbrengen' })).toBeDisabled();
		expect(await untouched()).toBe(true);

		// The API says the same: a stale version gets 409 with the current request.
		const second = await adviser.context.request.post(`/api/v1/advice/${request!.id}/answer`, {
			data: { version: request!.version, advice: 'Mijn eigen concepttekst.', conclusion: 'negatief' }
		});
		expect(second.status()).toBe(409);
		expect(((await second.json()) as { current: { status: string } }).current.status).toBe('uitgebracht');
	} finally {
		await officer.context.close();
		await adviser.context.close();
		await regional.context.close();
	}
});

test('een adviseur van een andere gemeente ziet de aanvraag niet', async ({ browser }) => {
	const application = await insertClassCApplication({ name: uniqueText('Kermis'), municipality: 'haarlem' });
	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
	const stranger = await loggedInContext(browser, demoEmail('adviseur', 'velsen'));
	try {
		const asked = await officer.context.request.post(`/api/v1/events/${application.id}/advice`);
		expect(asked.status()).toBe(201);
		const [request] = ((await asked.json()) as { requests: { id: string }[] }).requests;
		const response = await stranger.page.goto(`/advies/${request!.id}`);
		expect(response?.status()).toBe(404);
		const api = await stranger.context.request.get(`/api/v1/advice/${request!.id}`);
		expect(api.status()).toBe(404);
	} finally {
		await officer.context.close();
		await stranger.context.close();
	}
});
