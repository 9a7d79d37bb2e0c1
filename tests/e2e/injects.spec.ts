// Exercise injects: the oefenleider scripts a message at the exercise's start plus N minutes;
// when it falls due the scheduler puts it in the logbook, where a player sees it arrive live.
// An inject in the past is refused in Dutch, and nobody but the oefenleider sees the script.
// Each exercise is created with its start in the past, so an inject is due within seconds.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { loggedInContext, markDocument, uniqueText, type ApiUser } from './support/app';
import { expectApiError } from './support/crisis';
import { demoEmail } from './support/env';
import {
	apiGetInjects,
	apiGetLog,
	incidentTabs,
	newExercise,
	openInjects,
	openLogbook,
	unreadBadge,
	type ApiInject
} from './support/logbook';

interface Officer {
	context: BrowserContext;
	page: Page;
	user: ApiUser;
}

const LEADER = demoEmail('oefenleider');

/** A start `minutes` (and `seconds`) ago. */
function startedAgo(minutes: number, seconds = 0): Date {
	return new Date(Date.now() - minutes * 60_000 - seconds * 1000);
}

function injectRows(page: Page) {
	return page.getByRole('region', { name: /^Draaiboek/ }).locator('tbody tr');
}

test.describe('injects', () => {
	let leader: Officer;
	let player: Officer;

	test.beforeEach(async ({ browser }) => {
		leader = await loggedInContext(browser, LEADER);
		player = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
	});

	test.afterEach(async () => {
		await leader?.context.close();
		await player?.context.close();
	});

	test('een inject komt op zijn tijd live in het logboek van een speler', async () => {
		// Started 9 min 55 s ago: an inject at T+10 min is due in about five seconds.
		const incident = await newExercise(leader.context.request, 'Injects live', { creator: LEADER, startedAt: startedAgo(9, 55) });
		await Promise.all([openInjects(leader.page, incident), openLogbook(player.page, incident)]);
		const playerUnchanged = await markDocument(player.page);
		const leaderUnchanged = await markDocument(leader.page);
		await expect(incidentTabs(leader.page).getByRole('link', { name: 'Injects' })).toHaveAttribute('aria-current', 'page');
		await expect(leader.page.getByText('Nog geen injects.')).toBeVisible();

		const text = uniqueText('Inject: 112-melding, bewoner meldt rook in flatgebouw Zeewijk');
		await leader.page.getByLabel('Minuten na de start').fill('10');
		await leader.page.getByLabel('Discipline').selectOption('brandweer');
		await leader.page.getByLabel('Bron').fill('Meldkamer brandweer');
		await leader.page.getByLabel('Tekst').fill(text);
		await leader.page.getByRole('button', { name: 'Inject inplannen' }).click();
		await expect(leader.page.getByRole('status').filter({ hasText: /^Inject ingepland op T\+10 min \(/ })).toBeVisible();
		const row = injectRows(leader.page).filter({ hasText: text });
		await expect(row).toHaveCount(1);
		await expect(row).toContainText('T+10 min');
		await expect(row).toContainText('Brandweer');
		// The form is cleared for the next inject.
		await expect(leader.page.getByLabel('Tekst')).toHaveValue('');

		// When due it lands in the player's logbook, live: a report of the exercise, from the inject.
		const entry = player.page.locator('li[data-number]').filter({ hasText: text });
		await expect(entry).toHaveCount(1, { timeout: 45_000 });
		await expect(entry).toHaveAttribute('data-kind', 'melding');
		await expect(entry.getByText('OEFENING', { exact: true })).toBeVisible();
		// An ordinary message of its stated source: the player cannot tell it was staged.
		await expect(entry.getByText('Inject', { exact: true })).toHaveCount(0);
		await expect(entry).toContainText('bron: Meldkamer brandweer');
		await expect(entry).not.toContainText('oefenleiding');
		await expect(entry).toContainText('Brandweer');
		await expect(entry.getByText('Nieuw', { exact: true })).toBeVisible();
		await expect(unreadBadge(player.page)).toHaveText(/^1\s+ongelezen$/);
		expect(await playerUnchanged(), 'de speler kreeg de inject live, zonder herladen').toBe(true);

		// The script shows it delivered, live as well, and names the log entry.
		await expect(row).toHaveAttribute('data-delivered', 'ja');
		await expect(row).toContainText('als logregel 1');
		await expect(row.getByRole('button', { name: /^Verwijderen/ })).toHaveCount(0);
		expect(await leaderUnchanged(), 'de oefenleider zag de aflevering live').toBe(true);

		// The server agrees: delivered once, as entry 1, marked as an exercise.
		const injects = await apiGetInjects(leader.context.request, incident.id);
		expect(injects).toHaveLength(1);
		const inject = injects[0]!;
		expect(inject).toEqual(expect.objectContaining({ text, dueMinutes: 10, exercise: true, entry: expect.objectContaining({ number: 1 }), deliveredAt: expect.any(String) }));
		const log = await apiGetLog(player.context.request, incident.id);
		expect(log.entries).toEqual([expect.objectContaining({ number: 1, text, kind: 'melding', discipline: 'brandweer', injectId: null, source: 'Meldkamer brandweer', exercise: true })]);
		// The oefenleider's own view of the logbook knows it was an inject.
		const leaderLog = await apiGetLog(leader.context.request, incident.id);
		expect(leaderLog.entries).toEqual([expect.objectContaining({ number: 1, injectId: inject.id })]);
		// A delivered inject stays: deleting it is refused.
		const del = await leader.context.request.delete(`/api/v1/incidents/${incident.id}/injects/${inject.id}`);
		expect((await expectApiError(del, 409, 'already_delivered')).error.message).toContain('al in het logboek afgeleverd');
	});

	test('de oefenleider ziet een afgeleverde inject live als inject, de speler als gewoon bericht van de bron, ook na verificatie', async ({ browser }) => {
		const incident = await newExercise(leader.context.request, 'Injectmarkering live', { creator: LEADER, startedAt: startedAgo(9, 55) });
		await Promise.all([openLogbook(leader.page, incident), openLogbook(player.page, incident)]);
		const leaderUnchanged = await markDocument(leader.page);
		const playerUnchanged = await markDocument(player.page);

		const text = uniqueText('Burger meldt brandende auto op de parkeerplaats bij de sluis');
		const scheduled = await leader.context.request.post(`/api/v1/incidents/${incident.id}/injects`, {
			data: { text, source: 'Burger via 112', discipline: 'brandweer', dueMinutes: 10 }
		});
		expect(scheduled.status(), await scheduled.text()).toBe(201);

		// The oefenleider's open logbook gets it live, marked as an inject, as a reload would show it.
		const leaderEntry = leader.page.locator('li[data-number]').filter({ hasText: text });
		await expect(leaderEntry).toHaveCount(1, { timeout: 45_000 });
		await expect(leaderEntry.getByText('Inject', { exact: true })).toBeVisible();
		await expect(leaderEntry).toContainText('bron: Burger via 112');
		await expect(leaderEntry).not.toContainText('door Burger via 112');
		// The player's, at the same time: an ordinary message of its stated source.
		const playerEntry = player.page.locator('li[data-number]').filter({ hasText: text });
		await expect(playerEntry).toHaveCount(1, { timeout: 15_000 });
		await expect(playerEntry.getByText('Inject', { exact: true })).toHaveCount(0);
		await expect(playerEntry).toContainText('door Burger via 112');

		// The information manager verifies it: the players still cannot tell it was staged.
		const team = await loggedInContext(browser, demoEmail('crisisteam'));
		try {
			const [entry] = (await apiGetLog(team.context.request, incident.id)).entries;
			expect(entry).toEqual(expect.objectContaining({ text, injectId: null, author: { id: '', name: 'Burger via 112' } }));
			const verified = await team.context.request.post(`/api/v1/incidents/${incident.id}/log/${entry!.id}/verify`);
			expect(verified.status(), await verified.text()).toBe(200);
			expect(await verified.json()).toEqual(expect.objectContaining({ injectId: null, author: { id: '', name: 'Burger via 112' } }));
		} finally {
			await team.context.close();
		}
		await expect(playerEntry).toContainText('Geverifieerd door');
		await expect(playerEntry.getByText('Inject', { exact: true })).toHaveCount(0);
		await expect(playerEntry).toContainText('door Burger via 112');
		await expect(leaderEntry).toContainText('Geverifieerd door');
		await expect(leaderEntry.getByText('Inject', { exact: true })).toBeVisible();
		expect(await leaderUnchanged(), 'de oefenleider zag de inject live, zonder herladen').toBe(true);
		expect(await playerUnchanged(), 'de speler zag het bericht live, zonder herladen').toBe(true);

		// After a reload both views are the same as they were live.
		await leader.page.reload();
		await expect(leader.page.locator('li[data-number]').filter({ hasText: text }).getByText('Inject', { exact: true })).toBeVisible();
		await player.page.reload();
		await expect(player.page.locator('li[data-number]').filter({ hasText: text }).getByText('Inject', { exact: true })).toHaveCount(0);
	});

	test('een inject in het verleden wordt geweigerd met een Nederlandse melding', async () => {
		// Started 30 min 40 s ago: T+30 min lay 40 seconds ago, longer than the allowed slack.
		const started = startedAgo(30, 40);
		const incident = await newExercise(leader.context.request, 'Injects verleden', { creator: LEADER, startedAt: started });
		// Keep the page's clock at this moment. The form offers only what the server accepts: the
		// server allows 30 s of slack, so T+30 (40 s ago) is refused and the lowest choice is 31.
		await leader.page.clock.setFixedTime(new Date(started.getTime() + 30 * 60_000 + 40_000));
		await openInjects(leader.page, incident);
		const minutes = leader.page.getByLabel('Minuten na de start');
		await expect(minutes).toHaveAttribute('min', '31');
		await minutes.fill('30');
		expect(await minutes.evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
		await leader.page.getByLabel('Tekst').fill(uniqueText('Te laat: persbericht uitgelekt'));
		await leader.page.getByRole('button', { name: 'Inject inplannen' }).click();
		await expect(leader.page.getByText('Nog geen injects.')).toBeVisible();
		expect(await apiGetInjects(leader.context.request, incident.id)).toEqual([]);

		// Through the API: before the start, and in the past; both 400 in Dutch, nothing stored.
		const before = await leader.context.request.post(`/api/v1/incidents/${incident.id}/injects`, { data: { text: 'x', discipline: 'algemeen', dueMinutes: -5 } });
		expect((await expectApiError(before, 400, 'validation_failed')).error.message).toContain('vóór de start van de oefening');
		const past = await leader.context.request.post(`/api/v1/incidents/${incident.id}/injects`, { data: { text: 'x', discipline: 'algemeen', dueMinutes: 1 } });
		const pastBody = await expectApiError(past, 400, 'validation_failed');
		expect(pastBody.error.message).toMatch(/^Deze inject valt in het verleden: de oefening loopt al 3\d minuten\. Kies 3\d minuten of later\.$/);
		expect(pastBody.error.fields).toEqual([expect.objectContaining({ field: 'dueMinutes' })]);
		const empty = await leader.context.request.post(`/api/v1/incidents/${incident.id}/injects`, { data: { text: ' ', discipline: 'algemeen', dueMinutes: 60 } });
		expect((await expectApiError(empty, 400, 'validation_failed')).error.message).toContain('Vul de tekst van de inject in');
		expect(await apiGetInjects(leader.context.request, incident.id)).toEqual([]);

		// A time still ahead is accepted (and can be removed again before it is due).
		const ahead = await leader.context.request.post(`/api/v1/incidents/${incident.id}/injects`, { data: { text: 'Later', discipline: 'algemeen', dueMinutes: 90 } });
		expect(ahead.status(), await ahead.text()).toBe(201);
		const created = (await ahead.json()) as ApiInject;
		expect(created).toEqual(expect.objectContaining({ dueMinutes: 90, deliveredAt: null, exercise: true }));
		expect(Date.parse(created.dueAt)).toBe(Date.parse(incident.startedAt) + 90 * 60_000);
		const removed = await leader.context.request.delete(`/api/v1/incidents/${incident.id}/injects/${created.id}`);
		expect(removed.status(), await removed.text()).toBe(200);
		expect(await apiGetInjects(leader.context.request, incident.id)).toEqual([]);
	});

	test('wie geen oefenleider is, ziet geen tab Injects en krijgt 403 van de API', async ({ browser }) => {
		const incident = await newExercise(leader.context.request, 'Injects geheim', { creator: LEADER, startedAt: startedAgo(5) });
		const scheduled = await leader.context.request.post(`/api/v1/incidents/${incident.id}/injects`, {
			data: { text: uniqueText('Geheim: gaslek bij opvanglocatie'), discipline: 'algemeen', dueMinutes: 120 }
		});
		expect(scheduled.status(), await scheduled.text()).toBe(201);
		const secret = (await scheduled.json()) as ApiInject;

		// The oefenleider has the tab.
		await openLogbook(leader.page, incident);
		await expect(incidentTabs(leader.page).getByRole('link', { name: 'Injects' })).toBeVisible();

		const team = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
		try {
			for (const officer of [player, team]) {
				await openLogbook(officer.page, incident);
				const tabs = incidentTabs(officer.page);
				await expect(tabs.getByRole('link', { name: 'Logboek' })).toBeVisible();
				await expect(tabs.getByRole('link', { name: 'Injects' })).toHaveCount(0);
				// The script does not leak into the player's view.
				await expect(officer.page.getByText(secret.text)).toHaveCount(0);

				const list = await officer.context.request.get(`/api/v1/incidents/${incident.id}/injects`);
				expect((await expectApiError(list, 403, 'forbidden')).error.message).toBe('Alleen de oefenleider beheert de injects van een oefening.');
				const create = await officer.context.request.post(`/api/v1/incidents/${incident.id}/injects`, {
					data: { text: 'Zelf een inject', discipline: 'algemeen', dueMinutes: 60 }
				});
				await expectApiError(create, 403, 'forbidden');
				const del = await officer.context.request.delete(`/api/v1/incidents/${incident.id}/injects/${secret.id}`);
				await expectApiError(del, 403, 'forbidden');
				// The page itself is refused too.
				const response = await officer.page.goto(`/crisis/${incident.id}/injects`);
				expect(response?.status()).toBe(403);
			}
			// The crisis team does have the evaluation tab; the player does not.
			await openLogbook(team.page, incident);
			await expect(incidentTabs(team.page).getByRole('link', { name: 'Evaluatie' })).toBeVisible();
			await openLogbook(player.page, incident);
			await expect(incidentTabs(player.page).getByRole('link', { name: 'Evaluatie' })).toHaveCount(0);
		} finally {
			await team.context.close();
		}
		// Nothing changed in the script.
		expect((await apiGetInjects(leader.context.request, incident.id)).map((i) => i.id)).toEqual([secret.id]);
	});

	test('in een echt incident bestaan geen injects, ook niet voor de oefenleider', async ({ request }) => {
		const crisis = await newExercise(request, 'Echte brand', { kind: 'crisis' });
		const response = await leader.context.request.post(`/api/v1/incidents/${crisis.id}/injects`, { data: { text: 'x', discipline: 'algemeen', dueMinutes: 10 } });
		expect((await expectApiError(response, 400, 'not_an_exercise')).error.message).toBe('Injects horen bij een oefening; dit is een echt incident.');
		await openLogbook(leader.page, crisis);
		await expect(incidentTabs(leader.page).getByRole('link', { name: 'Injects' })).toHaveCount(0);
	});
});
