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
	apiPostNotice,
	connectionBadge,
	expectConnected,
	loggedInContext,
	markDocument,
	noticeItems,
	noticeList,
	openOverview,
	uniqueText,
	type ApiUser
} from './support/app';
import { demoEmail } from './support/env';

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
