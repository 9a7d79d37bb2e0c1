// Helpers for the netcentric specs (logbook, situation picture and SITRAPs, injects): API calls
// with a logged-in request context, the pages of one incident, a network switch that really
// drops a context's socket, and the axe check.
import { expect, type APIRequestContext, type BrowserContext, type Locator, type Page, type WebSocketRoute } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { apiLogin, expectConnected, uniqueText } from './app';
import { apiCreateIncident, type ApiIncident } from './crisis';
import { demoEmail } from './env';

export type LogKind = 'melding' | 'beeld' | 'oordeel' | 'besluit' | 'actie';
export type LogDiscipline = 'algemeen' | 'brandweer' | 'ghor' | 'politie' | 'bevolkingszorg' | 'communicatie';
export type PictureSection = 'samenvatting' | 'brandweer' | 'ghor' | 'politie' | 'bevolkingszorg' | 'communicatie';

export const PICTURE_SECTIONS: PictureSection[] = ['samenvatting', 'brandweer', 'ghor', 'politie', 'bevolkingszorg', 'communicatie'];

export interface ApiLogEntry {
	id: string;
	incidentId: string;
	number: number;
	kind: LogKind;
	discipline: LogDiscipline;
	text: string;
	happenedAt: string;
	loggedAt: string;
	source: string;
	author: { id: string; name: string };
	corrects: { id: string; number: number } | null;
	correctedBy: { id: string; number: number } | null;
	verified: { by: { id: string; name: string }; at: string } | null;
	injectId: string | null;
	exercise: boolean;
}

export interface ApiLogbook {
	entries: ApiLogEntry[];
	readPosition: number;
	unread: number[];
	highest: number;
}

export interface ApiSection {
	incidentId: string;
	section: PictureSection;
	text: string;
	version: number;
	updatedAt: string | null;
	updatedBy: { id: string; name: string } | null;
	exercise: boolean;
}

export interface ApiSitrap {
	incidentId: string;
	number: number;
	publishedAt: string;
	publishedBy: { id: string; name: string };
	exercise: boolean;
}

export interface ApiInject {
	id: string;
	incidentId: string;
	text: string;
	discipline: LogDiscipline;
	dueMinutes: number;
	dueAt: string;
	deliveredAt: string | null;
	entry: { id: string; number: number } | null;
	createdBy: { id: string; name: string };
	createdAt: string;
	exercise: boolean;
}

/**
 * A new exercise of Velsen and Zandvoort, created through the API by `creator` (the crisis team
 * of Haarlem unless said otherwise) with the given request context, which it logs in first.
 */
export async function newExercise(
	request: APIRequestContext,
	label: string,
	options: { creator?: string; startedAt?: Date; kind?: 'crisis' | 'oefening' } = {}
): Promise<ApiIncident> {
	await apiLogin(request, options.creator ?? demoEmail('crisisteam', 'haarlem'));
	const kind = options.kind ?? 'oefening';
	const body: Record<string, unknown> = {
		title: uniqueText(`${kind === 'oefening' ? 'OEFENING ' : ''}${label}`),
		kind,
		municipalities: ['velsen', 'zandvoort'],
		grip: 1
	};
	if (options.startedAt) body.startedAt = options.startedAt.toISOString();
	return apiCreateIncident(request, body as Parameters<typeof apiCreateIncident>[1]);
}

export async function apiAddLogEntry(
	request: APIRequestContext,
	incidentId: string,
	body: { text: string; kind?: LogKind; discipline?: LogDiscipline; source?: string; correctsId?: string }
): Promise<ApiLogEntry> {
	const response = await request.post(`/api/v1/incidents/${incidentId}/log`, { data: { kind: 'melding', discipline: 'algemeen', ...body } });
	expect(response.status(), `logregel schrijven: ${await response.text()}`).toBe(201);
	return (await response.json()) as ApiLogEntry;
}

export async function apiGetLog(request: APIRequestContext, incidentId: string, query = ''): Promise<ApiLogbook> {
	const response = await request.get(`/api/v1/incidents/${incidentId}/log${query}`);
	expect(response.status(), await response.text()).toBe(200);
	return (await response.json()) as ApiLogbook;
}

export async function apiGetPicture(request: APIRequestContext, incidentId: string): Promise<{ sections: ApiSection[]; sitraps: ApiSitrap[]; staleMinutes: number }> {
	const response = await request.get(`/api/v1/incidents/${incidentId}/picture`);
	expect(response.status(), await response.text()).toBe(200);
	return (await response.json()) as { sections: ApiSection[]; sitraps: ApiSitrap[]; staleMinutes: number };
}

export async function apiPutSection(request: APIRequestContext, incidentId: string, section: PictureSection, body: { text: string; version: number }): Promise<ApiSection> {
	const response = await request.put(`/api/v1/incidents/${incidentId}/picture/${section}`, { data: body });
	expect(response.status(), `beeld ${section} wijzigen: ${await response.text()}`).toBe(200);
	return (await response.json()) as ApiSection;
}

export async function apiGetInjects(request: APIRequestContext, incidentId: string): Promise<ApiInject[]> {
	const response = await request.get(`/api/v1/incidents/${incidentId}/injects`);
	expect(response.status(), await response.text()).toBe(200);
	return ((await response.json()) as { injects: ApiInject[] }).injects;
}

