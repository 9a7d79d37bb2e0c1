// The sessions page in Chromium: a user signed in on two devices sees both, ends the other one,
// and that device is signed out (its live connection drops, the next page asks to sign in).
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectConnected, loggedInContext } from './support/app';
import { demoEmail } from './support/env';

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
	expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

test('je ziet je sessies en beëindigt die op het andere apparaat', async ({ browser }) => {
	// An account no other spec signs in with, so the list holds only these two sessions.
	const email = demoEmail('waarnemer', 'beverwijk');
	const laptop = await loggedInContext(browser, email);
	const phone = await loggedInContext(browser, email);
	try {
		await phone.page.goto('/berichten');
		await expectConnected(phone.page);

		await laptop.page.goto('/mijn-account/sessies');
		await expect(laptop.page.getByRole('heading', { level: 1 })).toHaveText('Mijn sessies');
		await expect(laptop.page.getByTestId('sessie')).toHaveCount(2);
		await expect(laptop.page.getByTestId('sessie').filter({ hasText: 'deze sessie' })).toHaveCount(1);
		await expectNoAxeViolations(laptop.page);

		await laptop.page.getByRole('button', { name: 'Alle andere sessies beëindigen' }).click();
		await expect(laptop.page.getByRole('status').filter({ hasText: '1 andere sessie beëindigd.' })).toBeVisible();
		await expect(laptop.page.getByTestId('sessie')).toHaveCount(1);

		// The other device: its socket is disconnected by the server, and the next page asks to sign in.
		await expect(phone.page.locator('[data-connection-state]')).not.toHaveAttribute('data-connection-state', 'verbonden', { timeout: 10_000 });
		await phone.page.goto('/berichten');
		await expect(phone.page).toHaveURL(/\/inloggen/);
	} finally {
		await laptop.context.close();
		await phone.context.close();
	}
});

test('het wachtwoordformulier zegt in het Nederlands wat er mis is', async ({ browser }) => {
	const { context, page } = await loggedInContext(browser, demoEmail('waarnemer', 'haarlemmermeer'));
	try {
		await page.goto('/mijn-account/wachtwoord');
		await page.getByLabel('Huidig wachtwoord').fill('niet-mijn-wachtwoord');
		await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een-heel-nieuw-wachtwoord');
		await page.getByLabel('Nieuw wachtwoord nog een keer').fill('een-heel-nieuw-wachtwoord');
		await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
		await expect(page.getByText('Je huidige wachtwoord klopt niet.').first()).toBeVisible();
		await expectNoAxeViolations(page);
	} finally {
		await context.close();
	}
});
