// /login and /logout lead to the Dutch pages, with the return target, and a POST to /logout logs out.
import { test, expect } from '@playwright/test';
import { apiLogin } from './support/app';
import { demoEmail } from './support/env';

test.describe('Engelse paden', () => {
	test('/login en /logout verwijzen door naar /inloggen en /uitloggen, met de querystring', async ({ request }) => {
		const login = await request.get('/login?naar=%2Fcrisis', { maxRedirects: 0 });
		expect(login.status()).toBe(308);
		expect(login.headers()['location']).toBe('/inloggen?naar=%2Fcrisis');

		const logout = await request.get('/logout', { maxRedirects: 0 });
		expect(logout.status()).toBe(308);
		expect(logout.headers()['location']).toBe('/uitloggen');

		const page = await request.get('/login');
		expect(page.status()).toBe(200);
		expect(new URL(page.url()).pathname).toBe('/inloggen');
	});

	test('een POST naar /logout meldt af, net als het formulier van /uitloggen', async ({ page }) => {
		await apiLogin(page.context().request, demoEmail('crisisteam', 'haarlem'));
		const before = await page.context().request.get('/api/v1/me');
		expect(before.status()).toBe(200);

		// Without a form body: SvelteKit refuses form posts that carry no Origin (as this client's).
		const redirected = await page.context().request.post('/logout', { maxRedirects: 0 });
		expect(redirected.status()).toBe(308);
		expect(redirected.headers()['location']).toBe('/uitloggen');

		// What a browser does with a 308: the same POST to /uitloggen.
		await page.goto('/');
		await page.evaluate(() => {
			const form = document.createElement('form');
			form.method = 'POST';
			form.action = '/logout';
			document.body.append(form);
			form.submit();
		});
		await expect(page).toHaveURL('/inloggen');
		const after = await page.context().request.get('/api/v1/me');
		expect(after.status()).toBe(401);
	});
});
