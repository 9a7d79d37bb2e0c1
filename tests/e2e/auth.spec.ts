// Logging in and out through the pages, a forbidden page, and accessibility of both shells.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { apiLogin, expectConnected } from './support/app';
import { DEMO_PASSWORD, demoEmail } from './support/env';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function loginViaForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary }))
	}));
	expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

test.describe('inloggen en uitloggen', () => {
	test('met het juiste wachtwoord kom je op het overzicht met je naam', async ({ page, request }) => {
		const email = demoEmail('crisisteam', 'haarlem');
		// The name the server knows this account by (an API login in a separate context).
		const { name } = await apiLogin(request, email);

		await loginViaForm(page, email);

		await expect(page).toHaveURL('/');
		await expect(page.getByTestId('user-identity')).toContainText(name);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Goedendag, ${name.split(' ')[0]}`);
		await expect(page.getByRole('heading', { name: 'Regionale berichten' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
	});

	test('met een verkeerd wachtwoord zie je een Nederlandse foutmelding en blijf je op de inlogpagina', async ({ page }) => {
		const email = demoEmail('adviseur', 'zandvoort');
		await loginViaForm(page, email, 'helemaal-fout');

		await expect(page.getByRole('alert')).toHaveText('Onjuist e-mailadres of wachtwoord.');
		await expect(page).toHaveURL('/inloggen');
		// The address stays filled in; the password does not come back.
		await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
		await expect(page.getByRole('button', { name: 'Inloggen' })).toBeEnabled();
		await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
	});

	test('uitloggen brengt je terug naar de inlogpagina en / stuurt daarna door naar inloggen', async ({ page }) => {
		await loginViaForm(page, demoEmail('bevolkingszorg', 'heemstede'));
		await expect(page).toHaveURL('/');
		await expectConnected(page);

		await page.getByRole('button', { name: 'Uitloggen' }).click();
		await expect(page).toHaveURL('/inloggen');
		await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);

		await page.goto('/');
		await expect(page).toHaveURL(/\/inloggen\?naar=%2F$/);
		await expect(page.getByLabel('E-mailadres')).toBeVisible();
		const me = await page.request.get('/api/v1/me');
		expect(me.status()).toBe(401);
	});

	test('een waarnemer krijgt 403 "Geen toegang" op gebruikersbeheer', async ({ page }) => {
		await loginViaForm(page, demoEmail('waarnemer', 'haarlem'));
		await expect(page).toHaveURL('/');
		// Not in the navigation either.
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);

		const response = await page.goto('/beheer/gebruikers');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
		await expect(page.getByRole('alert')).toBeVisible();

		const audit = await page.goto('/beheer/audit');
		expect(audit?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
	});

	test('een beheerder komt wel op gebruikersbeheer (de 403 hierboven is geen kapotte pagina)', async ({ page }) => {
		await loginViaForm(page, demoEmail('beheerder', 'haarlem'));
		await expect(page).toHaveURL('/');
		await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
		await expect(page).toHaveURL('/beheer/gebruikers');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Geen toegang|Fout|Er ging iets mis/);
		const response = await page.request.get('/beheer/gebruikers');
		expect(response.status()).toBe(200);
	});
});

test.describe('toegankelijkheid (WCAG 2.2 AA, axe)', () => {
	test('de inlogpagina heeft geen overtredingen', async ({ page }) => {
		await page.goto('/inloggen');
		await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('de inlogpagina met foutmelding heeft geen overtredingen', async ({ page }) => {
		await loginViaForm(page, demoEmail('oefenleider', 'uitgeest'), 'fout-wachtwoord');
		await expect(page.getByRole('alert')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('het overzicht (ingelogd) heeft geen overtredingen', async ({ page }) => {
		await loginViaForm(page, demoEmail('crisisteam', 'haarlem'));
		await expect(page).toHaveURL('/');
		await expectConnected(page);
		await expect(page.getByRole('heading', { name: 'Nu online' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});
