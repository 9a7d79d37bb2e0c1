// The regional calendar in two browsers: both see the demo events and a druk day; when another
// municipality submits events (a transaction with publishCalendarChange, as the applications
// service does) both calendars update without reloading, the day turns druk, and a withdrawal
// takes it off again. The year view shows the heat map; CSV and ICS download.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { closeCalendarDb, submitApplication, withdrawApplication } from './support/calendar';

interface Day {
	date: string;
	load: number;
	busy: boolean;
}

/** The first druk day from today on, as the API sees it (demo data: the Grand Prix Saturday or Koningsdag). */
async function firstBusyDay(request: APIRequestContext): Promise<Day> {
	const thisYear = new Date().getFullYear();
	const today = new Date().toISOString().slice(0, 10);
	for (const year of [thisYear, thisYear + 1]) {
		const response = await request.get(`/api/v1/calendar/year?year=${year}`);
		expect(response.status()).toBe(200);
		const day = ((await response.json()) as { days: Day[] }).days.find((d) => d.busy && d.date >= today);
		if (day) return day;
	}
	throw new Error('geen drukke dag in de demodata');
}

async function dayLoad(request: APIRequestContext, date: string): Promise<number> {
	const response = await request.get(`/api/v1/calendar?from=${date}&to=${date}`);
	return ((await response.json()) as { days: Day[] }).days[0]!.load;
}

const cell = (page: Page, date: string) => page.locator(`td[data-date="${date}"]`);

/** A local wall-clock time in Amsterdam on a date, as an instant (summer or winter time). */
function amsterdam(date: string, hour: number): Date {
	const probe = new Date(`${date}T12:00:00Z`);
	const offset = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', hour: 'numeric', hourCycle: 'h23' }).format(probe)) - 12;
	return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour - offset));
}

test.afterAll(async () => {
	await closeCalendarDb();
});

