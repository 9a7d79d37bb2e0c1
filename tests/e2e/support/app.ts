// Small helpers shared by the end-to-end specs: logging in, the connection badge, notices.
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { BASE_URL, DEMO_PASSWORD } from './env';

export interface ApiUser {
	id: string;
	email: string;
	name: string;
	roles: { role: string; label: string; municipality: string | null; municipalityName: string }[];
}

export interface ApiNotice {
	id: string;
	title: string;
	text: string;
	severity: 'info' | 'waarschuwing' | 'urgent';
	createdAt: string;
	author: { id: string; name: string };
}

/** Text no other test (or earlier run) has used: notices are found by it. */
export function uniqueText(prefix: string): string {
	return `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Logs in through the JSON API; with a context's `request` the browser shares the cookie. */
export async function apiLogin(request: APIRequestContext, email: string, baseURL = BASE_URL): Promise<ApiUser> {
	const response = await request.post(`${baseURL}/api/v1/session`, { data: { email, password: DEMO_PASSWORD } });
	expect(response.status(), `inloggen als ${email}: ${await response.text()}`).toBe(200);
	return ((await response.json()) as { user: ApiUser }).user;
}

/** A new browser context (with the config's defaults, on the given server), already logged in. */
export async function loggedInContext(
	browser: Browser,
	email: string,
	baseURL = BASE_URL
): Promise<{ context: BrowserContext; page: Page; user: ApiUser }> {
	const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	const user = await apiLogin(context.request, email, baseURL);
	const page = await context.newPage();
	return { context, page, user };
}

export function connectionBadge(page: Page): Locator {
	return page.locator('[data-connection-state]');
}

/** Waits until the page's script has taken over (the root layout marks `<html data-hydrated>`): a key
 *  pressed before that lands on server HTML that nothing handles yet. */
export async function expectHydrated(page: Page): Promise<void> {
	await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);
}

/** Waits until the page's socket is connected (the header badge says "verbonden"). */
export async function expectConnected(page: Page, timeout = 20_000): Promise<void> {
	await expect(connectionBadge(page)).toHaveAttribute('data-connection-state', 'verbonden', { timeout });
}

/** Opens the overview and waits for the live connection. */
export async function openOverview(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Regionale berichten' })).toBeVisible();
	await expectConnected(page);
}

export function noticeList(page: Page): Locator {
	return page.getByTestId('notice-list');
}

/** The notice items containing the given text (a unique text should match exactly one). */
export function noticeItems(page: Page, text: string): Locator {
	return noticeList(page).getByRole('listitem').filter({ hasText: text });
}

/** Posts a regional notice through the API with the given (logged-in) request context. */
export async function apiPostNotice(
	request: APIRequestContext,
	body: { text: string; title?: string; severity?: 'info' | 'waarschuwing' | 'urgent' },
	baseURL = BASE_URL
): Promise<ApiNotice> {
	const response = await request.post(`${baseURL}/api/v1/notices`, { data: body });
	expect(response.status(), `bericht plaatsen: ${await response.text()}`).toBe(201);
	return (await response.json()) as ApiNotice;
}

/**
 * Marks the current document, so a test can prove later that something appeared live and not
 * through a reload or navigation (which would lose the mark).
 */
export async function markDocument(page: Page): Promise<() => Promise<boolean>> {
	const mark = `paraat-e2e-${Math.random().toString(36).slice(2)}`;
	await page.evaluate((m) => ((window as unknown as Record<string, unknown>).__paraatE2eMark = m), mark);
	return async () => (await page.evaluate(() => (window as unknown as Record<string, unknown>).__paraatE2eMark)) === mark;
}
