// Printing: the incident overview, a SITRAP, the logbook and an event application print as the
// record (no navigation, no "Uitloggen", no forms or buttons), keep the OEFENING and
// VERTROUWELIJK marks, and stay within a sensible number of A4 pages (Chromium's page.pdf).
import { test, expect, type Page } from '@playwright/test';
import { loggedInContext } from './support/app';
import { demoEmail } from './support/env';
import { apiAddLogEntry, apiPutSection, newExercise } from './support/logbook';
import { bibobApiLogin } from './support/bibob';

/** Pages of a PDF Chromium wrote: its page objects (not the /Pages tree nodes). */
function pageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

async function printed(page: Page, path: string): Promise<number> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.emulateMedia({ media: 'print' });
	// What paper shows: the record without the tools around it.
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
	await expect(page.getByText('Uitloggen')).toBeHidden();
	expect(await page.locator('form:visible, button:visible, input:visible, select:visible, textarea:visible').count(), `${path}: formulieren op papier`).toBe(0);
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	await page.emulateMedia({ media: 'screen' });
	return pageCount(pdf);
}

test('incidentoverzicht, SITRAP, logboek en aanvraag printen zonder menu en formulieren, binnen een paar A4’tjes', async ({ browser, request }) => {
	test.setTimeout(120_000);
	const crisis = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
	try {
		const list = (await (await crisis.context.request.get('/api/v1/incidents')).json()) as { incidents: { id: string; title: string }[] };
		const demo = list.incidents.find((i) => i.title.includes('Duinbrand'))!;
		expect(demo, 'de demo-oefening').toBeTruthy();

		// The demo exercise's overview: the board and GRIP history, within 3 A4 pages (it was 6).
		const overview = await printed(crisis.page, `/crisis/${demo.id}`);
		expect(overview).toBeGreaterThanOrEqual(1);
		expect(overview).toBeLessThanOrEqual(3);
		await crisis.page.emulateMedia({ media: 'print' });
		await expect(crisis.page.getByText('OEFENING — dit is een oefening.')).toBeVisible();
		await expect(crisis.page.getByRole('heading', { name: 'Taken bevolkingszorg' })).toBeVisible();
		await crisis.page.emulateMedia({ media: 'screen' });

		expect(await printed(crisis.page, `/crisis/${demo.id}/logboek`)).toBeLessThanOrEqual(3);

		// A SITRAP of an exercise with a summary and a logbook.
		const exercise = await newExercise(request, 'Print SITRAP');
		await apiPutSection(request, exercise.id, 'samenvatting', { text: 'Brand in de duinen onder controle; opvang loopt; volgende update over 30 minuten.', version: 0 });
		for (let i = 0; i < 10; i++) await apiAddLogEntry(request, exercise.id, { kind: 'melding', discipline: 'brandweer', text: `Melding ${i + 1} voor de print.` });
		const published = await request.post(`/api/v1/incidents/${exercise.id}/sitraps`);
		expect(published.status(), await published.text()).toBe(201);
		const sitrapPages = await printed(crisis.page, `/crisis/${exercise.id}/sitrap/1`);
		expect(sitrapPages).toBeLessThanOrEqual(2);
		await crisis.page.emulateMedia({ media: 'print' });
		await expect(crisis.page.getByText('OEFENING — dit is een oefening.')).toBeVisible();
		await expect(crisis.page.getByRole('heading', { name: /SITRAP 1/ })).toBeVisible();
		await crisis.page.emulateMedia({ media: 'screen' });
		// The demo logbook holds entries of every discipline (issue 15): three sheets at most.
		expect(await printed(crisis.page, `/crisis/${exercise.id}/logboek`)).toBeLessThanOrEqual(3);

		// An event application that has been decided: facts, scan, advice, history.
		const apps = (await (await officer.context.request.get('/api/v1/events')).json()) as { applications: { id: string; status: string }[] };
		const decided = apps.applications.find((a) => a.status === 'besluit') ?? apps.applications[0]!;
		expect(await printed(officer.page, `/evenementen/${decided.id}`)).toBeLessThanOrEqual(4);
	} finally {
		await crisis.context.close();
		await officer.context.close();
	}
});

test('de Bibob-pagina houdt op papier haar VERTROUWELIJK-melding', async ({ browser }) => {
	const context = await browser.newContext();
	try {
		await bibobApiLogin(context.request, demoEmail('bibob', 'haarlem'));
		const page = await context.newPage();
		await page.goto('/bibob');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByText(/Vertrouwelijk \(art\. 28 Wet Bibob\)/)).toBeVisible();
		await expect(page.getByText('Uitloggen')).toBeHidden();
	} finally {
		await context.close();
	}
});