/** Opens a tab of an incident ('' is the overview) and waits for its heading and the live connection. */
async function openTab(page: Page, incident: { id: string; title: string }, path: string, heading: string): Promise<void> {
	await page.goto(`/crisis/${incident.id}${path}`);
	await expect(page.getByRole('heading', { level: 1, name: incident.title })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
	await expectConnected(page);
}

export const openLogbook = (page: Page, incident: { id: string; title: string }) => openTab(page, incident, '/logboek', 'Logboek');
export const openPicture = (page: Page, incident: { id: string; title: string }) => openTab(page, incident, '/beeld', 'Beeld en SITRAP');
export const openInjects = (page: Page, incident: { id: string; title: string }) => openTab(page, incident, '/injects', 'Injects');

/** The tabs of an incident page. */
export function incidentTabs(page: Page): Locator {
	return page.getByRole('navigation', { name: 'Onderdelen van dit incident' });
}

/** The unread badge on the "Logboek" tab (absent when nothing is unread). */
export function unreadBadge(page: Page): Locator {
	return incidentTabs(page).getByTestId('ongelezen');
}

export function logList(page: Page): Locator {
	return page.getByRole('region', { name: /^Logregels/ }).locator('ol > li[data-number]');
}

/** One entry of the logbook list, by its running number. */
export function logEntry(page: Page, number: number): Locator {
	return page.locator(`li[data-number="${number}"]`);
}

/** The numbers of the entries the page shows, top to bottom. */
export async function shownNumbers(page: Page): Promise<number[]> {
	return (await logList(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-number')))).map(Number);
}

/** The "Nieuwe logregel" form. */
export function newEntryForm(page: Page): Locator {
	return page.getByRole('form', { name: 'Nieuwe logregel' });
}

/** Fills in and sends the new-entry form, and waits for "Logregel N is opgeslagen." */
export async function writeEntry(
	page: Page,
	entry: { text: string; kind?: LogKind; discipline?: LogDiscipline; source?: string }
): Promise<number> {
	const form = newEntryForm(page);
	if (entry.kind) await form.getByLabel('Soort').selectOption(entry.kind);
	if (entry.discipline) await form.getByLabel('Discipline').selectOption(entry.discipline);
	if (entry.source !== undefined) await form.getByLabel('Bron').fill(entry.source);
	await form.getByLabel('Tekst').fill(entry.text);
	await form.getByRole('button', { name: 'Logregel toevoegen' }).click();
	const saved = page.getByRole('status').filter({ hasText: /^Logregel \d+ is opgeslagen\.$/ });
	// The text must be in the list before the number is read off it.
	const item = logList(page).filter({ hasText: entry.text });
	await expect(item).toHaveCount(1);
	await expect(saved).toBeVisible();
	const number = Number(await item.getAttribute('data-number'));
	await expect(saved).toHaveText(`Logregel ${number} is opgeslagen.`);
	return number;
}

/** One section of the situation picture. */
export function pictureSection(page: Page, section: PictureSection): Locator {
	return page.locator(`article[data-section="${section}"]`);
}

/** The SITRAP list entries, newest first. */
export function sitrapItems(page: Page): Locator {
	return page.getByRole('complementary', { name: 'SITRAP' }).locator('li[data-sitrap]');
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary }))
	}));
	expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

const SOCKET_URL = /\/socket\.io\//;

/**
 * Takes a context off the network the way a device really loses it (see offline.spec.ts): the
 * open socket.io WebSocket is closed on both sides through `routeWebSocket`, then the context
 * goes offline so reconnect attempts fail until it is back online.
 */
export class NetworkSwitch {
	private readonly open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
	private readonly context: BrowserContext;

	constructor(context: BrowserContext) {
		this.context = context;
	}

	/** Must run before the page opens its socket. */
	async install(): Promise<void> {
		await this.context.routeWebSocket(SOCKET_URL, (ws) => {
			const pair = { page: ws, server: ws.connectToServer() };
			this.open.add(pair);
			ws.onClose(() => this.open.delete(pair));
			pair.server.onClose(() => this.open.delete(pair));
		});
	}

	async goOffline(): Promise<void> {
		await this.dropOpenSockets();
		await this.context.setOffline(true);
		await this.dropOpenSockets();
	}

	async goOnline(): Promise<void> {
		await this.context.setOffline(false);
	}

	private async dropOpenSockets(): Promise<void> {
		const pairs = [...this.open];
		this.open.clear();
		for (const { page, server } of pairs) {
			await server.close({ code: 4000, reason: 'netwerk weg' }).catch(() => {});
			await page.close({ code: 4000, reason: 'netwerk weg' }).catch(() => {});
		}
	}
}

/** Relays a context's socket.io WebSockets unchanged and keeps the server's `event` frames. */
export class SocketRecorder {
	readonly events: { topic: string; seq: number; type: string; exercise: boolean; data: Record<string, unknown> }[] = [];
	private readonly context: BrowserContext;

	constructor(context: BrowserContext) {
		this.context = context;
	}

	/** Must run before the page opens its socket. */
	async install(): Promise<void> {
		await this.context.routeWebSocket(SOCKET_URL, (ws) => {
			const server = ws.connectToServer();
			server.onMessage((message) => {
				if (typeof message === 'string' && message.startsWith('42["event"')) {
					const [, event] = JSON.parse(message.slice(2)) as [string, SocketRecorder['events'][number]];
					this.events.push(event);
				}
				ws.send(message);
			});
			ws.onMessage((message) => server.send(message));
		});
	}
}
