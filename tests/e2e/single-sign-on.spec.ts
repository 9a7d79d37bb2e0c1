// Signing in with the organisation's account, in Chromium, through a real OpenID provider
// (oidc-provider on localhost): a regional beheerder sets the provider up on the beheer page, a
// municipal employee signs in with it and sees their sessions; an account without a mapped group
// is refused in Dutch; a provider that is down leaves the password login in place.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { APP_PORT, BASE_URL, DATABASE_URL, DEMO_PASSWORD, demoEmail } from './support/env';
import { startTestProvider, TEST_CLIENT, TEST_GROUP_ROLES, type TestProvider } from '../support/oidc-provider';

// In the OpenID provider range beside this run's app port (4900 → 4931).
const PROVIDER_PORT = APP_PORT + 31;
const SLUG = 'e2e-gemeente';

let idp: TestProvider;

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
	expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

async function loginWithPassword(page: Page, email: string): Promise<void> {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page).toHaveURL('/');
}

async function signInAtProvider(page: Page, login: string, password: string): Promise<void> {
	await page.goto('/inloggen');
	await page.getByRole('link', { name: 'Inloggen met je organisatie-account' }).click();
	await expect(page.getByRole('heading', { name: 'Test-inlogdienst' })).toBeVisible();
	await page.getByLabel('Gebruikersnaam').fill(login);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
}

test.beforeAll(async () => {
	idp = await startTestProvider({ port: PROVIDER_PORT, redirectUris: [`${BASE_URL}/inloggen/oidc/callback`] });
});

test.afterAll(async () => {
	await idp?.stop();
	// The run's other specs see the login page as it was.
	const client = new pg.Client({ connectionString: DATABASE_URL });
	await client.connect();
	await client.query('delete from oidc_provider where slug = $1', [SLUG]);
	await client.end();
});

test.describe('inloggen met je organisatie-account', () => {
	test.describe.configure({ mode: 'serial' });

	test('een regionale beheerder koppelt de inlogdienst van een gemeente', async ({ page }) => {
		await loginWithPassword(page, demoEmail('beheerder'));
		await page.goto('/beheer/inlogdiensten');
		await page.getByText('Nieuwe inlogdienst').click();
		await page.getByLabel('Korte naam').fill(SLUG);
		await page.getByLabel('Organisatie', { exact: true }).fill('Gemeente Test');
		await page.getByLabel('Issuer').fill(idp.issuer);
		await page.getByLabel('Client-id').fill(TEST_CLIENT.id);
		await page.getByLabel('Clientgeheim').fill(TEST_CLIENT.secret);
		await page.getByLabel('Groepen en rollen').fill('{ niet: json');
		await page.getByRole('button', { name: 'Inlogdienst toevoegen' }).click();
		await expect(page.getByRole('alert').first()).toContainText('Controleer de gemarkeerde velden');
		await expect(page.getByText('geen geldige JSON')).toBeVisible();

		await page.getByLabel('Clientgeheim').fill(TEST_CLIENT.secret);
		await page.getByLabel('Groepen en rollen').fill(JSON.stringify(TEST_GROUP_ROLES));
		await page.getByRole('button', { name: 'Inlogdienst toevoegen' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
		await expect(page.getByText('Gemeente Test (actief)')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Uitloggen' }).click();
		await expect(page).toHaveURL(/\/inloggen/);
	});

	test('een medewerker logt in bij de eigen organisatie en komt binnen met de rol van de groep', async ({ page }) => {
		await page.goto('/inloggen');
		await expect(page.getByLabel('Wachtwoord')).toBeVisible(); // the password stays on offer
		await expectNoAxeViolations(page);

		const account = idp.accounts.ambtenaar!;
		await signInAtProvider(page, account.sub, account.password);
		await expect(page).toHaveURL('/');
		await expect(page.getByTestId('user-identity')).toContainText('Anne Ambtenaar');
		await expect(page.getByTestId('user-identity')).toContainText('Vergunningverlener');

		await page.getByRole('link', { name: 'Mijn sessies' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn sessies');
		const rows = page.getByTestId('sessie');
		await expect(rows).toHaveCount(1);
		await expect(rows.first()).toContainText('Chrome');
		await expect(rows.first()).toContainText('deze sessie');
	});

	test('een account zonder gekoppelde groep wordt in het Nederlands geweigerd', async ({ page }) => {
		const account = idp.accounts.onbekend!;
		await signInAtProvider(page, account.sub, account.password);
		await expect(page).toHaveURL(/\/inloggen\?sso=no_mapped_group/);
		await expect(page.getByRole('alert')).toHaveText(/hoort bij geen groep die toegang geeft tot Paraat/);
		await expect(page.getByLabel('E-mailadres')).toBeVisible();
	});

	test('is de inlogdienst plat, dan zegt de inlogpagina dat in één zin en blijft het wachtwoord werken', async ({ page }) => {
		await idp.stop();
		await page.goto('/inloggen');
		await page.getByRole('link', { name: 'Inloggen met je organisatie-account' }).click();
		await expect(page).toHaveURL(/\/inloggen\?sso=provider_unreachable/);
		await expect(page.getByRole('alert')).toHaveText('De inlogdienst van je organisatie is nu niet bereikbaar; log in met je Paraat-wachtwoord of probeer het later opnieuw.');
		await loginWithPassword(page, demoEmail('waarnemer', 'haarlem'));
	});
});
