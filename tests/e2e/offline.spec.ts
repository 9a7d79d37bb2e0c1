// Losing the network and coming back: the page says it is not live, and after reconnecting it
// catches up (subscribe with `since`), showing what it missed once each, newest first.
//
// Why not just `context.setOffline(true)`? In Chromium that emulation makes navigator.onLine
// false and fires the `offline` event, and it blocks new requests, but an already open WebSocket
// stays open: its frames are held back and delivered when the context goes online again, and the
// socket.io heartbeat keeps the connection alive. A device that really loses its network loses its
// TCP connections as well. So the `NetworkSwitch` below does both: it drops the open socket.io
// WebSocket through `routeWebSocket` (closing the page side and the server side), then sets the
// context offline; new connection attempts then really fail in Chromium (close code 1006) until
// the context is online again. The server really sees the socket go (the user leaves "Nu online"
// for others), and the client must really reconnect and replay what it missed.
import { test, expect, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import {
	apiLogin,
	apiPostNotice,
	connectionBadge,
	expectConnected,
	expectHydrated,
	loggedInContext,
	markDocument,
	noticeItems,
	noticeList,
	openOverview,
	uniqueText,
	type ApiUser
} from './support/app';
import { demoEmail } from './support/env';
import { apiCreateIncident, apiCreateTask, apiGetTask, apiGetTasks, apiPatchTask, cardByTitle, expectCardIn, moveButton, openIncident, taskBoard, taskCard } from './support/crisis';
import { apiGetLog, incidentTabs, logList, newEntryForm } from './support/logbook';

const SOCKET_URL = /\/socket\.io\//;

class NetworkSwitch {
	private readonly open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
	private readonly context: BrowserContext;

	constructor(context: BrowserContext) {
		this.context = context;
	}

	/** Must run before the page opens its socket. Every socket.io WebSocket goes through here. */
	async install(): Promise<void> {
		await this.context.routeWebSocket(SOCKET_URL, (ws) => {
			// A real connection from the page to the server (Playwright only relays the frames).
			// While the context is offline, Chromium fails it, just as without the route.
			const pair = { page: ws, server: ws.connectToServer() };
			this.open.add(pair);
			ws.onClose(() => this.open.delete(pair));
			pair.server.onClose(() => this.open.delete(pair));
		});
	}

	async goOffline(): Promise<void> {
		// Drop the open sockets first: once the context is offline, Chromium would hold back the
		// close frame too, and the server would only notice at its heartbeat timeout (~45 s).
		await this.dropOpenSockets();
		await this.context.setOffline(true);
		// A reconnect that slipped in between (the client retries after 250–750 ms) goes as well.
		await this.dropOpenSockets();
	}

	async goOnline(): Promise<void> {
		await this.context.setOffline(false);
	}

	private async dropOpenSockets(): Promise<void> {
		const pairs = [...this.open];
		this.open.clear();
		for (const { page, server } of pairs) {
			// 4000: a browser may only send 1000 or 3000–4999 itself.
			await server.close({ code: 4000, reason: 'netwerk weg' }).catch(() => {});
			await page.close({ code: 4000, reason: 'netwerk weg' }).catch(() => {});
		}
	}
}

function onlineList(page: Page) {
	return page.getByRole('region', { name: /Nu online/ });
}

test.describe('offline en weer online', () => {
	let reader: { context: BrowserContext; page: Page; user: ApiUser };
	let poster: { context: BrowserContext; page: Page; user: ApiUser };

	test.beforeEach(async ({ browser }) => {
		reader = await loggedInContext(browser, demoEmail('waarnemer', 'heemstede'));
		poster = await loggedInContext(browser, demoEmail('crisisteam', 'zandvoort'));
	});

	test.afterEach(async () => {
		await reader?.context.close();
		await poster?.context.close();
	});

	test('zonder verbinding een waarschuwing, daarna de gemiste berichten één keer en op volgorde', async () => {
		const network = new NetworkSwitch(reader.context);
		await network.install();
		await Promise.all([openOverview(reader.page), openOverview(poster.page)]);
		const unchanged = await markDocument(reader.page);
		// The poster sees the reader online: the baseline for "the server saw the socket go".
		await expect(onlineList(poster.page)).toContainText(reader.user.name);
		await expect(reader.page.getByText('Geen live-verbinding')).toHaveCount(0);

		await network.goOffline();

		await expect(connectionBadge(reader.page)).toHaveAttribute('data-connection-state', /^(offline|opnieuw verbinden)$/);
		await expect(reader.page.getByRole('alert').filter({ hasText: 'Geen live-verbinding' })).toBeVisible();
		// The server really lost the socket: the reader left "Nu online" for the others.
		await expect(onlineList(poster.page)).not.toContainText(reader.user.name);

		// Meanwhile two notices, one after the other.
		const first = uniqueText('Gemist bericht 1: wateroverlast Zandvoort-Noord');
		const second = uniqueText('Gemist bericht 2: strand weer vrijgegeven');
		await apiPostNotice(poster.page.request, { text: first, severity: 'waarschuwing' });
		await apiPostNotice(poster.page.request, { text: second });
		await expect(noticeItems(poster.page, second)).toHaveCount(1); // live elsewhere
		await expect(noticeItems(reader.page, first)).toHaveCount(0);
		await expect(noticeItems(reader.page, second)).toHaveCount(0);
		await expect(connectionBadge(reader.page)).not.toHaveAttribute('data-connection-state', 'verbonden');

		await network.goOnline();

		await expectConnected(reader.page);
		// "Bijgewerkt om hh:mm:ss: 2 gemiste wijzigingen opgehaald." (the replay, not live events)
		await expect(reader.page.getByRole('status').filter({ hasText: /\b2\s+gemiste wijzigingen\s+opgehaald/ })).toBeVisible();
		await expect(reader.page.getByText('Geen live-verbinding')).toHaveCount(0);
		// Both, once each, newest first, at the top of the list.
		await expect(noticeItems(reader.page, first)).toHaveCount(1);
		await expect(noticeItems(reader.page, second)).toHaveCount(1);
		const items = noticeList(reader.page).getByRole('listitem');
		await expect(items.nth(0)).toContainText(second);
		await expect(items.nth(1)).toContainText(first);
		expect(await unchanged(), 'bijgewerkt zonder de pagina te herladen').toBe(true);
		// And the server has the reader back.
		await expect(onlineList(poster.page)).toContainText(reader.user.name);

		// Live again: a new notice arrives directly, and is not counted as missed.
		const third = uniqueText('Na herstel: live bericht');
		await apiPostNotice(poster.page.request, { text: third });
		await expect(noticeItems(reader.page, third)).toHaveCount(1);
		await expect(items.nth(0)).toContainText(third);
		await expect(noticeItems(reader.page, first)).toHaveCount(1);
		await expect(noticeItems(reader.page, second)).toHaveCount(1);
	});

	test('een korte onderbreking waarbij de websocket blijft staan: daarna weer "verbonden" en bijgewerkt', async () => {
		// Chromium's setOffline alone: navigator.onLine goes false and back, the socket survives
		// (its frames are held back). The page must not keep saying it is offline afterwards.
		await Promise.all([openOverview(reader.page), openOverview(poster.page)]);

		await reader.context.setOffline(true);
		await expect(connectionBadge(reader.page)).not.toHaveAttribute('data-connection-state', 'verbonden');
		await expect(reader.page.getByRole('alert').filter({ hasText: 'Geen live-verbinding' })).toBeVisible();
		const text = uniqueText('Tijdens korte onderbreking');
		await apiPostNotice(poster.page.request, { text });
		await expect(noticeItems(poster.page, text)).toHaveCount(1);

		await reader.context.setOffline(false);

		await expect(noticeItems(reader.page, text)).toHaveCount(1);
		await expectConnected(reader.page);
		await expect(reader.page.getByText('Geen live-verbinding')).toHaveCount(0);
	});
});

/** Whether the board snapshot in the page's IndexedDB (src/lib/client/offline/snapshots.ts) holds a record. */
function snapshotHolds(page: Page, board: string, recordId: string): Promise<boolean> {
	return page.evaluate(
		({ board, recordId }) =>
			new Promise<boolean>((resolve) => {
				const open = indexedDB.open('paraat-offline');
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('snapshots')) return resolve(false);
					const all = db.transaction('snapshots').objectStore('snapshots').getAll();
					all.onsuccess = () => resolve((all.result as { id: string; records: { id: string }[] }[]).some((s) => s.id.endsWith(`:${board}`) && s.records.some((r) => r.id === recordId)));
					all.onerror = () => resolve(false);
				};
				open.onerror = () => resolve(false);
			}),
		{ board, recordId }
	);
}

