// The shared situation picture and SITRAPs of an exercise: a section edited in one browser
// appears live in the other, a stale edit is refused with 409 and the newer text can be taken
// over, a section turns visibly stale, SITRAPs are numbered 1, 2 … and stay readable with a PDF,
// and a closed incident gets no SITRAP any more.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { loggedInContext, markDocument, uniqueText, type ApiUser } from './support/app';
import { expectApiError } from './support/crisis';
import { BASE_URL, demoEmail } from './support/env';
import {
	PICTURE_SECTIONS,
	apiGetPicture,
	apiPutSection,
	expectNoAxeViolations,
	newExercise,
	openPicture,
	pictureSection,
	sitrapItems,
	type ApiSection,
	type PictureSection
} from './support/logbook';

interface Officer {
	context: BrowserContext;
	page: Page;
	user: ApiUser;
}

/** Opens the editor of a section, types the text and saves it. */
async function editSection(page: Page, section: PictureSection, label: string, text: string): Promise<void> {
	const article = pictureSection(page, section);
	await article.getByRole('button', { name: `Bewerken ${label}` }).click();
	await article.getByLabel(`Tekst ${label}`).fill(text);
	await article.getByRole('button', { name: `Opslaan ${label}` }).click();
	await expect(article.getByRole('textbox')).toHaveCount(0);
}

