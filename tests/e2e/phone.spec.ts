// Every main page on a phone (390 × 844): no horizontal scrolling, the navigation behind a menu
// button that works from the keyboard, no code names in the text, and axe (WCAG 2.2 AA) clean.
import { test, expect } from '@playwright/test';
import { MAIN_PAGES, axeViolations, codeNamesOn, contextFor, horizontalOverflow } from './support/pages';
import { demoEmail } from './support/env';
import { expectHydrated } from './support/app';

const PHONE = { width: 390, height: 844 };

test.describe('telefoon 390 × 844', () => {
	test.describe.configure({ timeout: 240_000 });

	for (const group of MAIN_PAGES) {
		test(`de pagina’s van ${group.email} passen, zijn Nederlands en toegankelijk`, async ({ browser }) => {
			const { context, page, paths } = await contextFor(browser, group, PHONE);
			try {
				expect(paths.length).toBeGreaterThan(0);
				const problems: string[] = [];
				for (const path of paths) {
					const response = await page.goto(path);
					expect(response?.status(), path).toBe(200);
					await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
					await page.waitForLoadState('networkidle');
					const overflow = await horizontalOverflow(page);
					if (overflow > 0) problems.push(`${path}: ${overflow}px breder dan het scherm`);
					for (const name of await codeNamesOn(page)) problems.push(`${path}: codenaam "${name}" in de tekst`);
					for (const violation of await axeViolations(page)) problems.push(`${path}: axe ${violation}`);
				}
				expect(problems).toEqual([]);
			} finally {
				await context.close();
			}
		});
	}

	test('het menu klapt open en dicht met het toetsenbord', async ({ browser }) => {
		const { context, page } = await contextFor(browser, MAIN_PAGES[1]!, PHONE);
		try {
			await page.goto('/berichten');
			const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
			const button = page.getByRole('button', { name: 'Menu' });
			await expect(nav).toBeHidden();
			await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeHidden();
			await expect(button).toHaveAttribute('aria-expanded', 'false');
			// The header is one line: the first screen is for the work.
			const header = await page.locator('header.app-header').boundingBox();
			expect(header!.height).toBeLessThan(844 * 0.12);

			await expectHydrated(page);
			await button.focus();
			await page.keyboard.press('Enter');
			await expect(button).toHaveAttribute('aria-expanded', 'true');
			await expect(nav).toBeVisible();
			// The account (its sessions page, logging out), then the navigation, right after the button.
			await page.keyboard.press('Tab');
			await expect(page.getByRole('link', { name: 'Mijn sessies' })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(nav.getByRole('link', { name: 'Overzicht' })).toBeFocused();
			await page.keyboard.press('Enter');
			// A page change closes the menu again.
			await expect(page).toHaveURL(/\/$/);
			await expect(nav).toBeHidden();
			await expect(button).toHaveAttribute('aria-expanded', 'false');

			await button.focus();
			await page.keyboard.press('Space');
			await expect(nav).toBeVisible();
			await page.keyboard.press('Space');
			await expect(nav).toBeHidden();
			expect(await horizontalOverflow(page)).toBe(0);
		} finally {
			await context.close();
		}
	});

	test('op een bureaubreedte staat het menu open en is er geen menuknop', async ({ browser }) => {
		const { context, page } = await contextFor(browser, { email: demoEmail('crisisteam', 'haarlem'), paths: async () => [] }, { width: 1280, height: 900 });
		try {
			await page.goto('/');
			await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
			await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
			expect(await horizontalOverflow(page)).toBe(0);
		} finally {
			await context.close();
		}
	});
});