/** Waits until the service worker controls the page, then loads it again so the worker keeps its offline copy. */
async function pageThroughWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
	});
	await page.reload();
	await expectHydrated(page);
}

test.describe('borden zonder verbinding', () => {
	let officer: { context: BrowserContext; page: Page; user: ApiUser };
	let colleague: { context: BrowserContext; page: Page; user: ApiUser };

	test.beforeEach(async ({ browser }) => {
		officer = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
		colleague = await loggedInContext(browser, demoEmail('bevolkingszorg', 'zandvoort'));
	});

	test.afterEach(async () => {
		await officer?.context.close();
		await colleague?.context.close();
	});

	test('offline blijven takenbord en logboek leesbaar; wat je schrijft komt na herstel precies één keer aan, een conflict toont de samenvoegweergave', async ({ request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING Stroomstoring IJmuiden'), kind: 'oefening', municipalities: ['velsen', 'zandvoort'], grip: 1 });
		const calm = await apiCreateTask(request, incident.id, { title: uniqueText('Noodstroom sporthal'), process: 'publieke_zorg' });
		const contested = await apiCreateTask(request, incident.id, { title: uniqueText('Dekens naar opvang'), process: 'publieke_zorg' });
		const network = new NetworkSwitch(officer.context);
		await network.install();
		const page = officer.page;

		// Online, through the worker: the task board and the logbook get their offline copies.
		await page.goto(`/crisis/${incident.id}/logboek`);
		await pageThroughWorker(page);
		await openIncident(page, incident);
		await pageThroughWorker(page);
		await expectConnected(page);
		await expect(page.getByTestId('offline-notice')).toHaveCount(0);
		// A task that arrives live after the page's last load: the device must remember it too.
		const late = await apiCreateTask(request, incident.id, { title: uniqueText('Aggregaat ophalen bij de brandweer'), process: 'publieke_zorg' });
		await expectCardIn(page, late, 'open');
		await expect.poll(() => snapshotHolds(page, `taken:${incident.id}`, late.id)).toBe(true);

		await network.goOffline();

		const notice = page.getByTestId('offline-notice');
		await expect(notice).toContainText(/^Offline sinds \d{2}:\d{2}\./);
		// Reloaded without a network: the last copy of the board, still readable, still saying so.
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: incident.title })).toBeVisible();
		await expectHydrated(page);
		await expect(notice).toContainText(/^Offline sinds \d{2}:\d{2}\./);
		await expectCardIn(page, calm, 'open');
		await expectCardIn(page, contested, 'open');
		// Not in the copy of the last page load, but seen live before the network went: still there.
		await expectCardIn(page, late, 'open');

		// Two moves while offline: both show where they were put, marked as waiting.
		await moveButton(page, calm.id, 'in uitvoering').click();
		await expectCardIn(page, calm, 'in_uitvoering');
		await expect(taskCard(page, calm.id).getByTestId('task-pending')).toContainText('Wacht op verbinding');
		await moveButton(page, contested.id, 'gereed').click();
		await expectCardIn(page, contested, 'gereed');
		await expect(notice).toContainText('2 wijzigingen wachten');
		// And a new task, made offline.
		const newTitle = uniqueText('Extra veldbedden halen');
		const board = taskBoard(page);
		await board.locator('summary', { hasText: 'Nieuwe taak' }).click();
		await board.getByLabel('Titel').fill(newTitle);
		await board.getByRole('button', { name: 'Taak toevoegen' }).click();
		await expect(page.getByTestId('new-tasks-pending')).toContainText(newTitle);
		await expect(notice).toContainText('3 wijzigingen wachten');

		// Meanwhile a colleague (online) changes the contested task first.
		const theirs = await apiPatchTask(colleague.context.request, contested.id, { version: contested.version, status: 'in_uitvoering' });
		expect(theirs.status(), await theirs.text()).toBe(200);

		// To the logbook, still offline (its copy), and a new entry there.
		await incidentTabs(page).getByRole('link', { name: /^Logboek/ }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Logboek', exact: true })).toBeVisible();
		await expectHydrated(page);
		const text = uniqueText('Stroom uitgevallen in IJmuiden-Noord, opvang op noodstroom');
		const form = newEntryForm(page);
		await form.getByLabel('Tekst').fill(text);
		await form.getByRole('button', { name: 'Logregel toevoegen' }).click();
		const pending = page.getByTestId('log-pending');
		await expect(pending).toContainText(text);
		await expect(pending).toContainText('Wacht op verbinding');
		// The queue is kept on the device: after a reload (still offline) it is still there.
		await page.reload();
		await expectHydrated(page);
		await expect(pending).toContainText(text);
		await expect(notice).toContainText('4 wijzigingen wachten');

		// Coming back, the first answer to the log entry is lost on its way: the write reached the
		// server, the browser never heard. Its retry carries the same Idempotency-Key.
		let logPosts = 0;
		await officer.context.route(`**/api/v1/incidents/${incident.id}/log`, async (route) => {
			if (route.request().method() !== 'POST') return route.continue();
			logPosts++;
			if (logPosts > 1) return route.continue();
			await route.fetch();
			await route.abort('connectionreset');
		});
		await network.goOnline();

		await expect(pending).toHaveCount(0, { timeout: 20_000 });
		await expect(logList(page).filter({ hasText: text })).toHaveCount(1);
		await expect(notice).toHaveCount(0);
		expect(logPosts).toBeGreaterThanOrEqual(2);
		// The server has every write exactly once.
		const log = await apiGetLog(request, incident.id);
		expect(log.entries.filter((e) => e.text === text)).toHaveLength(1);
		expect((await apiGetTasks(request, incident.id)).filter((t) => t.title === newTitle)).toHaveLength(1);
		expect(await apiGetTask(request, incident.id, calm.id)).toEqual(expect.objectContaining({ status: 'in_uitvoering', version: calm.version + 1 }));
		// The contested task kept the colleague's change; the officer sees the merge view on the board.
		expect(await apiGetTask(request, incident.id, contested.id)).toEqual(expect.objectContaining({ status: 'in_uitvoering', version: contested.version + 1 }));
		await incidentTabs(page).getByRole('link', { name: 'Overzicht en taken' }).click();
		const mergeView = page.getByTestId('task-conflict');
		await expect(mergeView).toContainText(`${colleague.user.name} heeft «${contested.title}»`);
		await expect(mergeView).toContainText('Jouw wijziging (status naar gereed) is niet opgeslagen');
		await expectCardIn(page, calm, 'in_uitvoering', calm.version + 1);
		await expectCardIn(page, contested, 'in_uitvoering', contested.version + 1);
		await expect(taskCard(page, calm.id).getByTestId('task-pending')).toHaveCount(0);
		await expect(page.getByTestId('new-tasks-pending')).toHaveCount(0);
		await expect(cardByTitle(page, newTitle)).toHaveCount(1);

		// Applying it again on top of the colleague's change is an ordinary, deliberate write.
		await mergeView.getByRole('button', { name: 'Mijn wijziging opnieuw toepassen' }).click();
		await expectCardIn(page, contested, 'gereed', contested.version + 2);
		expect(await apiGetTask(request, incident.id, contested.id)).toEqual(expect.objectContaining({ status: 'gereed', version: contested.version + 2 }));
	});
});

