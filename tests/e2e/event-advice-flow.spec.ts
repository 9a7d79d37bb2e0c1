// The whole of issue #3's story in two browsers: the Haarlem permit officer files an application
// through the form, sees class C with its reasons, submits it and asks advice with one action; the
// brandweer adviser sees the joint request arrive in the inbox live and answers; the officer sees
// the answer arrive live and decides with the advice's conditions as voorschriften.
import { test, expect } from '@playwright/test';
import { expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { fileClassCFestival } from './support/events';

test('aanvraag via het formulier, klasse C, advies live gevraagd en live beantwoord, dan besluit', async ({ browser }) => {
	const name = uniqueText('Haarlemmerhout Live');
	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
	const adviser = await loggedInContext(browser, demoEmail('adviseur', 'haarlem'));
	try {
		await adviser.page.goto('/advies');
		await expectConnected(adviser.page);
		const inboxUntouched = await markDocument(adviser.page);

		// Filed through the form: class C, with its reasons and the floor that made it C.
		const page = officer.page;
		await fileClassCFestival(page, name);
		await expect(page.getByTestId('category')).toHaveText('Klasse C');
		await expect(page.getByTestId('reasons').locator('[data-reason="peak_visitors"]')).toContainText('8');
		await expect(page.getByTestId('floors').locator('[data-floor="peak_visitors_c"]')).toContainText('minimaal klasse C');

		await page.getByRole('button', { name: 'Indienen' }).click();
		await expect(page.getByTestId('status')).toHaveText('Ingediend');
		await expectConnected(page);
		const panel = page.getByTestId('advice-panel');
		await panel.getByRole('button', { name: 'Advies vragen' }).click();
		await expect(page.getByTestId('status')).toHaveText('Advies gevraagd');
		const card = panel.locator('[data-discipline="joint"]');
		await expect(card.getByTestId('advice-status')).toHaveText('Gevraagd');
		await expect(page.getByTestId('history')).toContainText('Advies gevraagd');

		// The adviser's inbox shows it without a reload.
		const row = adviser.page.getByTestId('advice-inbox').getByRole('row').filter({ hasText: name });
		await expect(row).toBeVisible();
		expect(await inboxUntouched()).toBe(true);

		const officerUntouched = await markDocument(page);
		await row.getByRole('link', { name }).click();
		await adviser.page.getByLabel('Tekst van het advies').fill('Akkoord, mits de calamiteitenroutes vrij blijven.');
		await adviser.page.getByLabel('Voorschriften (optioneel)').fill('Calamiteitenroutes van 3,5 m vrijhouden');
		await adviser.page.getByLabel('Positief met voorwaarden').check();
		await adviser.page.getByRole('button', { name: 'Advies uitbrengen' }).click();
		await expect(adviser.page.getByTestId('advice-status')).toHaveText('Uitgebracht');

		// Back at the municipality, live.
		await expect(card.getByTestId('advice-status')).toHaveText('Uitgebracht');
		await expect(card.getByTestId('advice-conclusion')).toHaveText('Positief met voorwaarden');
		expect(await officerUntouched()).toBe(true);

		// The officer decides with the advice's condition as a voorschrift.
		const decision = page.getByRole('region', { name: 'Besluit' });
		await decision.getByRole('combobox', { name: 'Besluit' }).selectOption('verleend_met_voorschriften');
		await decision.getByLabel('Voorschriften', { exact: true }).fill('Calamiteitenroutes van 3,5 m vrijhouden');
		await decision.getByLabel('Motivering').fill('Advies van de hulpdiensten gevolgd.');
		// The advice is in, the documents are not: the form says so, and a decision needs a reason.
		await expect(decision.getByTestId('decision-gaps')).toContainText('Document ontbreekt: veiligheidsplan');
		await expect(decision.getByTestId('decision-gaps')).not.toContainText('advies');
		await decision.getByLabel(/Reden om toch te besluiten/).fill('Veiligheidsplan besproken in het overleg; wordt nagezonden.');
		await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
		await expect(page.getByTestId('status')).toHaveText('Besluit genomen');
		await expect(page.getByTestId('decision')).toContainText('Verleend met voorschriften');
	} finally {
		await officer.context.close();
		await adviser.context.close();
	}
});
