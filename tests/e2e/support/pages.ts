// The main pages of Paraat, per user who works on them, for the checks that run over all of
// them (phone width, code names in the text, axe). Ids of demo records are looked up through
// the API, so the list follows the demo data.
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { apiLogin } from './app';
import { bibobApiLogin } from './bibob';
import { BASE_URL, demoEmail } from './env';

export interface PageGroup {
	email: string;
	bibob?: boolean;
	paths: (request: APIRequestContext) => Promise<string[]>;
}

async function demoExercise(request: APIRequestContext): Promise<string> {
	const body = (await (await request.get('/api/v1/incidents')).json()) as { incidents: { id: string; title: string }[] };
	const exercise = body.incidents.find((i) => i.title.includes('Duinbrand')) ?? body.incidents[0];
	expect(exercise, 'de demo-oefening').toBeTruthy();
	return exercise!.id;
}

async function firstApplication(request: APIRequestContext, statuses: string[]): Promise<string> {
	const body = (await (await request.get('/api/v1/events')).json()) as { applications: { id: string; status: string }[] };
	const found = body.applications.find((a) => statuses.includes(a.status)) ?? body.applications[0];
	return found!.id;
}

export const MAIN_PAGES: PageGroup[] = [
	{
		email: demoEmail('vergunningverlener', 'haarlem'),
		paths: async (r) => {
			const id = await firstApplication(r, ['advies_gevraagd', 'in_behandeling']);
			return ['/', '/berichten', '/kalender', '/kalender?weergave=lijst', '/kalender?weergave=jaar', '/evenementen', '/evenementen/nieuw', '/evenementen/import', `/evenementen/${id}`, `/evenementen/${id}/bewerken`, '/advies'];
		}
	},
	{
		email: demoEmail('crisisteam', 'haarlem'),
		paths: async (r) => {
			const id = await demoExercise(r);
			return ['/crisis', `/crisis/${id}`, `/crisis/${id}/logboek`, `/crisis/${id}/beeld`, `/crisis/${id}/kaart`, `/crisis/${id}/opkomst`, `/crisis/${id}/evaluatie`, '/mijn-taken', '/bluswater'];
		}
	},
	{
		email: demoEmail('oefenleider', 'haarlem'),
		paths: async (r) => [`/crisis/${await demoExercise(r)}/injects`]
	},
	{
		email: demoEmail('adviseur', 'haarlem'),
		paths: async (r) => {
			const inbox = (await (await r.get('/api/v1/advice')).json()) as { requests: { id: string }[] };
			return ['/advies', ...inbox.requests.slice(0, 1).map((q) => `/advies/${q.id}`)];
		}
	},
	{
		email: demoEmail('beheerder'),
		paths: async () => ['/beheer/gebruikers', '/beheer/audit', '/beheer/taakkaarten', '/beheer/bluswater', '/beheer/piket']
	},
	{
		email: demoEmail('beheerder', 'haarlem'),
		paths: async () => ['/beheer/evenementen']
	},
	{
		email: demoEmail('beleidsadviseur', 'heemskerk'),
		// The demo IVHP 2021-2024 (demo-safety-plan-data.ts): overview, a year's programme, the import.
		paths: async (request) => {
			const plans = (await (await request.get('/api/v1/safety-plans?municipality=heemskerk')).json()) as { id: string }[];
			expect(plans).toHaveLength(1);
			return ['/veiligheidsplan', `/veiligheidsplan/${plans[0]!.id}`, `/veiligheidsplan/${plans[0]!.id}/uitvoering/2024`, `/veiligheidsplan/${plans[0]!.id}/import`];
		}
	},
	{
		email: demoEmail('beleidsadviseur'),
		paths: async () => ['/veiligheidsplan/regio']
	},
	{
		email: demoEmail('bibob', 'haarlem'),
		bibob: true,
		// The demo's Bibob files (demo-bibob.ts): one just opened, one in its own investigation.
		paths: async (request) => {
			const response = await request.get('/api/v1/bibob/files');
			expect(response.status()).toBe(200);
			const { municipalities } = (await response.json()) as { municipalities: { open: { id: string; permit: string }[] }[] };
			const demo = municipalities[0]!.open.filter((f) => /HOR-2026-0142|EXP-2026-0087/.test(f.permit));
			expect(demo).toHaveLength(2);
			return ['/bibob', '/bibob/nieuw', ...demo.map((f) => `/bibob/${f.id}`)];
		}
	}
];

/** A logged-in context at the given viewport. */
export async function contextFor(browser: Browser, group: PageGroup, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; paths: string[] }> {
	const context = await browser.newContext({ baseURL: BASE_URL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport });
	if (group.bibob) await bibobApiLogin(context.request, group.email);
	else await apiLogin(context.request, group.email);
	const paths = await group.paths(context.request);
	return { context, page: await context.newPage(), paths };
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe over the page: every violation, or only serious and critical ones. */
export async function axeViolations(page: Page, only?: 'serious'): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	return results.violations
		.filter((v) => !only || v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** How much wider the document is than the window (0: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/**
 * Code names that must not reach a user: snake_case codes (in_uitvoering), camelCase keys
 * (blockedReason), raw JSON and a few English field names the services use.
 */
export const CODE_NAME = /\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b|\{"|\[object Object\]|\bundefined\b|\b(?:description|municipality|applicationId|incidentId|version)\b/;

/** The visible text of the page's main content and header, with the code names found in it. */
export async function codeNamesOn(page: Page): Promise<string[]> {
	const text = await page.locator('body').innerText();
	return [...new Set([...text.matchAll(new RegExp(CODE_NAME.source, 'g'))].map((m) => m[0]))];
}
