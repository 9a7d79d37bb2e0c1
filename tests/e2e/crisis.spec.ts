// Crisis and exercises: creating an exercise through the page, GRIP with its history, the live
// incident list, the norm clocks, who may see it at all, the API's input checks, and axe.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { apiLogin, expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import {
	apiCreateIncident,
	apiCreateTask,
	apiPatchTask,
	expectApiError,
	expectCardIn,
	openIncident,
	taskBoard,
	type ApiIncident
} from './support/crisis';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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

function section(page: Page, name: 'Incidenten' | 'Oefeningen') {
	return page.getByRole('region', { name, exact: true });
}

function gripHistory(page: Page) {
	return page.getByRole('region', { name: 'GRIP-verloop' }).getByRole('listitem');
}

test.describe('crisis en oefeningen', () => {
	test('het crisisteam maakt een oefening via het formulier, schaalt op naar GRIP 2; een waarnemer ziet haar live verschijnen', async ({ browser }) => {
		const team = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
		const observer = await loggedInContext(browser, demoEmail('waarnemer', 'velsen'));
		try {
			const { page } = team;
			await observer.page.goto('/crisis');
			await expect(observer.page.getByRole('heading', { level: 1, name: 'Crisis en oefeningen' })).toBeVisible();
			await expectConnected(observer.page);
			const observerUnchanged = await markDocument(observer.page);
			// An observer cannot create anything.
			await expect(observer.page.getByText('Nieuw incident of nieuwe oefening')).toHaveCount(0);

			await page.goto('/crisis');
			await expectConnected(page);
			const title = uniqueText('OEFENING Duinbrand Kennemerduinen');
			await page.locator('summary', { hasText: 'Nieuw incident of nieuwe oefening' }).click();
			await page.getByLabel('Titel').fill(title);
			await page.getByLabel('Soort').selectOption('oefening');
			await page.getByRole('checkbox', { name: 'Haarlem', exact: true }).check();
			await page.getByRole('checkbox', { name: 'Zandvoort', exact: true }).check();
			await page.getByLabel('GRIP-niveau').selectOption('1');
			// A place on the map and a start time (Dutch local time, a quarter of an hour ago).
			const started = new Date(Math.floor((Date.now() - 15 * 60_000) / 60_000) * 60_000);
			const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
				.format(started)
				.replace(' ', 'T');
			await page.getByLabel('Begintijd').fill(local);
			await page.getByLabel('Kaartpositie: breedtegraad').fill('52.3905');
			await page.getByLabel('Kaartpositie: lengtegraad').fill('4.5601');
			await page.getByRole('button', { name: 'Aanmaken' }).click();

			// Lands on the incident page, marked as an exercise.
			await expect(page).toHaveURL(/\/crisis\/[0-9a-f-]{36}$/);
			const incidentId = page.url().split('/').pop()!;
			const stored = (await (await page.request.get(`/api/v1/incidents/${incidentId}`)).json()) as { position: unknown; startedAt: string };
			expect(stored.position).toEqual({ lat: 52.3905, lon: 4.5601 });
			expect(stored.startedAt).toBe(started.toISOString());
			await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
			const banner = page.getByRole('status').filter({ hasText: 'dit is een oefening' });
			await expect(banner).toBeVisible();
			await expect(banner.locator('strong')).toHaveText('OEFENING');
			await expect(page).toHaveTitle(/^OEFENING · /);
			const head = page.locator('header.incident-head');
			await expect(head.getByLabel('GRIP 1', { exact: true })).toBeVisible();
			await expect(head).toContainText('Haarlem, Zandvoort');
			await expect(gripHistory(page)).toHaveCount(1);
			await expect(gripHistory(page).nth(0)).toContainText('Start op GRIP 1');
			await expect(gripHistory(page).nth(0)).toContainText('Incident aangemaakt');
			// A new incident: both norm clocks are on schedule.
			await expect(page.locator('[data-norm="opvang"]')).toHaveAttribute('data-state', 'op_schema');
			await expect(page.locator('[data-norm="tijdelijke_huisvesting"]')).toHaveAttribute('data-state', 'op_schema');
			await expectConnected(page);

			// The observer's list shows it live, under "Oefeningen" with the mark, not under "Incidenten".
			const item = section(observer.page, 'Oefeningen').getByRole('listitem').filter({ hasText: title });
			await expect(item).toBeVisible();
			await expect(item.getByText('OEFENING', { exact: true })).toBeVisible();
			await expect(item.getByLabel('GRIP 1', { exact: true })).toBeVisible();
			await expect(item.getByRole('link', { name: title })).toHaveAttribute('href', `/crisis/${incidentId}`);
			await expect(section(observer.page, 'Incidenten').getByText(title)).toHaveCount(0);

			// Scale up to GRIP 2, with a reason.
			const reason = uniqueText('Rookpluim trekt over Zandvoort, effecten buiten het terrein');
			await page.getByLabel('Nieuw GRIP-niveau').selectOption('2');
			await page.getByLabel('Reden').fill(reason);
			await page.getByRole('button', { name: 'GRIP wijzigen' }).click();

			await expect(head.getByLabel('GRIP 2', { exact: true })).toBeVisible();
			await expect(gripHistory(page)).toHaveCount(2);
			await expect(gripHistory(page).nth(0)).toContainText('Start op GRIP 1');
			await expect(gripHistory(page).nth(0)).toContainText('Incident aangemaakt');
			await expect(gripHistory(page).nth(1)).toContainText('GRIP 1 → 2');
			await expect(gripHistory(page).nth(1)).toContainText(reason);
			await expect(gripHistory(page).nth(1)).toContainText(team.user.name);
			await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveCount(0);

			// The observer's list follows the GRIP change live too.
			await expect(item.getByLabel('GRIP 2', { exact: true })).toBeVisible();
			expect(await observerUnchanged(), 'de lijst van de waarnemer werd live bijgewerkt').toBe(true);

			// Someone opening the incident now sees the same history.
			await observer.page.getByRole('link', { name: title }).click();
			await expect(observer.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
			await expect(gripHistory(observer.page)).toHaveCount(2);
			await expect(gripHistory(observer.page).nth(1)).toContainText(reason);
			await expect(observer.page.getByRole('status').filter({ hasText: 'dit is een oefening' })).toBeVisible();
		} finally {
			await team.context.close();
			await observer.context.close();
		}
	});

	test('een echt incident staat onder "Incidenten", zonder oefenmerk', async ({ browser, request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const incident = await apiCreateIncident(request, { title: uniqueText('Stroomstoring Velsen-Noord'), kind: 'crisis', municipalities: ['velsen'] });
		expect(incident).toEqual(expect.objectContaining({ kind: 'crisis', exercise: false, grip: 0, status: 'actief', municipalities: ['velsen'] }));
		const observer = await loggedInContext(browser, demoEmail('waarnemer', 'velsen'));
		try {
			await observer.page.goto('/crisis');
			const item = section(observer.page, 'Incidenten').getByRole('listitem').filter({ hasText: incident.title });
			await expect(item).toBeVisible();
			await expect(item.getByText('OEFENING', { exact: true })).toHaveCount(0);
			await expect(section(observer.page, 'Oefeningen').getByText(incident.title)).toHaveCount(0);

			await openIncident(observer.page, incident);
			await expect(observer.page.getByText('dit is een oefening')).toHaveCount(0);
			await expect(observer.page).not.toHaveTitle(/OEFENING/);
		} finally {
			await observer.context.close();
		}
	});

	test('de normklokken lopen vanaf het begin van het incident', async ({ page, request }) => {
		await apiLogin(request, demoEmail('oefenleider', 'zandvoort'));
		const now = Date.now();
		const create = async (label: string, minutesAgo: number): Promise<ApiIncident> => {
			const response = await request.post('/api/v1/incidents', {
				data: {
					title: uniqueText(`OEFENING normen ${label}`),
					kind: 'oefening',
					municipalities: ['zandvoort'],
					affectedPeople: 500,
					startedAt: new Date(now - minutesAgo * 60_000).toISOString()
				}
			});
			expect(response.status(), await response.text()).toBe(201);
			return (await response.json()) as ApiIncident;
		};
		// 2 h 40 min ago: 20 minutes left for shelter (the last quarter of 3 h); 4 h ago: too late.
		const almost = await create('bijna', 160);
		const late = await create('verlopen', 240);

		await apiLogin(page.request, demoEmail('bevolkingszorg', 'zandvoort'));
		await openIncident(page, almost);
		await expect(page.locator('[data-norm="opvang"]')).toHaveAttribute('data-state', 'bijna');
		await expect(page.locator('[data-norm="opvang"]')).toHaveText(/^nog (19|20) min$/);
		await expect(page.locator('[data-norm="tijdelijke_huisvesting"]')).toHaveAttribute('data-state', 'op_schema');
		await expect(page.getByRole('region', { name: 'Normen bevolkingszorg' })).toContainText('50 plaatsen');

		await openIncident(page, late);
		await expect(page.locator('[data-norm="opvang"]')).toHaveAttribute('data-state', 'verlopen');
		await expect(page.locator('[data-norm="opvang"]')).toHaveText(/over tijd$/);
		await expect(page.locator('[data-norm="tijdelijke_huisvesting"]')).toHaveAttribute('data-state', 'op_schema');
	});

	test('een vergunningverlener krijgt 403 op /crisis en op de incidenten-API', async ({ page, request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING niet voor vergunningen') });

		await apiLogin(page.request, demoEmail('vergunningverlener', 'haarlem'));
		const list = await page.goto('/crisis');
		expect(list?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
		const detail = await page.goto(`/crisis/${incident.id}`);
		expect(detail?.status()).toBe(403);
		await expect(page.getByText(incident.title)).toHaveCount(0);
		// Not in the navigation either.
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /crisis/i })).toHaveCount(0);

		await expectApiError(await page.request.get('/api/v1/incidents'), 403, 'forbidden');
		await expectApiError(await page.request.get(`/api/v1/incidents/${incident.id}/tasks`), 403, 'forbidden');
		await expectApiError(
			await page.request.post('/api/v1/incidents', { data: { title: 'Mag niet', kind: 'oefening', municipalities: ['haarlem'] } }),
			403,
			'forbidden'
		);
	});
});

test.describe('API: invoer van incidenten en taken', () => {
	test.beforeEach(async ({ request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
	});

	test('GRIP 7 geeft 400 met het veld grip', async ({ request }) => {
		const response = await request.post('/api/v1/incidents', { data: { title: 'OEFENING GRIP zeven', kind: 'oefening', municipalities: ['haarlem'], grip: 7 } });
		const body = await expectApiError(response, 400, 'validation_failed');
		expect(body.error.fields).toEqual([expect.objectContaining({ field: 'grip', message: expect.stringContaining('GRIP') })]);
		expect(body.error.message).toContain('grip');
	});

	test('een onbekende gemeente geeft 400 met het veld municipalities', async ({ request }) => {
		const response = await request.post('/api/v1/incidents', { data: { title: 'OEFENING Amsterdam', kind: 'oefening', municipalities: ['haarlem', 'amsterdam'] } });
		const body = await expectApiError(response, 400, 'validation_failed');
		expect(body.error.fields).toEqual([expect.objectContaining({ field: 'municipalities.1', message: expect.stringContaining('Onbekende gemeente') })]);
		expect(body.error.message).toContain('municipalities');
		// Nothing was created.
		const list = (await (await request.get('/api/v1/incidents')).json()) as { incidents: ApiIncident[] };
		expect(list.incidents.some((i) => i.title === 'OEFENING Amsterdam')).toBe(false);
	});

	test('alle foute velden tegelijk, en een bevolkingszorger maakt geen incident', async ({ request, playwright }) => {
		const response = await request.post('/api/v1/incidents', { data: { title: 'x', kind: 'brand', municipalities: [], grip: -1 } });
		const body = await expectApiError(response, 400, 'validation_failed');
		expect((body.error.fields ?? []).map((f) => f.field).sort()).toEqual(['grip', 'kind', 'municipalities', 'title']);

		const other = await playwright.request.newContext();
		try {
			await apiLogin(other, demoEmail('bevolkingszorg', 'haarlem'));
			const refused = await other.post('/api/v1/incidents', { data: { title: 'OEFENING mag niet', kind: 'oefening', municipalities: ['haarlem'] } });
			await expectApiError(refused, 403, 'forbidden');
		} finally {
			await other.dispose();
		}
	});

	test('PATCH zonder version geeft 400 met het veld version', async ({ request }) => {
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING versie vergeten') });
		const task = await apiCreateTask(request, incident.id, { title: 'Zonder versie' });
		const response = await apiPatchTask(request, task.id, { status: 'gereed' });
		const body = await expectApiError(response, 400, 'validation_failed');
		expect(body.error.fields).toEqual([expect.objectContaining({ field: 'version' })]);
		expect(body.error.message).toContain('version');
		// Unchanged.
		const tasks = (await (await request.get(`/api/v1/incidents/${incident.id}/tasks`)).json()) as { tasks: { id: string; status: string; version: number }[] };
		expect(tasks.tasks.find((t) => t.id === task.id)).toEqual(expect.objectContaining({ status: 'open', version: 1 }));
	});

	test('een taak met een onbekend proces geeft 400 met het veld process', async ({ request }) => {
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING onbekend proces') });
		const response = await request.post(`/api/v1/incidents/${incident.id}/tasks`, { data: { process: 'brandbestrijding', title: 'Blussen' } });
		const body = await expectApiError(response, 400, 'validation_failed');
		expect(body.error.fields).toEqual([expect.objectContaining({ field: 'process', message: expect.stringContaining('Onbekend proces') })]);
		const tasks = (await (await request.get(`/api/v1/incidents/${incident.id}/tasks`)).json()) as { tasks: unknown[] };
		expect(tasks.tasks).toEqual([]);
	});

	test('een onbekende taak of incident geeft 404, geen 500', async ({ request }) => {
		await expectApiError(await apiPatchTask(request, '00000000-0000-4000-8000-000000000000', { version: 1, status: 'gereed' }), 404, 'not_found');
		await expectApiError(await apiPatchTask(request, 'geen-uuid', { version: 1, status: 'gereed' }), 404, 'not_found');
		await expectApiError(await request.get('/api/v1/incidents/00000000-0000-4000-8000-000000000000/tasks'), 404, 'not_found');
		await expectApiError(await request.get('/api/v1/incidents/geen-uuid/tasks'), 404, 'not_found');
	});
});

test.describe('toegankelijkheid (WCAG 2.2 AA, axe)', () => {
	test('een incidentpagina met taken heeft geen overtredingen', async ({ page, request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING Toegankelijk bord'), grip: 2, affectedPeople: 120 });
		const open = await apiCreateTask(request, incident.id, { title: 'Opvang sporthal', process: 'publieke_zorg', priority: 'urgent', municipality: 'velsen', description: 'Veldbedden' });
		const busy = await apiCreateTask(request, incident.id, { title: 'Persbericht', process: 'crisiscommunicatie', priority: 'hoog' });
		const done = await apiCreateTask(request, incident.id, { title: 'Nazorgloket', process: 'nafase' });
		expect((await apiPatchTask(request, busy.id, { version: 1, status: 'in_uitvoering' })).status()).toBe(200);
		expect((await apiPatchTask(request, done.id, { version: 1, status: 'gereed' })).status()).toBe(200);
		expect((await apiPatchTask(request, open.id, { version: 1, blockedReason: 'Wacht op sleutel' })).status()).toBe(200);

		// The crisis team sees the most: board with buttons, GRIP and status forms.
		await apiLogin(page.request, demoEmail('crisisteam', 'zandvoort'));
		await openIncident(page, incident);
		await expectCardIn(page, open, 'open', 2);
		await expectCardIn(page, busy, 'in_uitvoering', 2);
		await expectCardIn(page, done, 'gereed', 2);
		await expect(page.getByRole('button', { name: 'GRIP wijzigen' })).toBeVisible();
		await expectNoAxeViolations(page);

		// With the "Nieuwe taak" form open.
		await taskBoard(page).locator('summary', { hasText: 'Nieuwe taak' }).click();
		await expect(taskBoard(page).getByRole('button', { name: 'Taak toevoegen' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('de lijst met crises en oefeningen heeft geen overtredingen', async ({ page }) => {
		await apiLogin(page.request, demoEmail('crisisteam', 'haarlem'));
		await page.goto('/crisis');
		await expectConnected(page);
		await page.locator('summary', { hasText: 'Nieuw incident of nieuwe oefening' }).click();
		await expect(page.getByRole('button', { name: 'Aanmaken' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});