test.describe('beeld en SITRAP', () => {
	// A: crisis team (writes every section, publishes); B: bevolkingszorg (writes its own sections).
	let a: Officer;
	let b: Officer;

	test.beforeEach(async ({ browser }) => {
		a = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
		b = await loggedInContext(browser, demoEmail('bevolkingszorg', 'velsen'));
	});

	test.afterEach(async () => {
		await a?.context.close();
		await b?.context.close();
	});

	test('een sectie bewerken: de ander ziet de tekst live; een verouderde bewerking krijgt 409 en "Nieuwe tekst overnemen" werkt', async ({ request }) => {
		const incident = await newExercise(request, 'Beeld live');
		await Promise.all([openPicture(a.page, incident), openPicture(b.page, incident)]);
		const bUnchanged = await markDocument(b.page);
		const aUnchanged = await markDocument(a.page);

		// Six sections, all empty; each writes only what it is responsible for.
		for (const page of [a.page, b.page]) {
			await expect(page.locator('article[data-section]')).toHaveCount(6);
			for (const section of PICTURE_SECTIONS) await expect(pictureSection(page, section)).toHaveAttribute('data-state', 'leeg');
		}
		await expect(pictureSection(a.page, 'samenvatting').getByRole('button', { name: /^Bewerken/ })).toBeVisible();
		await expect(pictureSection(b.page, 'samenvatting').getByRole('button', { name: /^Bewerken/ })).toHaveCount(0);
		await expect(pictureSection(b.page, 'ghor').getByRole('button', { name: /^Bewerken/ })).toHaveCount(0);
		await expect(pictureSection(b.page, 'bevolkingszorg').getByRole('button', { name: 'Bewerken Bevolkingszorg' })).toBeVisible();

		// A writes the bevolkingszorg section.
		const first = uniqueText('Opvang in sporthal Zeewijk, 40 personen, verwanteninformatie via 0800-nummer.');
		await editSection(a.page, 'bevolkingszorg', 'Bevolkingszorg', first);
		const sectionA = pictureSection(a.page, 'bevolkingszorg');
		await expect(sectionA).toHaveAttribute('data-state', 'actueel');
		await expect(sectionA).toContainText(first);
		await expect(sectionA).toContainText(`door ${a.user.name} · versie 1`);
		await expect(sectionA.getByTestId('ouderdom')).toHaveText('zojuist');

		// B sees the new text live.
		const sectionB = pictureSection(b.page, 'bevolkingszorg');
		await expect(sectionB).toContainText(first);
		await expect(sectionB).toHaveAttribute('data-state', 'actueel');
		await expect(sectionB).toContainText('versie 1');
		expect(await bUnchanged(), 'B kreeg de tekst live, zonder herladen').toBe(true);

		// B starts editing from version 1 …
		await sectionB.getByRole('button', { name: 'Bewerken Bevolkingszorg' }).click();
		const draftB = uniqueText('Aanvulling B: extra veldbedden onderweg.');
		await sectionB.getByLabel('Tekst Bevolkingszorg').fill(draftB);
		// … while A changes the section again (version 2).
		const second = uniqueText('Opvang in sporthal Zeewijk, nu 65 personen; tweede locatie wordt voorbereid.');
		await editSection(a.page, 'bevolkingszorg', 'Bevolkingszorg', second);
		await expect(sectionA).toContainText('versie 2');
		// B is warned while typing, and its draft is untouched.
		await expect(sectionB.getByRole('status')).toContainText(new RegExp(`${a.user.name} heeft deze sectie om \\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2} gewijzigd`));
		await expect(sectionB.getByLabel('Tekst Bevolkingszorg')).toHaveValue(draftB);

		// B saves anyway: the server refuses the stale version (409) and nothing is overwritten.
		const [response] = await Promise.all([
			b.page.waitForResponse((r) => r.url().endsWith(`/picture/bevolkingszorg`) && r.request().method() === 'PUT'),
			sectionB.getByRole('button', { name: 'Opslaan Bevolkingszorg' }).click()
		]);
		expect(response.status()).toBe(409);
		const alert = sectionB.getByRole('alert');
		await expect(alert).toContainText(new RegExp(`${a.user.name} heeft de sectie Bevolkingszorg om \\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2} gewijzigd`));
		await expect(alert).toContainText('Je tekst is niet opgeslagen');
		await expect(sectionB).toContainText(`Nieuwe tekst van ${a.user.name}`);
		const draftBox = sectionB.getByLabel('Jouw tekst (nog niet opgeslagen)');
		await expect(draftBox).toHaveValue(draftB);
		expect((await apiGetPicture(a.context.request, incident.id)).sections.find((s) => s.section === 'bevolkingszorg')).toEqual(
			expect.objectContaining({ text: second, version: 2 })
		);

		// "Nieuwe tekst overnemen" puts A's text in the editor; B adds to it and saves on top of version 2.
		await sectionB.getByRole('button', { name: 'Nieuwe tekst overnemen' }).click();
		await expect(draftBox).toHaveValue(second);
		const merged = `${second}\n${draftB}`;
		await draftBox.fill(merged);
		await sectionB.getByRole('button', { name: 'Opslaan Bevolkingszorg' }).click();
		await expect(sectionB.getByRole('textbox')).toHaveCount(0);
		await expect(sectionB).toContainText(draftB);
		await expect(sectionB).toContainText(`door ${b.user.name} · versie 3`);
		// A sees B's merged text live.
		await expect(sectionA).toContainText(draftB);
		await expect(sectionA).toContainText('versie 3');
		expect(await aUnchanged(), 'A kreeg de tekst live, zonder herladen').toBe(true);
		expect((await apiGetPicture(b.context.request, incident.id)).sections.find((s) => s.section === 'bevolkingszorg')).toEqual(
			expect.objectContaining({ text: merged, version: 3, updatedBy: expect.objectContaining({ id: b.user.id }), exercise: true })
		);

		// Through the API: a stale version gets 409 with the current section; a section B does not own 403.
		const stale = await b.context.request.put(`/api/v1/incidents/${incident.id}/picture/bevolkingszorg`, { data: { text: 'oud', version: 2 } });
		const body = (await expectApiError(stale, 409, 'version_conflict')) as unknown as { current: ApiSection; error: { message: string } };
		expect(body.current).toEqual(expect.objectContaining({ section: 'bevolkingszorg', version: 3, text: merged }));
		expect(body.error.message).toMatch(/heeft de sectie Bevolkingszorg om \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2} gewijzigd/);
		const notOwn = await b.context.request.put(`/api/v1/incidents/${incident.id}/picture/ghor`, { data: { text: 'x', version: 0 } });
		expect((await expectApiError(notOwn, 403, 'forbidden')).error.message).toContain('GHOR');
		const unknown = await a.context.request.put(`/api/v1/incidents/${incident.id}/picture/weer`, { data: { text: 'x', version: 0 } });
		expect((await expectApiError(unknown, 404)).error.message).toContain('Onbekende sectie');
	});

	test('een sectie die lang niet is bijgewerkt staat als verouderd', async ({ request }) => {
		const incident = await newExercise(request, 'Beeld verouderd');
		const text = uniqueText('Brand onder controle; nablussen.');
		await apiPutSection(request, incident.id, 'brandweer', { text, version: 0 });
		const { staleMinutes } = await apiGetPicture(request, incident.id);
		// The page's clock, not the server's, ages the sections: move it past the threshold.
		await b.page.clock.install();
		await openPicture(b.page, incident);
		const section = pictureSection(b.page, 'brandweer');
		await expect(section).toHaveAttribute('data-state', 'actueel');
		await expect(section.getByTestId('ouderdom')).toHaveText('zojuist');
		await b.page.clock.fastForward(`${staleMinutes + 1}:00`);
		await expect(section).toHaveAttribute('data-state', 'verouderd');
		await expect(section.getByTestId('ouderdom')).toHaveText(`Verouderd · ${staleMinutes + 1} min geleden`);
		await expect(section).toContainText(`Langer dan ${staleMinutes} minuten niet bijgewerkt`);
		await expect(pictureSection(b.page, 'ghor')).toHaveAttribute('data-state', 'leeg');
	});

	test('SITRAP 1 en 2 publiceren: genummerd, de eerdere blijft leesbaar, met een PDF', async ({ request, playwright }) => {
		const incident = await newExercise(request, 'SITRAP');
		await Promise.all([openPicture(a.page, incident), openPicture(b.page, incident)]);
		await expect(a.page.getByText('Nog geen SITRAP gepubliceerd.')).toBeVisible();
		// Only the crisis team (and in exercises the oefenleider) publishes.
		await expect(b.page.getByRole('button', { name: /publiceren$/ })).toHaveCount(0);
		const publish = a.page.getByRole('button', { name: 'SITRAP 1 publiceren' });

		// An empty picture is not published.
		await publish.click();
		await expect(a.page.getByRole('alert').filter({ hasText: 'Het beeld is nog leeg' })).toBeVisible();
		await expect(sitrapItems(a.page)).toHaveCount(0);

		const summary1 = uniqueText('Brand in loods Velsen-Noord; rook richting IJmuiden.');
		await editSection(a.page, 'samenvatting', 'Managementsamenvatting', summary1);
		await publish.click();
		await expect(a.page.getByRole('status').filter({ hasText: 'OEFENING — SITRAP 1 is gepubliceerd.' })).toBeVisible();
		await expect(sitrapItems(a.page)).toHaveCount(1);
		await expect(sitrapItems(a.page).first()).toHaveAttribute('data-sitrap', '1');
		await expect(sitrapItems(a.page).first()).toContainText(`OEFENING — SITRAP 1`);
		await expect(sitrapItems(a.page).first()).toContainText(a.user.name);
		// B sees it live.
		await expect(sitrapItems(b.page)).toHaveCount(1);
		await expect(sitrapItems(b.page).first()).toContainText('OEFENING — SITRAP 1');

		// The picture changes; SITRAP 2 records the new state.
		const summary2 = uniqueText('Brand meester; bewoners mogen terug, opvang sluit om 20:00.');
		await pictureSection(a.page, 'samenvatting').getByRole('button', { name: 'Bewerken Managementsamenvatting' }).click();
		await pictureSection(a.page, 'samenvatting').getByLabel('Tekst Managementsamenvatting').fill(summary2);
		await pictureSection(a.page, 'samenvatting').getByRole('button', { name: 'Opslaan Managementsamenvatting' }).click();
		await expect(pictureSection(a.page, 'samenvatting')).toContainText('versie 2');
		await a.page.getByRole('button', { name: 'SITRAP 2 publiceren' }).click();
		await expect(a.page.getByRole('status').filter({ hasText: 'OEFENING — SITRAP 2 is gepubliceerd.' })).toBeVisible();
		await expect(sitrapItems(a.page)).toHaveCount(2);
		expect(await sitrapItems(a.page).evaluateAll((items) => items.map((li) => li.getAttribute('data-sitrap')))).toEqual(['2', '1']);
		await expect(sitrapItems(b.page)).toHaveCount(2);
		await expect(a.page.getByRole('button', { name: 'SITRAP 3 publiceren' })).toBeVisible();

		// The server numbers them too.
		const list = await a.context.request.get(`/api/v1/incidents/${incident.id}/sitraps`);
		expect(list.status()).toBe(200);
		const { sitraps } = (await list.json()) as { sitraps: { number: number; exercise: boolean }[] };
		expect(sitraps.map((s) => [s.number, s.exercise])).toEqual([
			[2, true],
			[1, true]
		]);

		// The PDF of SITRAP 1, through the page's own session.
		const pdfLink = a.page.locator('li[data-sitrap="1"]').getByRole('link', { name: 'PDF van SITRAP 1' });
		const href = await pdfLink.getAttribute('href');
		expect(href).toBe(`/api/v1/incidents/${incident.id}/sitraps/1/pdf`);
		const pdf = await a.page.request.get(href!);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect(pdf.headers()['content-disposition']).toContain('SITRAP-1-OEFENING.pdf');
		const bytes = await pdf.body();
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.length).toBeGreaterThan(500);
		// Without a session there is no PDF.
		const anonymous = await playwright.request.newContext({ baseURL: BASE_URL });
		try {
			await expectApiError(await anonymous.get(href!), 401, 'unauthenticated');
		} finally {
			await anonymous.dispose();
		}

		// SITRAP 1 stays readable as it was, also after SITRAP 2.
		await sitrapItems(b.page).filter({ hasText: 'OEFENING — SITRAP 1' }).getByRole('link', { name: 'OEFENING — SITRAP 1' }).click();
		await expect(b.page).toHaveURL(`/crisis/${incident.id}/sitrap/1`);
		await expect(b.page.getByRole('heading', { level: 2, name: 'OEFENING — SITRAP 1' })).toBeVisible();
		await expect(b.page.getByRole('region', { name: 'Managementsamenvatting' })).toContainText(summary1);
		await expect(b.page.getByText(summary2)).toHaveCount(0);
		await expect(b.page.getByRole('region', { name: 'GHOR' })).toContainText('Niet ingevuld.');
		await b.page.goto(`/crisis/${incident.id}/sitrap/2`);
		await expect(b.page.getByRole('heading', { level: 2, name: 'OEFENING — SITRAP 2' })).toBeVisible();
		await expect(b.page.getByRole('region', { name: 'Managementsamenvatting' })).toContainText(summary2);
		// A SITRAP that does not exist: 404 with a Dutch message.
		const missing = await b.context.request.get(`/api/v1/incidents/${incident.id}/sitraps/9`);
		expect((await expectApiError(missing, 404, 'not_found')).error.message).toBe('SITRAP 9 bestaat niet voor dit incident.');
		const missingPdf = await b.context.request.get(`/api/v1/incidents/${incident.id}/sitraps/9/pdf`);
		await expectApiError(missingPdf, 404, 'not_found');
	});

	test('een gesloten incident krijgt geen SITRAP meer: een Nederlandse melding', async ({ request }) => {
		const incident = await newExercise(request, 'SITRAP gesloten');
		await apiPutSection(a.context.request, incident.id, 'samenvatting', { text: uniqueText('Incident afgeschaald, nafase loopt.'), version: 0 });
		await openPicture(a.page, incident);
		const publish = a.page.getByRole('button', { name: 'SITRAP 1 publiceren' });
		await expect(publish).toBeVisible();

		// The crisis team closes the incident while the page is open.
		const close = await request.post(`/api/v1/incidents/${incident.id}/status`, { data: { status: 'gesloten' } });
		expect(close.status(), await close.text()).toBe(200);
		expect(((await close.json()) as { status: string }).status).toBe('gesloten');
		await expect(a.page.locator('header.incident-head')).toContainText('Gesloten');

		// The open page follows: closed means read only, so the publish button goes away live.
		await expect(publish).toHaveCount(0);
		await expect(sitrapItems(a.page)).toHaveCount(0);
		const refused = await a.context.request.post(`/api/v1/incidents/${incident.id}/sitraps`);
		expect((await expectApiError(refused, 409, 'incident_closed')).error.message).toBe('Dit incident is gesloten; er wordt geen SITRAP meer gepubliceerd.');
		const edit = await a.context.request.put(`/api/v1/incidents/${incident.id}/picture/samenvatting`, { data: { text: 'nog iets', version: 1 } });
		expect((await expectApiError(edit, 409, 'incident_closed')).error.message).toContain('Dit incident is gesloten');
		expect((await apiGetPicture(a.context.request, incident.id)).sitraps).toEqual([]);

		// Opened anew, the page offers neither publishing nor editing.
		await openPicture(a.page, incident);
		await expect(a.page.getByRole('button', { name: /publiceren$/ })).toHaveCount(0);
		await expect(a.page.getByRole('button', { name: /^Bewerken/ })).toHaveCount(0);
	});

	test('toegankelijkheid van beeld en SITRAP (WCAG 2.2 AA, axe)', async ({ request }) => {
		const incident = await newExercise(request, 'Beeld axe');
		const v1 = await apiPutSection(a.context.request, incident.id, 'samenvatting', { text: uniqueText('Samenvatting voor axe'), version: 0 });
		await apiPutSection(a.context.request, incident.id, 'bevolkingszorg', { text: 'Opvang open in sporthal.', version: 0 });
		const published = await a.context.request.post(`/api/v1/incidents/${incident.id}/sitraps`);
		expect(published.status(), await published.text()).toBe(201);

		await openPicture(a.page, incident);
		await expect(sitrapItems(a.page)).toHaveCount(1);
		await expectNoAxeViolations(a.page);

		// With an editor open in a conflict (the alert, the new text, the button to take it over).
		const section = pictureSection(a.page, 'samenvatting');
		await section.getByRole('button', { name: 'Bewerken Managementsamenvatting' }).click();
		await apiPutSection(b.context.request, incident.id, 'bevolkingszorg', { text: 'Opvang vol; tweede locatie.', version: 1 });
		await apiPutSection(a.context.request, incident.id, 'samenvatting', { text: 'Nieuwere samenvatting', version: v1.version });
		await expect(section.getByRole('status')).toContainText(new RegExp(`${a.user.name} heeft deze sectie om .* gewijzigd`));
		await section.getByRole('button', { name: 'Opslaan Managementsamenvatting' }).click();
		await expect(section.getByRole('button', { name: 'Nieuwe tekst overnemen' })).toBeVisible();
		await expectNoAxeViolations(a.page);

		// B's view (only its own sections editable), and a SITRAP page.
		await openPicture(b.page, incident);
		await expectNoAxeViolations(b.page);
		await b.page.goto(`/crisis/${incident.id}/sitrap/1`);
		await expect(b.page.getByRole('heading', { level: 2, name: 'OEFENING — SITRAP 1' })).toBeVisible();
		await expectNoAxeViolations(b.page);
	});
});
