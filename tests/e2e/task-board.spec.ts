// The live bevolkingszorg task board of an incident: two officers of different municipalities
// work the same (exercise) board; changes reach the other without a reload, a stale change gets
// the conflict alert instead of silently overwriting, blocked tasks cannot be finished, and an
// observer only watches. Every test creates its own incident through the API.
import { test, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { apiLogin, loggedInContext, markDocument, uniqueText, type ApiUser } from './support/app';
import { demoEmail } from './support/env';
import {
	SocketTap,
	apiCreateIncident,
	apiCreateTask,
	apiGetTask,
	apiPatchTask,
	boardCell,
	cardByTitle,
	expectApiError,
	expectCardIn,
	moveButton,
	openIncident,
	taskBoard,
	taskCard,
	type ApiIncident,
	type ApiTask,
	type Process
} from './support/crisis';

interface Officer {
	context: BrowserContext;
	page: Page;
	user: ApiUser;
}

const REFUSAL_BLOCKED = 'Een geblokkeerde taak kan niet gereed zijn: hef eerst de blokkade op.';

/** An exercise of Velsen and Zandvoort, created by the crisis team through the API. */
async function newExercise(request: APIRequestContext, label: string): Promise<ApiIncident> {
	await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
	return apiCreateIncident(request, { title: uniqueText(`OEFENING ${label}`), kind: 'oefening', municipalities: ['velsen', 'zandvoort'], grip: 1 });
}

test.describe('takenbord bevolkingszorg', () => {
	let a: Officer;
	let b: Officer;

	test.beforeEach(async ({ browser }) => {
		a = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
		b = await loggedInContext(browser, demoEmail('bevolkingszorg', 'zandvoort'));
	});

	test.afterEach(async () => {
		await a?.context.close();
		await b?.context.close();
	});

	test('een nieuwe taak verschijnt live bij de ander, die haar met het toetsenbord verplaatst', async ({ request }) => {
		const incident = await newExercise(request, 'live bord');
		await Promise.all([openIncident(a.page, incident), openIncident(b.page, incident)]);
		const bUnchanged = await markDocument(b.page);
		const aUnchanged = await markDocument(a.page);
		await expect(a.page.getByText('OEFENING', { exact: true }).first()).toBeVisible();

		// A adds a task through the "Nieuwe taak" form.
		const title = uniqueText('Opvanglocatie sporthal inrichten');
		const board = taskBoard(a.page);
		await board.locator('summary', { hasText: 'Nieuwe taak' }).click();
		await board.getByLabel('Proces').selectOption('publieke_zorg');
		await board.getByLabel('Titel').fill(title);
		await board.getByLabel('Omschrijving (optioneel)').fill('Veldbedden en dekens voor 50 personen.');
		await board.getByLabel('Uitvoerende gemeente').selectOption('zandvoort');
		await board.getByRole('button', { name: 'Taak toevoegen' }).click();

		const cardA = cardByTitle(a.page, title);
		await expect(cardA).toHaveCount(1);
		const taskId = await cardA.getAttribute('data-task-id');
		expect(taskId).toBeTruthy();
		const task = { id: taskId!, process: 'publieke_zorg' as Process };
		await expectCardIn(a.page, task, 'open', 1);
		// The exercise mark is on the card itself too.
		await expect(cardA.getByRole('heading')).toContainText('OEFENING');
		// The form is cleared for the next task.
		await expect(board.getByLabel('Titel')).toHaveValue('');

		// B sees it appear without a reload.
		await expectCardIn(b.page, task, 'open', 1);
		await expect(taskCard(b.page, task.id)).toContainText('Veldbedden en dekens');
		expect(await bUnchanged(), 'B kreeg de taak live, zonder herladen').toBe(true);

		// B moves it with the keyboard only.
		const button = moveButton(b.page, task.id, 'in uitvoering');
		await button.focus();
		await expect(button).toBeFocused();
		await b.page.keyboard.press('Enter');

		await expectCardIn(b.page, task, 'in_uitvoering', 2);
		// A sees the card in "In uitvoering" live.
		await expectCardIn(a.page, task, 'in_uitvoering', 2);
		await expect(boardCell(a.page, 'publieke_zorg', 'open').locator(`[data-task-id="${task.id}"]`)).toHaveCount(0);
		expect(await aUnchanged(), 'A kreeg de verplaatsing live, zonder herladen').toBe(true);

		// The server agrees.
		const stored = await apiGetTask(a.context.request, incident.id, task.id);
		expect(stored).toEqual(expect.objectContaining({ status: 'in_uitvoering', version: 2, exercise: true, municipality: 'zandvoort' }));
	});

	test('een verouderde wijziging geeft een conflict; opnieuw toepassen eindigt bij beiden op gereed', async ({ request }) => {
		const incident = await newExercise(request, 'conflict');
		const created = await apiCreateTask(a.context.request, incident.id, { title: uniqueText('Verwanteninformatienummer openen'), process: 'informeren_verwanten' });
		expect(created.version).toBe(1);
		const v = created.version;

		// B's socket goes through a tap that can hold back live events, so B's view goes stale.
		const tap = new SocketTap(b.context);
		await tap.install();
		await Promise.all([openIncident(a.page, incident), openIncident(b.page, incident)]);
		await expectCardIn(a.page, created, 'open', v);
		await expectCardIn(b.page, created, 'open', v);

		tap.holding = true;
		// A moves it to "in uitvoering"; B's page does not hear of it.
		await moveButton(a.page, created.id, 'in uitvoering').click();
		await expectCardIn(a.page, created, 'in_uitvoering', v + 1);
		await tap.expectHeld(created.id);
		await expectCardIn(b.page, created, 'open', v);

		// Through the API, B's stale version is refused with 409 and the current task.
		const stale = await apiPatchTask(b.context.request, created.id, { version: v, status: 'gereed' });
		const body = await expectApiError(stale, 409, 'version_conflict');
		expect(body.current).toEqual(expect.objectContaining({ id: created.id, status: 'in_uitvoering', version: v + 1 }));
		expect(body.error.message).toMatch(new RegExp(`^${a.user.name} heeft deze taak om \\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2} gewijzigd\\.`));

		// In the page: B clicks "Naar gereed" on what it still thinks is version v.
		await moveButton(b.page, created.id, 'gereed').click();
		const alert = b.page.getByTestId('task-conflict');
		await expect(alert).toBeVisible();
		await expect(alert).toHaveAttribute('role', 'alert');
		await expect(alert).toContainText(created.title);
		// Who changed what, and when: no version numbers.
		await expect(alert).toContainText(new RegExp(`${a.user.name} heeft «${created.title}» om \\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2} gewijzigd: status\\.`));
		await expect(alert).not.toContainText('versie');
		await expect(alert).toContainText('Jouw wijziging (status naar gereed) is niet opgeslagen');
		// B's card now shows the current state, and nothing was overwritten on the server.
		await expectCardIn(b.page, created, 'in_uitvoering', v + 1);
		expect(await apiGetTask(b.context.request, incident.id, created.id)).toEqual(expect.objectContaining({ status: 'in_uitvoering', version: v + 1 }));

		tap.holding = false;
		await alert.getByRole('button', { name: 'Mijn wijziging opnieuw toepassen' }).click();

		await expect(alert).toHaveCount(0);
		await expectCardIn(b.page, created, 'gereed', v + 2);
		await expectCardIn(a.page, created, 'gereed', v + 2);
		expect(await apiGetTask(a.context.request, incident.id, created.id)).toEqual(expect.objectContaining({ status: 'gereed', version: v + 2 }));
	});

	test('"Laat maar" sluit het conflict zonder iets op te slaan', async ({ request }) => {
		const incident = await newExercise(request, 'conflict laat maar');
		const created = await apiCreateTask(a.context.request, incident.id, { title: uniqueText('Persbericht opstellen'), process: 'crisiscommunicatie' });
		const tap = new SocketTap(b.context);
		await tap.install();
		await openIncident(b.page, incident);
		await expectCardIn(b.page, created, 'open', 1);

		tap.holding = true;
		const changed = await apiPatchTask(a.context.request, created.id, { version: 1, priority: 'urgent' });
		expect(changed.status(), await changed.text()).toBe(200);
		await tap.expectHeld(created.id);

		await moveButton(b.page, created.id, 'in uitvoering').click();
		const alert = b.page.getByTestId('task-conflict');
		await expect(alert).toContainText(`${a.user.name} heeft «${created.title}»`);
		await expect(alert).toContainText('gewijzigd: prioriteit.');
		await expect(alert).toContainText('status naar in uitvoering');
		await alert.getByRole('button', { name: 'Laat maar' }).click();
		await expect(alert).toHaveCount(0);
		await expectCardIn(b.page, created, 'open', 2);
		expect(await apiGetTask(b.context.request, incident.id, created.id)).toEqual(expect.objectContaining({ status: 'open', priority: 'urgent', version: 2 }));
	});

	test('slepen naar de kolom Gereed van het eigen proces verplaatst de taak, bij beiden', async ({ request }) => {
		const incident = await newExercise(request, 'slepen');
		const created = await apiCreateTask(a.context.request, incident.id, { title: uniqueText('Puinruimers inzetten'), process: 'omgevingszorg' });
		await Promise.all([openIncident(a.page, incident), openIncident(b.page, incident)]);
		await expectCardIn(a.page, created, 'open', 1);
		await expectCardIn(b.page, created, 'open', 1);
		await expect(taskCard(a.page, created.id)).toHaveAttribute('draggable', 'true');

		await taskCard(a.page, created.id).dragTo(boardCell(a.page, 'omgevingszorg', 'gereed'));

		await expectCardIn(a.page, created, 'gereed', 2);
		await expectCardIn(b.page, created, 'gereed', 2);
		expect(await apiGetTask(a.context.request, incident.id, created.id)).toEqual(expect.objectContaining({ status: 'gereed', process: 'omgevingszorg', version: 2 }));
	});

	test('een geblokkeerde taak kan niet naar gereed; na opheffen van de blokkade wel', async ({ request }) => {
		const incident = await newExercise(request, 'blokkade');
		const created = await apiCreateTask(a.context.request, incident.id, { title: uniqueText('Noodopvang hotel regelen'), process: 'publieke_zorg' });
		await Promise.all([openIncident(a.page, incident), openIncident(b.page, incident)]);
		const card = taskCard(a.page, created.id);
		await expectCardIn(a.page, created, 'open', 1);

		const reason = 'Wacht op sleutel van de beheerder';
		await card.locator('summary', { hasText: 'Blokkeren' }).click();
		await card.getByLabel('Reden').fill(reason);
		await card.locator('form').getByRole('button', { name: 'Blokkeren' }).click();

		await expect(card.getByRole('note')).toHaveText(`Geblokkeerd: ${reason}`);
		await expect(card).toHaveAttribute('data-version', '2');
		await expect(card.getByRole('button', { name: 'Blokkade opheffen' })).toBeVisible();
		// The other officer sees the block live.
		await expect(taskCard(b.page, created.id).getByRole('note')).toHaveText(`Geblokkeerd: ${reason}`);

		// "Naar gereed" is refused, in Dutch, and nothing moves.
		await moveButton(a.page, created.id, 'gereed').click();
		await expect(taskBoard(a.page).getByRole('alert').filter({ hasText: REFUSAL_BLOCKED })).toBeVisible();
		await expectCardIn(a.page, created, 'open', 2);
		const api = await apiPatchTask(a.context.request, created.id, { version: 2, status: 'gereed' });
		const refusal = await expectApiError(api, 400, 'invalid_transition');
		expect(refusal.error.message).toBe(REFUSAL_BLOCKED);
		expect(refusal.error.fields).toEqual([{ field: 'status', message: REFUSAL_BLOCKED }]);

		// Unblock; then it works.
		await card.getByRole('button', { name: 'Blokkade opheffen' }).click();
		await expect(card.getByRole('note')).toHaveCount(0);
		await expect(card).toHaveAttribute('data-version', '3');
		await expect(taskCard(b.page, created.id).getByRole('note')).toHaveCount(0);

		await moveButton(a.page, created.id, 'gereed').click();
		await expectCardIn(a.page, created, 'gereed', 4);
		await expectCardIn(b.page, created, 'gereed', 4);
		await expect(taskBoard(a.page).getByRole('alert').filter({ hasText: REFUSAL_BLOCKED })).toHaveCount(0);
	});

	test('taken die gemist zijn terwijl de verbinding hapert, komen allemaal binnen', async ({ request }) => {
		// Several task events replayed at once (after a gap or a reconnect) must all reach the
		// board, not only the last one.
		const incident = await newExercise(request, 'gemiste taken');
		const tap = new SocketTap(b.context);
		await tap.install();
		await openIncident(b.page, incident);
		const unchanged = await markDocument(b.page);

		tap.holding = true;
		const first = await apiCreateTask(a.context.request, incident.id, { title: uniqueText('Gemist 1: evacuatiebussen'), process: 'publieke_zorg' });
		const second = await apiCreateTask(a.context.request, incident.id, { title: uniqueText('Gemist 2: bewonersbrief'), process: 'crisiscommunicatie' });
		await tap.expectHeld(first.id);
		await tap.expectHeld(second.id);
		await expect(taskCard(b.page, first.id)).toHaveCount(0);
		tap.holding = false;

		// The next live event reveals the gap; the client asks for what it missed.
		const third = await apiCreateTask(a.context.request, incident.id, { title: uniqueText('Live 3: nazorg'), process: 'nafase' });

		await expectCardIn(b.page, third, 'open', 1);
		await expectCardIn(b.page, second, 'open', 1);
		await expectCardIn(b.page, first, 'open', 1);
		expect(await unchanged()).toBe(true);
	});
});

test.describe('takenbord met het toetsenbord', () => {
	test('na een verplaatsing met het toetsenbord blijft de focus op de kaart', async ({ browser, request }) => {
		// WCAG 2.4.3: a keyboard user who moves a card must not be thrown back to the top of the page.
		const incident = await newExercise(request, 'focus');
		const task = await apiCreateTask(request, incident.id, { title: uniqueText('Focus blijft'), process: 'publieke_zorg' });
		const officer = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
		try {
			const { page } = officer;
			await openIncident(page, incident);
			const button = moveButton(page, task.id, 'in uitvoering');
			await button.focus();
			await page.keyboard.press('Enter');
			await expectCardIn(page, task, 'in_uitvoering', 2);
			// Focus is somewhere on the moved card (for example its next move button), not on <body>.
			await expect
				.poll(() => page.evaluate((id) => !!document.activeElement?.closest(`article[data-task-id="${id}"]`), task.id), { timeout: 3_000 })
				.toBe(true);
		} finally {
			await officer.context.close();
		}
	});
});

test.describe('takenbord voor een waarnemer', () => {
	test('een waarnemer ziet het bord, maar zonder verplaatsknoppen, slepen of "Nieuwe taak"', async ({ browser, request }) => {
		const incident = await newExercise(request, 'waarnemer');
		const task = await apiCreateTask(request, incident.id, { title: uniqueText('Inloopcentrum openen'), process: 'nafase' });
		const observer = await loggedInContext(browser, demoEmail('waarnemer', 'velsen'));
		try {
			const { page } = observer;
			await openIncident(page, incident);
			await expectCardIn(page, task, 'open', 1);
			const card = taskCard(page, task.id);
			await expect(card).toContainText(task.title);

			await expect(card.getByRole('button')).toHaveCount(0);
			// Notes and history are there to read; blocking is not.
			await expect(card.locator('summary', { hasText: 'Blokkeren' })).toHaveCount(0);
			await expect(card.locator('summary', { hasText: 'Notities en geschiedenis' })).toHaveCount(1);
			await expect(card).toHaveAttribute('draggable', 'false');
			await expect(taskBoard(page).getByRole('button', { name: /^Naar / })).toHaveCount(0);
			await expect(page.getByText('Nieuwe taak', { exact: true })).toHaveCount(0);
			await expect(page.getByRole('button', { name: 'Taak toevoegen' })).toHaveCount(0);
			// Nor the GRIP and status forms.
			await expect(page.getByRole('button', { name: 'GRIP wijzigen' })).toHaveCount(0);

			// Hiding buttons is not the check: the API refuses as well.
			const patch = await apiPatchTask(page.request, task.id, { version: 1, status: 'gereed' });
			await expectApiError(patch, 403, 'forbidden');
			const post = await page.request.post(`/api/v1/incidents/${incident.id}/tasks`, { data: { process: 'nafase', title: 'Mag niet' } });
			await expectApiError(post, 403, 'forbidden');

			// But the board stays live for the observer.
			const moved = await apiPatchTask(request, task.id, { version: 1, status: 'in_uitvoering' });
			expect(moved.status(), await moved.text()).toBe(200);
			await expectCardIn(page, task, 'in_uitvoering', 2);
		} finally {
			await observer.context.close();
		}
	});
});

test.describe('mijn taken', () => {
	test('een taak die aan mij wordt toegewezen verschijnt live in "Mijn taken", met het oefenmerk', async ({ browser, request }) => {
		const incident = await newExercise(request, 'mijn taken');
		const me = await loggedInContext(browser, demoEmail('bevolkingszorg', 'zandvoort'));
		try {
			await me.page.goto('/mijn-taken');
			await expect(me.page.getByRole('heading', { level: 1, name: 'Mijn taken' })).toBeVisible();
			await expect(me.page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'verbonden', { timeout: 20_000 });

			const task: ApiTask = await apiCreateTask(request, incident.id, { title: uniqueText('Bewoners Kostverlorenstraat bellen'), process: 'informeren_verwanten', assigneeId: me.user.id });
			const row = me.page.getByRole('row').filter({ hasText: task.title });
			await expect(row).toBeVisible();
			await expect(row).toContainText('OEFENING');
			await expect(row).toContainText('Informeren verwanten');
			await expect(row).toContainText('Open');

			const moved = await apiPatchTask(request, task.id, { version: 1, status: 'in_uitvoering' });
			expect(moved.status(), await moved.text()).toBe(200);
			await expect(row).toContainText('In uitvoering');

			// Re-assigned to someone else: it leaves my list.
			const other = await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
			const reassigned = await apiPatchTask(request, task.id, { version: 2, assigneeId: other.id });
			expect(reassigned.status(), await reassigned.text()).toBe(200);
			await expect(row).toHaveCount(0);
		} finally {
			await me.context.close();
		}
	});
});
