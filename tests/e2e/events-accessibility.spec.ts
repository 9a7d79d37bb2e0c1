// Every page of the event work that the other specs do not already check, through axe (WCAG 2.2
// AA, as Dutch government sites must meet): the officer's list and forms, the beheerder's
// settings, the calendar's list view and the adviser's inbox, with demo data on them.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loggedInContext } from './support/app';
import { demoEmail } from './support/env';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectAccessible(page: Page, path: string, heading: string): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary, `${path}`).toEqual([]);
}

test('de pagina’s van aanvragen, instellingen, kalenderlijst en adviesinbox zijn toegankelijk', async ({ browser }) => {
	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'zandvoort'));
	const beheerder = await loggedInContext(browser, demoEmail('beheerder', 'zandvoort'));
	const adviser = await loggedInContext(browser, demoEmail('adviseur-ghor', 'zandvoort'));
	try {
		await expectAccessible(officer.page, '/evenementen', 'Evenementen');
		await expectAccessible(officer.page, '/evenementen/nieuw', 'Nieuwe evenementaanvraag');
		const list = (await (await officer.context.request.get('/api/v1/events')).json()) as { applications: { id: string; name: string; status: string }[] };
		const first = list.applications.find((a) => a.status === 'in_behandeling' || a.status === 'ingediend')!;
		await expectAccessible(officer.page, `/evenementen/${first.id}/bewerken`, first.name);
		await expectAccessible(officer.page, '/kalender?weergave=lijst', 'Evenementenkalender');
		await expectAccessible(beheerder.page, '/beheer/evenementen', 'Instellingen evenementen');
		await expectAccessible(adviser.page, '/advies', 'Adviesaanvragen');
	} finally {
		await officer.context.close();
		await beheerder.context.close();
		await adviser.context.close();
	}
});
