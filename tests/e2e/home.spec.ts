// "Mijn werk" on the home page is live (issue 16): with the home page open, a user sees a new
// incident of their municipality, a task someone gives them and advice someone asks of them
// arrive, and leave again when they are closed, done or withdrawn — without reloading. Two
// browser contexts: the one who acts and the one whose home page is open.
import { test, expect, type Page } from '@playwright/test';
import { expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { apiCreateIncident, apiPatchTask, type ApiTask } from './support/crisis';
import { closeAdviceDb, insertClassCApplication } from './support/advice';

test.afterAll(async () => {
	await closeAdviceDb();
});

async function openHome(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 2, name: 'Mijn werk' })).toBeVisible();
	await expectConnected(page);
}

test('een nieuw incident en een taak voor mij verschijnen live op mijn startpagina, en verdwijnen als ze klaar zijn', async ({ browser }) => {
	const team = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
	const worker = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
	try {
		await openHome(worker.page);
		const unchanged = await markDocument(worker.page);
		const myWork = worker.page.getByTestId('my-work');

		// The crisis team opens an exercise in Velsen: it is among my running incidents at once.
		const title = uniqueText('OEFENING Gaslek Velserbroek');
		const incident = await apiCreateIncident(team.context.request, { title, municipalities: ['velsen'], grip: 1 });
		const incidentItem = myWork.getByRole('listitem').filter({ hasText: title });
		await expect(incidentItem).toBeVisible();
		await expect(incidentItem).toContainText('GRIP 1');
		await expect(incidentItem.getByRole('link', { name: title })).toHaveAttribute('href', `/crisis/${incident.id}`);

		// It gives me a task, due soon: it is first in my tasks.
		const taskTitle = uniqueText('Opvang regelen in sporthal Velserbroek');
		const dueAt = new Date(Date.now() + 5 * 60_000).toISOString();
		const created = await team.context.request.post(`/api/v1/incidents/${incident.id}/tasks`, {
			data: { process: 'publieke_zorg', title: taskTitle, assigneeId: worker.user.id, dueAt }
		});
		expect(created.status(), await created.text()).toBe(201);
		const task = (await created.json()) as ApiTask;
		const taskItem = worker.page.getByTestId('my-tasks').getByRole('listitem').filter({ hasText: taskTitle });
		await expect(taskItem).toBeVisible();
		await expect(taskItem).toContainText('Open');
		await expect(worker.page.getByTestId('my-tasks').getByRole('listitem').first()).toContainText(taskTitle);

		// In progress, then done: the status follows, and a finished task leaves the list.
		const started = await apiPatchTask(team.context.request, task.id, { version: task.version, status: 'in_uitvoering' });
		expect(started.status(), await started.text()).toBe(200);
		await expect(taskItem).toContainText('In uitvoering');
		const done = await apiPatchTask(team.context.request, task.id, { version: task.version + 1, status: 'gereed' });
		expect(done.status(), await done.text()).toBe(200);
		await expect(taskItem).toHaveCount(0);

		// Closing the exercise takes it off my running incidents.
		const closed = await team.context.request.post(`/api/v1/incidents/${incident.id}/status`, { data: { status: 'gesloten' } });
		expect(closed.status(), await closed.text()).toBe(200);
		await expect(incidentItem).toHaveCount(0);
		expect(await unchanged(), 'alles kwam live binnen, zonder herladen').toBe(true);
	} finally {
		await team.context.close();
		await worker.context.close();
	}
});

test('advies dat de gemeente vraagt verschijnt live op de startpagina van de adviseur, en verdwijnt als het wordt ingetrokken', async ({ browser }) => {
	// A municipality where the demo's brandweer adviser has room in the five listed first.
	let municipality: string | undefined;
	for (const candidate of ['uitgeest', 'heemstede', 'bloemendaal', 'beverwijk']) {
		const probe = await loggedInContext(browser, demoEmail('adviseur', candidate));
		const inbox = (await (await probe.context.request.get('/api/v1/advice')).json()) as { requests: { status: string }[] };
		await probe.context.close();
		if (inbox.requests.filter((r) => r.status === 'gevraagd').length < 4) {
			municipality = candidate;
			break;
		}
	}
	expect(municipality, 'een gemeente met weinig open adviesaanvragen').toBeDefined();

	const name = uniqueText('Dorpsfeest met vuurwerk');
	const application = await insertClassCApplication({ name, municipality });
	const officer = await loggedInContext(browser, demoEmail('vergunningverlener', municipality));
	const adviser = await loggedInContext(browser, demoEmail('adviseur', municipality));
	try {
		await openHome(adviser.page);
		const unchanged = await markDocument(adviser.page);
		const item = adviser.page.getByTestId('my-work').getByRole('listitem').filter({ hasText: name });
		await expect(item).toHaveCount(0);

		const asked = await officer.context.request.post(`/api/v1/events/${application.id}/advice`);
		expect(asked.status(), await asked.text()).toBe(201);
		const [request] = ((await asked.json()) as { requests: { id: string; version: number; discipline: string }[] }).requests;
		expect(request?.discipline).toBe('joint');
		await expect(item).toBeVisible();
		await expect(item).toContainText('Gezamenlijk advies');
		await expect(item.getByRole('link', { name })).toHaveAttribute('href', `/advies/${request!.id}`);

		const withdrawn = await officer.context.request.post(`/api/v1/advice/${request!.id}/withdraw`, { data: { version: request!.version, reason: 'Evenement gaat niet door.' } });
		expect(withdrawn.status(), await withdrawn.text()).toBe(200);
		await expect(item).toHaveCount(0);
		expect(await unchanged(), 'de adviesaanvraag kwam en ging live, zonder herladen').toBe(true);
	} finally {
		await officer.context.close();
		await adviser.context.close();
	}
});
