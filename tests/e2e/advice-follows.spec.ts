// Advice follows the application, in two browsers: the brandweer adviser keeps the inbox open
// while the Haarlem officer raises the class from B to C (the separate request gives way to one
// joint request, live) and then decides although the safety plan is missing, with a reason (the
// request leaves the inbox, live). Neither page is reloaded.
import { test, expect } from '@playwright/test';
import { expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { closeAdviceDb, insertClassBApplication } from './support/advice';

test.afterAll(async () => {
	await closeAdviceDb();
});

test('klasse B → C verdeelt het advies opnieuw en een besluit sluit het advies, live in de inbox', async ({ browser }) => {
	const name = uniqueText('Spaarnefeest');
	const application = await insertClassBApplication({ name, municipality: 'haarlem' });
	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
	const adviser = await loggedInContext(browser, demoEmail('adviseur', 'haarlem'));
	try {
		const asked = await officer.context.request.post(`/api/v1/events/${application.id}/advice`);
		expect(asked.status()).toBe(201);

		await adviser.page.goto('/advies');
		await expectConnected(adviser.page);
		const rows = adviser.page.getByTestId('advice-inbox').getByRole('row').filter({ hasText: name });
		await expect(rows).toHaveCount(1);
		await expect(rows).toContainText('Brandweer');
		const untouched = await markDocument(adviser.page);

		// The officer raises the class to C.
		const page = officer.page;
		await page.goto(`/evenementen/${application.id}`);
		await expectConnected(page);
		await page.getByText('Klasse aanpassen').click();
		await page.getByLabel('Klasse', { exact: true }).selectOption('C');
		await page.getByRole('textbox', { name: 'Reden', exact: true }).fill('Landelijke artiest: veel meer publiek verwacht');
		await page.getByRole('button', { name: 'Klasse opslaan' }).click();
		await expect(page.getByTestId('history')).toContainText('Advies opnieuw verdeeld na klassewijziging B → C');

		// The adviser's inbox: the separate brandweer request gave way to the joint one, live.
		await expect(rows).toHaveCount(1);
		await expect(rows).toContainText('Gezamenlijk advies');
		await expect(rows).toContainText('C');

		// Deciding with the joint advice open and documents missing is refused with the list.
		const decision = page.getByRole('region', { name: 'Besluit' });
		await expect(decision.getByTestId('decision-gaps')).toContainText('Het gezamenlijke advies (brandweer, GHOR, politie) is gevraagd maar nog niet uitgebracht');
		await decision.getByRole('combobox', { name: 'Besluit' }).selectOption('verleend');
		await decision.getByLabel('Motivering').fill('Past binnen het evenementenbeleid.');
		await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
		const refusal = page.getByRole('alert').filter({ hasText: 'Nog niet compleet voor een besluit' });
		await expect(refusal).toContainText('het gezamenlijke advies');
		await expect(refusal).toContainText('veiligheidsplan');
		await expect(page.getByTestId('status')).toHaveText('Advies gevraagd');

		// With a reason it is taken, shown with the decision and in the history.
		await decision.getByLabel(/Reden om toch te besluiten/).fill('Advies mondeling ontvangen in het overleg van maandag');
		await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
		await expect(page.getByTestId('status')).toHaveText('Besluit genomen');
		await expect(page.getByTestId('decision-despite')).toContainText('Advies mondeling ontvangen');
		await expect(page.getByTestId('history')).toContainText('Besluit ondanks ontbrekend advies');

		// The request leaves the adviser's open list without a reload.
		await expect(rows).toHaveCount(0);
		expect(await untouched()).toBe(true);
	} finally {
		await officer.context.close();
		await adviser.context.close();
	}
});