test('de kalender toont drukke dagen en werkt live bij in twee browsers', async ({ browser }) => {
	const a = await loggedInContext(browser, demoEmail('waarnemer', 'velsen'));
	const b = await loggedInContext(browser, demoEmail('adviseur-ghor', 'haarlem'));
	const added: string[] = [];
	try {
		const busy = await firstBusyDay(a.context.request);
		const month = busy.date.slice(0, 7);
		await Promise.all([a.page.goto(`/kalender?maand=${month}`), b.page.goto(`/kalender?maand=${month}`)]);
		await Promise.all([expectConnected(a.page), expectConnected(b.page)]);

		await expect(a.page.getByRole('heading', { level: 1, name: 'Evenementenkalender' })).toBeVisible();
		await expect(cell(a.page, busy.date)).toHaveAttribute('data-busy', 'ja');
		await expect(cell(a.page, busy.date).getByTestId('druk')).toContainText(`Druk (${busy.load})`);
		await expect(cell(a.page, busy.date).locator('li')).not.toHaveCount(0);
		const axe = await new AxeBuilder({ page: a.page }).analyze();
		expect(axe.violations, JSON.stringify(axe.violations.map((v) => [v.id, v.nodes.map((n) => n.target)]))).toEqual([]);

		// A quiet day in the same month: another municipality submits class C events on it.
		const candidates = await (await a.context.request.get(`/api/v1/calendar?from=${month}-01`)).json() as { days: Day[] };
		const quiet = candidates.days.find((d) => !d.busy && d.date !== busy.date && d.load <= 3)!;
		const before = await dayLoad(a.context.request, quiet.date);
		const unchangedA = await markDocument(a.page);
		const unchangedB = await markDocument(b.page);
		const needed = Math.ceil((7 - before) / 3);
		const names: string[] = [];
		for (let i = 0; i < needed; i++) {
			const name = uniqueText(`Live festival ${i + 1}`);
			names.push(name);
			added.push(await submitApplication({ name, municipality: 'heemstede', category: 'C', startsAt: amsterdam(quiet.date, 12 + i), endsAt: amsterdam(quiet.date, 22), peakVisitors: 16_000 }));
		}
		for (const page of [a.page, b.page]) {
			for (const name of names) await expect(cell(page, quiet.date).getByRole('link', { name })).toBeVisible();
			await expect(cell(page, quiet.date)).toHaveAttribute('data-busy', 'ja');
			await expect(cell(page, quiet.date).getByTestId('druk')).toContainText(`Druk (${before + 3 * needed})`);
			await expect(page.getByTestId('live-wijziging')).toContainText('Live festival');
		}
		// Samenlopend: the new ones overlap each other in Heemstede (when there are two or more).
		if (needed > 1) await expect(cell(a.page, quiet.date).locator('li', { hasText: names[0]! })).toContainText('samenlopend');

		// Withdrawn again: off both calendars, the day calm again.
		for (const id of added.splice(0)) await withdrawApplication(id, 'heemstede');
		for (const page of [a.page, b.page]) {
			for (const name of names) await expect(cell(page, quiet.date).getByRole('link', { name })).toHaveCount(0);
			await expect(cell(page, quiet.date)).toHaveAttribute('data-busy', before > 6 ? 'ja' : 'nee');
		}
		expect(await unchangedA(), 'browser A hoefde niet te herladen').toBe(true);
		expect(await unchangedB(), 'browser B hoefde niet te herladen').toBe(true);

		// The list view marks every event of the druk day.
		await a.page.goto(`/kalender?weergave=lijst&maand=${month}`);
		const rows = a.page.getByTestId('evenementenlijst').locator('tbody tr');
		await expect(rows.first()).toBeVisible();
		await expect(a.page.getByTestId('evenementenlijst')).toContainText(`Druk: belasting ${busy.load}`);

		// The year view: the heat map, the druk day labelled in words.
		const year = busy.date.slice(0, 4);
		await a.page.getByRole('link', { name: 'Jaar', exact: true }).click();
		await expect(a.page).toHaveURL(new RegExp(`weergave=jaar&jaar=${year}`));
		await expect(a.page.getByTestId('hittekaart')).toBeVisible();
		const heat = a.page.locator(`td[data-date="${busy.date}"]`);
		await expect(heat).toHaveAttribute('data-level', 'druk');
		await expect(heat.getByRole('link')).toHaveAccessibleName(new RegExp(`belasting ${busy.load}, druk`));
		await expect(a.page.getByTestId('drukke-dagen')).toContainText(`belasting ${busy.load}`);
		const axeYear = await new AxeBuilder({ page: a.page }).analyze();
		expect(axeYear.violations, JSON.stringify(axeYear.violations.map((v) => [v.id, v.nodes.map((n) => n.target)]))).toEqual([]);

		// Downloads: CSV of the year and the region's ICS feed, public fields only.
		const [csv] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('link', { name: /Download als CSV/ }).click()]);
		expect(csv.suggestedFilename()).toBe(`evenementenkalender-regio-${year}-01-01-${year}-12-31.csv`);
		const csvText = await readFile((await csv.path())!, 'utf8');
		expect(csvText).toContain('Kenmerk;Naam;Gemeente;Klasse');
		expect(csvText).toContain('Formule 1 Dutch Grand Prix');
		expect(csvText).not.toMatch(/example\.nl/);
		const [ics] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('link', { name: /Agenda-bestand \(ICS\)/ }).click()]);
		const icsText = await readFile((await ics.path())!, 'utf8');
		expect(icsText).toMatch(/^BEGIN:VCALENDAR/);
		expect(icsText).toContain('BEGIN:VEVENT');
		expect(icsText).not.toMatch(/example\.nl/);

		// The personal agenda link works without a session (as an agenda app asks), until revoked.
		await a.page.getByText('Abonneren in je eigen agenda').click();
		await a.page.getByRole('button', { name: 'Agenda-link maken' }).click();
		const feedUrl = await a.page.getByLabel('Hele regio').inputValue();
		expect(feedUrl).toContain('/api/v1/calendar.ics?sleutel=');
		// Beside it the same feed as webcal://, which opens the agenda app's subscribe dialog.
		await expect(a.page.getByTestId('webcal-region')).toHaveAttribute('href', feedUrl.replace(/^https?:\/\//, 'webcal://'));
		const agendaApp = await request.newContext();
		try {
			const subscribed = await agendaApp.get(feedUrl);
			expect(subscribed.status()).toBe(200);
			expect(await subscribed.text()).toContain('BEGIN:VEVENT');
			await a.page.getByRole('button', { name: 'Agenda-link intrekken' }).click();
			await expect(a.page.getByText('Je agenda-link is ingetrokken.')).toBeVisible();
			expect((await agendaApp.get(feedUrl)).status()).toBe(401);
		} finally {
			await agendaApp.dispose();
		}
	} finally {
		for (const id of added) await withdrawApplication(id, 'heemstede');
		await a.context.close();
		await b.context.close();
	}
});

test('filtert op gemeente en klasse; een foute parameter is een 400 met Nederlandse uitleg', async ({ browser }) => {
	const { context, page } = await loggedInContext(browser, demoEmail('waarnemer', 'zandvoort'));
	try {
		const busy = await firstBusyDay(context.request);
		const month = busy.date.slice(0, 7);
		const { events } = (await (await context.request.get(`/api/v1/calendar?from=${month}-01`)).json()) as { events: { municipality: string; category: string }[] };
		const municipality = events.find((e) => e.category === 'C')!.municipality;
		const name = municipality[0]!.toUpperCase() + municipality.slice(1);
		await page.goto(`/kalender?weergave=lijst&maand=${month}`);
		await page.getByLabel('Gemeente').selectOption(municipality);
		await page.getByLabel('Klasse').selectOption('C');
		await page.getByRole('button', { name: 'Filter toepassen' }).click();
		await expect(page).toHaveURL(new RegExp(`gemeente=${municipality}&klasse=C`));
		const rows = page.getByTestId('evenementenlijst').locator('tbody tr');
		await expect(rows.first()).toBeVisible();
		for (const row of await rows.all()) {
			await expect(row.locator('td').nth(1)).toHaveText(name);
			await expect(row.locator('td').nth(2)).toContainText('C');
		}
		const response = await page.goto('/kalender?maand=2027-13');
		expect(response?.status()).toBe(400);
		await expect(page.getByText('Geef de maand als JJJJ-MM')).toBeVisible();
	} finally {
		await context.close();
	}
});
