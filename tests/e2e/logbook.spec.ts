// The incident logbook during an exercise: two officers on the "Logboek" tab of the same
// oefening. Entries reach the other at once (marked OEFENING, counted as unread), reading is
// remembered, a correction is a new entry that refers to the old one, the crisis team verifies,
// filters narrow the list, an observer only reads, bad input is refused in Dutch, and a browser
// that lost its connection catches up with what it missed, once each and in order.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { connectionBadge, expectConnected, loggedInContext, markDocument, uniqueText, type ApiUser } from './support/app';
import { expectApiError } from './support/crisis';
import { demoEmail } from './support/env';
import {
	NetworkSwitch,
	SocketRecorder,
	apiAddLogEntry,
	apiGetLog,
	expectNoAxeViolations,
	incidentTabs,
	logEntry,
	logList,
	newEntryForm,
	newExercise,
	openLogbook,
	shownNumbers,
	unreadBadge,
	writeEntry,
	type ApiLogEntry
} from './support/logbook';

interface Officer {
	context: BrowserContext;
	page: Page;
	user: ApiUser;
}

test.describe('logboek', () => {
	// A: information manager of the crisis team; B: a bevolkingszorg officer of another municipality.
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

	test('een besluit verschijnt live bij de ander als OEFENING en ongelezen; gelezen, gecorrigeerd en geverifieerd', async ({ request }) => {
		const incident = await newExercise(request, 'Logboek live');
		const frames = new SocketRecorder(b.context);
		await frames.install();
		await Promise.all([openLogbook(a.page, incident), openLogbook(b.page, incident)]);
		const bUnchanged = await markDocument(b.page);
		const aUnchanged = await markDocument(a.page);
		// Both are on the page of this incident, and see each other there.
		await expect(b.page.getByTestId('viewers')).toContainText(a.user.name);
		await expect(a.page.getByTestId('viewers')).toContainText(b.user.name);
		await expect(b.page.getByText('Nog geen logregels.')).toBeVisible();
		await expect(unreadBadge(b.page)).toHaveCount(0);
		await expect(incidentTabs(b.page).getByRole('link', { name: /^Logboek/ })).toHaveAttribute('aria-current', 'page');

		// A logs a decision through the form.
		const decision = uniqueText('Besluit: sporthal De Kennemer wordt opvanglocatie');
		const number = await writeEntry(a.page, { text: decision, kind: 'besluit', discipline: 'algemeen', source: 'ROT' });
		expect(number).toBe(1);
		// The form is empty again for the next entry; A's own entry is not unread for A.
		await expect(newEntryForm(a.page).getByLabel('Tekst')).toHaveValue('');
		await expect(logEntry(a.page, 1)).not.toContainText('Nieuw');
		await expect(unreadBadge(a.page)).toHaveCount(0);

		// B sees it at once, without a reload: marked as an exercise, as a decision, as new.
		const entryB = logEntry(b.page, 1);
		await expect(entryB).toContainText(decision);
		await expect(entryB).toHaveAttribute('data-kind', 'besluit');
		await expect(entryB.getByText('OEFENING', { exact: true })).toBeVisible();
		await expect(entryB).toContainText('Besluit');
		await expect(entryB).toContainText(`door ${a.user.name}`);
		await expect(entryB).toContainText('bron: ROT');
		await expect(entryB.getByText('Nieuw', { exact: true })).toBeVisible();
		await expect(unreadBadge(b.page)).toHaveText(/^1\s+ongelezen$/);
		await expect(b.page.getByText('1 ongelezen', { exact: true })).toBeVisible();
		expect(await bUnchanged(), 'B kreeg de logregel live, zonder herladen').toBe(true);
		// The live message itself carries the exercise mark, and the entry in the API's shape.
		const created = frames.events.find((e) => e.type === 'log.created' && e.topic === `incident:${incident.id}`);
		expect(created).toEqual(
			expect.objectContaining({ exercise: true, data: expect.objectContaining({ number: 1, text: decision, kind: 'besluit', exercise: true }) })
		);

		// B marks everything as read: the count goes to zero, here and on the server.
		await b.page.getByRole('button', { name: 'Markeer als gelezen' }).click();
		await expect(b.page.getByText('Alles gelezen.')).toBeVisible();
		await expect(unreadBadge(b.page)).toHaveCount(0);
		await expect(entryB.getByText('Nieuw', { exact: true })).toHaveCount(0);
		expect(await apiGetLog(b.context.request, incident.id)).toEqual(expect.objectContaining({ readPosition: 1, unread: [], highest: 1 }));

		// A corrects the decision: a new entry that refers to the old one, which stays as it was.
		const corrected = uniqueText('Besluit (gecorrigeerd): sporthal Zeewijk wordt opvanglocatie');
		await logEntry(a.page, 1).getByRole('button', { name: 'Corrigeren logregel 1' }).click();
		const correction = a.page.getByRole('form', { name: 'Correctie op logregel 1' });
		await expect(correction.getByLabel('Tekst')).toHaveValue(decision);
		await expect(correction.getByLabel('Soort')).toHaveValue('besluit');
		await correction.getByLabel('Tekst').fill(corrected);
		await correction.getByRole('button', { name: 'Correctie opslaan' }).click();
		await expect(a.page.getByRole('status').filter({ hasText: 'Logregel 2 is opgeslagen.' })).toBeVisible();
		await expect(correction).toHaveCount(0);
		for (const page of [a.page, b.page]) {
			await expect(logEntry(page, 2)).toContainText('Correctie op logregel 1');
			await expect(logEntry(page, 2)).toContainText(corrected);
			await expect(logEntry(page, 1)).toContainText(decision);
			await expect(logEntry(page, 1)).toContainText('Gecorrigeerd door logregel 2');
		}
		// A corrected entry cannot be corrected again in the page …
		await expect(logEntry(a.page, 1).getByRole('button', { name: /^Corrigeren/ })).toHaveCount(0);
		// … and B has one unread entry again: the correction.
		await expect(unreadBadge(b.page)).toHaveText(/^1\s+ongelezen$/);
		await expect(logEntry(b.page, 2).getByText('Nieuw', { exact: true })).toBeVisible();
		const log = await apiGetLog(a.context.request, incident.id);
		expect(log.entries).toHaveLength(2);
		const [original, correctionEntry] = log.entries as [ApiLogEntry, ApiLogEntry];
		expect(original).toEqual(
			expect.objectContaining({ number: 1, text: decision, kind: 'besluit', corrects: null, correctedBy: expect.objectContaining({ number: 2 }), exercise: true })
		);
		expect(correctionEntry).toEqual(
			expect.objectContaining({ number: 2, text: corrected, corrects: expect.objectContaining({ number: 1, id: original.id }), exercise: true })
		);
		// Through the API as well: a second correction of entry 1 is refused, in Dutch.
		const again = await a.context.request.post(`/api/v1/incidents/${incident.id}/log`, {
			data: { kind: 'besluit', discipline: 'algemeen', text: 'Nog een correctie', correctsId: original.id }
		});
		const refused = await expectApiError(again, 409, 'already_corrected');
		expect(refused.error.message).toContain('Logregel 1 is al gecorrigeerd door logregel 2');

		// B logs a report; only the crisis team verifies it (never its own entries).
		const report = uniqueText('Melding: 40 bewoners Zeewijk melden zich bij de sporthal');
		const reportNumber = await writeEntry(b.page, { text: report });
		expect(reportNumber).toBe(3);
		await expect(logEntry(b.page, 3)).toContainText('Bevolkingszorg'); // B's default discipline
		await expect(b.page.getByRole('button', { name: /^Verifiëren/ })).toHaveCount(0);
		await expect(logEntry(a.page, 3)).toContainText(report);
		await expect(logEntry(a.page, 1).getByRole('button', { name: /^Verifiëren/ })).toHaveCount(0);
		await logEntry(a.page, 3).getByRole('button', { name: 'Verifiëren logregel 3' }).click();
		await expect(a.page.getByRole('status').filter({ hasText: 'Logregel 3 is geverifieerd.' })).toBeVisible();
		await expect(logEntry(a.page, 3)).toContainText(`Geverifieerd door ${a.user.name}`);
		await expect(logEntry(a.page, 3).getByRole('button', { name: /^Verifiëren/ })).toHaveCount(0);
		// B sees the verification live.
		await expect(logEntry(b.page, 3)).toContainText(`Geverifieerd door ${a.user.name}`);
		await expect(logEntry(b.page, 1)).toContainText('Niet geverifieerd');
		expect(await bUnchanged(), 'B bleef op dezelfde pagina').toBe(true);
		expect(await aUnchanged(), 'A bleef op dezelfde pagina').toBe(true);

		// The API refuses a second verification and verifying one's own entry, in Dutch.
		const entries = (await apiGetLog(a.context.request, incident.id)).entries as [ApiLogEntry, ApiLogEntry, ApiLogEntry];
		expect(entries).toHaveLength(3);
		expect(entries[2]).toEqual(expect.objectContaining({ number: 3, verified: expect.objectContaining({ by: expect.objectContaining({ id: a.user.id }) }) }));
		const twice = await a.context.request.post(`/api/v1/incidents/${incident.id}/log/${entries[2].id}/verify`);
		expect((await expectApiError(twice, 409, 'already_verified')).error.message).toBe('Logregel 3 is al geverifieerd.');
		const own = await a.context.request.post(`/api/v1/incidents/${incident.id}/log/${entries[0].id}/verify`);
		expect((await expectApiError(own, 400, 'own_entry')).error.message).toContain('eigen logregel');
		const notAllowed = await b.context.request.post(`/api/v1/incidents/${incident.id}/log/${entries[1].id}/verify`);
		expect((await expectApiError(notAllowed, 403)).error.message).toContain('verifieert');
	});

	test('filters op soort en discipline maken de lijst kleiner', async ({ request }) => {
		const incident = await newExercise(request, 'Logboek filters');
		const texts = {
			besluitAlgemeen: uniqueText('Besluit: GRIP 2 afkondigen'),
			actieBz: uniqueText('Actie: opvang inrichten in sporthal'),
			meldingBw: uniqueText('Melding: brand meester'),
			besluitBz: uniqueText('Besluit: verwanteninformatie via 0800-nummer')
		};
		await apiAddLogEntry(a.context.request, incident.id, { text: texts.besluitAlgemeen, kind: 'besluit', discipline: 'algemeen' });
		await apiAddLogEntry(a.context.request, incident.id, { text: texts.actieBz, kind: 'actie', discipline: 'bevolkingszorg' });
		await apiAddLogEntry(a.context.request, incident.id, { text: texts.meldingBw, kind: 'melding', discipline: 'brandweer' });
		await apiAddLogEntry(a.context.request, incident.id, { text: texts.besluitBz, kind: 'besluit', discipline: 'bevolkingszorg' });

		await openLogbook(b.page, incident);
		const filters = b.page.getByRole('group', { name: 'Filters' });
		const heading = b.page.getByRole('heading', { name: /^Logregels/ });
		await expect(logList(b.page)).toHaveCount(4);
		await expect(heading).toHaveText(/Logregels\s*4/);
		expect(await shownNumbers(b.page)).toEqual([4, 3, 2, 1]); // newest first

		await filters.getByLabel('Soort').selectOption('besluit');
		await expect(logList(b.page)).toHaveCount(2);
		expect(await shownNumbers(b.page)).toEqual([4, 1]);
		await expect(heading).toHaveText(/Logregels\s*2/);

		await filters.getByLabel('Discipline').selectOption('bevolkingszorg');
		await expect(logList(b.page)).toHaveCount(1);
		await expect(logList(b.page).first()).toContainText(texts.besluitBz);

		await filters.getByLabel('Soort').selectOption('');
		await expect(logList(b.page)).toHaveCount(2);
		expect(await shownNumbers(b.page)).toEqual([4, 2]);

		await filters.getByLabel('Soort').selectOption('oordeel');
		await expect(logList(b.page)).toHaveCount(0);
		await expect(b.page.getByText('Geen logregels die aan het filter voldoen.')).toBeVisible();

		// Back to everything; "alleen ongelezen" after reading shows nothing, a new entry comes in.
		await filters.getByLabel('Soort').selectOption('');
		await filters.getByLabel('Discipline').selectOption('');
		await expect(logList(b.page)).toHaveCount(4);
		await b.page.getByRole('button', { name: 'Markeer als gelezen' }).click();
		await expect(b.page.getByText('Alles gelezen.')).toBeVisible();
		await filters.getByLabel('Alleen ongelezen').check();
		await expect(logList(b.page)).toHaveCount(0);
		const fresh = uniqueText('Melding: nieuwe aanmeldingen bij de opvang');
		await apiAddLogEntry(a.context.request, incident.id, { text: fresh, kind: 'melding', discipline: 'bevolkingszorg' });
		await expect(logList(b.page)).toHaveCount(1);
		await expect(logList(b.page).first()).toContainText(fresh);

		// The same filters through the API.
		const filtered = await apiGetLog(b.context.request, incident.id, '?soort=besluit&discipline=bevolkingszorg');
		expect(filtered.entries.map((e) => e.text)).toEqual([texts.besluitBz]);
		const two = await apiGetLog(b.context.request, incident.id, '?soort=besluit,actie');
		expect(two.entries.map((e) => e.number)).toEqual([1, 2, 4]);
		const bad = await b.context.request.get(`/api/v1/incidents/${incident.id}/log?soort=onzin`);
		expect((await expectApiError(bad, 400, 'validation_failed')).error.message).toContain('Onbekend soort logregel');
	});

	test('een waarnemer leest het logboek live mee maar heeft geen formulier', async ({ browser, request }) => {
		const incident = await newExercise(request, 'Logboek waarnemer');
		const first = uniqueText('Melding: rookontwikkeling bij Velsen-Noord');
		await apiAddLogEntry(a.context.request, incident.id, { text: first, kind: 'melding', discipline: 'brandweer' });
		const observer = await loggedInContext(browser, demoEmail('waarnemer', 'velsen'));
		try {
			await openLogbook(observer.page, incident);
			await expect(logEntry(observer.page, 1)).toContainText(first);
			await expect(logEntry(observer.page, 1).getByText('OEFENING', { exact: true })).toBeVisible();
			await expect(newEntryForm(observer.page)).toHaveCount(0);
			await expect(observer.page.getByRole('button', { name: 'Logregel toevoegen' })).toHaveCount(0);
			await expect(observer.page.getByText('Je leest dit logboek mee')).toBeVisible();
			await expect(observer.page.getByRole('button', { name: /^(Corrigeren|Verifiëren)/ })).toHaveCount(0);
			await expect(unreadBadge(observer.page)).toHaveText(/^1\s+ongelezen$/);

			// A new entry reaches the observer live.
			const unchanged = await markDocument(observer.page);
			const second = uniqueText('Besluit: woningen Velsen-Noord ramen en deuren sluiten');
			await apiAddLogEntry(a.context.request, incident.id, { text: second, kind: 'besluit' });
			await expect(logEntry(observer.page, 2)).toContainText(second);
			await expect(unreadBadge(observer.page)).toHaveText(/^2\s+ongelezen$/);
			expect(await unchanged()).toBe(true);

			// The server refuses the observer's writes, in Dutch; nothing is written.
			const write = await observer.context.request.post(`/api/v1/incidents/${incident.id}/log`, {
				data: { kind: 'melding', discipline: 'algemeen', text: 'Mag dit?' }
			});
			expect((await expectApiError(write, 403, 'forbidden')).error.message).toContain('je leest alleen mee');
			expect((await apiGetLog(a.context.request, incident.id)).highest).toBe(2);
			// Reading is for every reader.
			await observer.page.getByRole('button', { name: 'Markeer als gelezen' }).click();
			await expect(unreadBadge(observer.page)).toHaveCount(0);
		} finally {
			await observer.context.close();
		}
	});

	test('een lege logregel wordt geweigerd met een Nederlandse melding en niets opgeslagen', async ({ request }) => {
		const incident = await newExercise(request, 'Logboek lege tekst');
		await openLogbook(a.page, incident);
		const form = newEntryForm(a.page);
		await form.getByLabel('Soort').selectOption('besluit');
		await form.getByLabel('Tekst').fill('   ');
		await form.getByRole('button', { name: 'Logregel toevoegen' }).click();

		const alert = form.getByRole('alert').first();
		await expect(alert).toContainText('Vul de tekst van de logregel in');
		await expect(alert).toContainText('een lege logregel wordt niet opgeslagen');
		// The field itself says what is wrong, next to it.
		await expect(form.locator('#log-nieuw-tekst-fout')).toHaveText(/Vul de tekst van de logregel in/);
		await expect(a.page.getByText('Nog geen logregels.')).toBeVisible();
		await expect(logList(a.page)).toHaveCount(0);
		expect((await apiGetLog(a.context.request, incident.id)).entries).toEqual([]);

		// Through the API: empty text, an unknown kind, a time in the future; all 400 in Dutch.
		const empty = await a.context.request.post(`/api/v1/incidents/${incident.id}/log`, { data: { kind: 'melding', discipline: 'algemeen', text: '' } });
		const emptyBody = await expectApiError(empty, 400, 'validation_failed');
		expect(emptyBody.error.fields).toEqual([expect.objectContaining({ field: 'text', message: expect.stringContaining('Vul de tekst van de logregel in') })]);
		const kind = await a.context.request.post(`/api/v1/incidents/${incident.id}/log`, { data: { kind: 'roddel', discipline: 'algemeen', text: 'x' } });
		expect((await expectApiError(kind, 400, 'validation_failed')).error.message).toContain('Onbekend soort logregel');
		const future = new Date(Date.now() + 60 * 60_000).toISOString();
		const later = await a.context.request.post(`/api/v1/incidents/${incident.id}/log`, {
			data: { kind: 'melding', discipline: 'algemeen', text: 'Uit de toekomst', happenedAt: future }
		});
		expect((await expectApiError(later, 400)).error.message).toContain('in de toekomst');
		expect((await apiGetLog(a.context.request, incident.id)).highest).toBe(0);

		// After fixing the text the same form saves.
		const text = uniqueText('Besluit: persconferentie om 16:00');
		await form.getByLabel('Tekst').fill(text);
		await form.getByRole('button', { name: 'Logregel toevoegen' }).click();
		await expect(logEntry(a.page, 1)).toContainText(text);
		await expect(form.getByRole('alert')).toHaveCount(0);
	});

	test('zonder verbinding gemist: na terugkomst alle drie, op volgorde, één keer, met "gemiste wijzigingen"', async ({ request }) => {
		const incident = await newExercise(request, 'Logboek offline');
		const network = new NetworkSwitch(b.context);
		await network.install();
		await Promise.all([openLogbook(a.page, incident), openLogbook(b.page, incident)]);
		const bUnchanged = await markDocument(b.page);
		await expect(b.page.getByTestId('viewers')).toContainText(a.user.name);

		await network.goOffline();
		await expect(connectionBadge(b.page)).toHaveAttribute('data-connection-state', /^(offline|opnieuw verbinden)$/);
		await expect(b.page.getByRole('alert').filter({ hasText: 'Geen live-verbinding' })).toBeVisible();
		// The server saw B go: A no longer sees B looking at this incident.
		await expect(a.page.getByTestId('viewers')).not.toContainText(b.user.name);

		// Meanwhile A logs three entries.
		const texts = [
			uniqueText('Gemist 1: wegafsluiting Zeeweg'),
			uniqueText('Gemist 2: bussen naar opvanglocatie'),
			uniqueText('Gemist 3: eerste evacués aangekomen')
		];
		for (const [i, text] of texts.entries()) expect(await writeEntry(a.page, { text, kind: 'actie' })).toBe(i + 1);
		await expect(logList(b.page)).toHaveCount(0);
		await expect(connectionBadge(b.page)).not.toHaveAttribute('data-connection-state', 'verbonden');

		await network.goOnline();

		await expectConnected(b.page);
		await expect(b.page.getByRole('status').filter({ hasText: /\b3\s+gemiste wijzigingen\s+opgehaald/ })).toBeVisible();
		await expect(b.page.getByText('Geen live-verbinding')).toHaveCount(0);
		// All three, once each, in number order (newest on top), with the texts in the order logged.
		await expect(logList(b.page)).toHaveCount(3);
		expect(await shownNumbers(b.page)).toEqual([3, 2, 1]);
		for (const [i, text] of texts.entries()) {
			await expect(logList(b.page).filter({ hasText: text })).toHaveCount(1);
			await expect(logEntry(b.page, i + 1)).toContainText(text);
		}
		await expect(unreadBadge(b.page)).toHaveText(/^3\s+ongelezen$/);
		expect(await bUnchanged(), 'bijgewerkt zonder de pagina te herladen').toBe(true);
		await expect(a.page.getByTestId('viewers')).toContainText(b.user.name);

		// Live again: the next entry arrives directly, nothing doubles.
		const fourth = uniqueText('Na herstel: opvang vol');
		await writeEntry(a.page, { text: fourth });
		await expect(logEntry(b.page, 4)).toContainText(fourth);
		await expect(logList(b.page)).toHaveCount(4);
		expect(await shownNumbers(b.page)).toEqual([4, 3, 2, 1]);
		await expect(unreadBadge(b.page)).toHaveText(/^4\s+ongelezen$/);
	});

	test('toegankelijkheid van het logboek (WCAG 2.2 AA, axe)', async ({ request }) => {
		const incident = await newExercise(request, 'Logboek axe');
		const first = await apiAddLogEntry(a.context.request, incident.id, { text: uniqueText('Besluit: opvang openen'), kind: 'besluit' });
		await apiAddLogEntry(a.context.request, incident.id, { text: 'Correctie: opvang in sporthal Zeewijk', kind: 'besluit', correctsId: first.id });
		await apiAddLogEntry(a.context.request, incident.id, { text: uniqueText('Melding: 20 aanmeldingen'), discipline: 'bevolkingszorg' });
		// A writer with unread entries (the "Nieuw" marks, the unread badge, the form).
		await openLogbook(b.page, incident);
		await expect(logList(b.page)).toHaveCount(3);
		await expect(unreadBadge(b.page)).toBeVisible();
		await expectNoAxeViolations(b.page);
		// With an error in the form.
		await newEntryForm(b.page).getByRole('button', { name: 'Logregel toevoegen' }).click();
		await expect(newEntryForm(b.page).getByRole('alert').first()).toBeVisible();
		await expectNoAxeViolations(b.page);
		// The crisis team, with a correction form open and verify buttons.
		await openLogbook(a.page, incident);
		await logEntry(a.page, 3).getByRole('button', { name: 'Corrigeren logregel 3' }).click();
		await expect(a.page.getByRole('form', { name: 'Correctie op logregel 3' })).toBeVisible();
		await expectNoAxeViolations(a.page);
	});
});
