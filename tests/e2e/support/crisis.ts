// Helpers for the crisis specs: incidents and tasks through the API, the task board's cells and
// cards, and a socket tap that can hold back live events from one browser context.
import {
	expect,
	type APIRequestContext,
	type APIResponse,
	type BrowserContext,
	type Locator,
	type Page,
	type WebSocketRoute
} from '@playwright/test';
import { expectConnected } from './app';

export type TaskStatus = 'open' | 'in_uitvoering' | 'gereed';
export type Process = 'crisiscommunicatie' | 'publieke_zorg' | 'informeren_verwanten' | 'omgevingszorg' | 'nafase';

export interface ApiIncident {
	id: string;
	title: string;
	kind: 'crisis' | 'oefening';
	exercise: boolean;
	status: string;
	grip: number;
	municipalities: string[];
	startedAt: string;
	version: number;
}

export interface ApiTask {
	id: string;
	incidentId: string;
	process: Process;
	title: string;
	description: string;
	municipality: string | null;
	assignee: { id: string; name: string } | null;
	priority: string;
	status: TaskStatus;
	blocked: boolean;
	blockedReason: string | null;
	dueAt: string | null;
	version: number;
	exercise: boolean;
}

export interface ApiErrorBody {
	error: { code: string; message: string; fields?: { field: string; message: string }[] };
	current?: ApiTask;
}

/** Creates an incident (an exercise unless said otherwise) with the given logged-in request context. */
export async function apiCreateIncident(
	request: APIRequestContext,
	body: { title: string; kind?: 'crisis' | 'oefening'; municipalities?: string[]; grip?: number; affectedPeople?: number }
): Promise<ApiIncident> {
	const response = await request.post('/api/v1/incidents', {
		data: { kind: 'oefening', municipalities: ['velsen', 'zandvoort'], ...body }
	});
	expect(response.status(), `incident aanmaken: ${await response.text()}`).toBe(201);
	return (await response.json()) as ApiIncident;
}

export async function apiCreateTask(
	request: APIRequestContext,
	incidentId: string,
	body: { title: string; process?: Process; description?: string; municipality?: string; priority?: string; assigneeId?: string }
): Promise<ApiTask> {
	const response = await request.post(`/api/v1/incidents/${incidentId}/tasks`, { data: { process: 'publieke_zorg', ...body } });
	expect(response.status(), `taak aanmaken: ${await response.text()}`).toBe(201);
	return (await response.json()) as ApiTask;
}

export function apiPatchTask(request: APIRequestContext, taskId: string, body: Record<string, unknown>): Promise<APIResponse> {
	return request.patch(`/api/v1/tasks/${taskId}`, { data: body });
}

export async function apiGetTasks(request: APIRequestContext, incidentId: string): Promise<ApiTask[]> {
	const response = await request.get(`/api/v1/incidents/${incidentId}/tasks`);
	expect(response.status(), await response.text()).toBe(200);
	return ((await response.json()) as { tasks: ApiTask[] }).tasks;
}

export async function apiGetTask(request: APIRequestContext, incidentId: string, taskId: string): Promise<ApiTask> {
	const task = (await apiGetTasks(request, incidentId)).find((t) => t.id === taskId);
	expect(task, `taak ${taskId} in incident ${incidentId}`).toBeDefined();
	return task!;
}

/** Checks an API error: status, problem details with the `{ error: { code, message } }` member, and returns the body. */
export async function expectApiError(response: APIResponse, status: number, code?: string): Promise<ApiErrorBody> {
	expect(response.status(), await response.text()).toBe(status);
	expect(response.headers()['content-type']).toBe('application/problem+json');
	const body = (await response.json()) as ApiErrorBody;
	expect(body.error).toEqual(expect.objectContaining({ code: code ?? expect.any(String), message: expect.any(String) }));
	expect(body.error.message.length).toBeGreaterThan(0);
	return body;
}

/** Opens an incident page and waits for its title and the live connection. */
export async function openIncident(page: Page, incident: { id: string; title: string }): Promise<void> {
	await page.goto(`/crisis/${incident.id}`);
	await expect(page.getByRole('heading', { level: 1, name: incident.title })).toBeVisible();
	await expectConnected(page);
}

export function taskBoard(page: Page): Locator {
	return page.getByRole('region', { name: 'Taken bevolkingszorg' });
}

/** A card on the board, by task id. */
export function taskCard(page: Page, taskId: string): Locator {
	return page.locator(`article[data-task-id="${taskId}"]`);
}

/** A cell of the board: one process, one status. */
export function boardCell(page: Page, process: Process, status: TaskStatus): Locator {
	return page.locator(`ul[data-process="${process}"][data-status="${status}"]`);
}

/** The card with this title, found by its visible heading. */
export function cardByTitle(page: Page, title: string): Locator {
	return taskBoard(page).locator('article[data-task-id]').filter({ has: page.getByRole('heading', { name: title }) });
}

/** Waits until a card sits in the given cell (and nowhere else), at the given version if any. */
export async function expectCardIn(page: Page, task: { id: string; process: Process }, status: TaskStatus, version?: number): Promise<void> {
	await expect(boardCell(page, task.process, status).locator(`article[data-task-id="${task.id}"]`)).toBeVisible();
	await expect(taskCard(page, task.id)).toHaveCount(1);
	if (version !== undefined) await expect(taskCard(page, task.id)).toHaveAttribute('data-version', String(version));
}

/** A move button on a card ("Naar in uitvoering", "Naar gereed", "Naar open"). */
export function moveButton(page: Page, taskId: string, to: 'in uitvoering' | 'gereed' | 'open'): Locator {
	return taskCard(page, taskId).getByRole('button', { name: new RegExp(`^Naar ${to}\\b`) });
}

const SOCKET_URL = /\/socket\.io\//;

/**
 * Relays a context's socket.io WebSockets through Playwright, and can hold back the server's
 * live `event` frames (socket.io packet `42["event",…]`) while `holding` is on. Acknowledgements
 * (`43…`, which carry the replay of a re-subscribe) always pass. A held-back event is simply
 * lost, as on a flaky network; the client finds out by the gap in sequence numbers.
 */
export class SocketTap {
	holding = false;
	readonly held: string[] = [];
	private readonly context: BrowserContext;
	private readonly routes: WebSocketRoute[] = [];

	constructor(context: BrowserContext) {
		this.context = context;
	}

	/** Must run before the page opens its socket. */
	async install(): Promise<void> {
		await this.context.routeWebSocket(SOCKET_URL, (ws) => {
			const server = ws.connectToServer();
			this.routes.push(ws);
			server.onMessage((message) => {
				if (this.holding && typeof message === 'string' && message.startsWith('42["event"')) {
					this.held.push(message);
					return;
				}
				ws.send(message);
			});
			ws.onMessage((message) => server.send(message));
		});
	}

	/** Waits until an event frame mentioning `text` (for example a task id) was held back. */
	async expectHeld(text: string): Promise<void> {
		await expect.poll(() => this.held.some((m) => m.includes(text)), { message: `live-bericht over ${text} tegengehouden` }).toBe(true);
	}
}