test.describe('offline kopieën en concepten horen bij één gebruiker', () => {
	test('uitloggen wist de offline kopieën: offline toont het apparaat daarna geen bord meer', async ({ browser, request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING Gedeelde laptop CoPI'), kind: 'oefening', municipalities: ['velsen'], grip: 1 });
		const officer = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
		try {
			const page = officer.page;
			await openIncident(page, incident);
			await pageThroughWorker(page);
			const boardCaches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('paraat-boards-')));
			await expect.poll(boardCaches).toEqual([`paraat-boards-${officer.user.id}`]);

			await page.getByRole('button', { name: 'Uitloggen' }).first().click();
			await expect(page).toHaveURL(/\/inloggen/);
			await expect.poll(boardCaches).toEqual([]);

			await officer.context.setOffline(true);
			await page.goto(`/crisis/${incident.id}`);
			await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
			await expect(page.getByText(incident.title)).toHaveCount(0);
			await expect(page.getByText('Er zijn op dit apparaat nog geen borden voor offline gebruik bewaard.')).toBeVisible();
		} finally {
			await officer.context.close();
		}
	});

	test('tekst getypt voordat de pagina klaar is blijft staan, en een concept overleeft herladen', async ({ browser, request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING Trage verbinding Velsen'), kind: 'oefening', municipalities: ['velsen'], grip: 1 });
		const officer = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
		try {
			const page = officer.page;
			// Hold the app's start script: the page is server HTML only until it is let through.
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			await officer.context.route('**/_app/immutable/entry/**', async (route) => {
				await held;
				await route.continue();
			});
			await page.goto(`/crisis/${incident.id}/logboek`, { waitUntil: 'commit' });
			const form = newEntryForm(page);
			const text = uniqueText('Getypt op een trage lijn: gaslucht bij de sluizen');
			await form.getByLabel('Tekst').fill(text);
			await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(0);
			release();
			await expectHydrated(page);
			await expect(form.getByLabel('Tekst')).toHaveValue(text);
			await officer.context.unroute('**/_app/immutable/entry/**');

			// Not sent yet: a reload keeps it as a draft of this user.
			await page.reload();
			await expectHydrated(page);
			await expect(form.getByLabel('Tekst')).toHaveValue(text);

			await form.getByRole('button', { name: 'Logregel toevoegen' }).click();
			await expect(logList(page).filter({ hasText: text })).toHaveCount(1);
			await expect(form.getByLabel('Tekst')).toHaveValue('');
			await page.reload();
			await expectHydrated(page);
			await expect(form.getByLabel('Tekst')).toHaveValue('');
			expect((await apiGetLog(request, incident.id)).entries.filter((e) => e.text === text)).toHaveLength(1);
		} finally {
			await officer.context.close();
		}
	});
});
