// A Bibob screening from opening to decision in Chromium: the officer logs in with TOTP, opens a
// screening on an event application, records parties, questionnaire, findings, asks the LBB for
// advice (a decision before it is refused), records the advice, an intention and the zienswijze,
// and decides. Meanwhile the application is blocked (bibob_status 'loopt'), and a colleague's
// overview follows every change live. The permit officer sees only "Bibob-toets loopt", cannot
// decide (page and API), and decides once the screening is done.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectConnected, loggedInContext, markDocument } from './support/app';
import { DEMO_PASSWORD, demoEmail } from './support/env';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { bibobApiLogin, bibobFormLogin, bibobStatusOf, ensureColleague, insertEventApplication, newUnenrolledOfficer } from './support/bibob';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
	expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

/** A date N days from today in Amsterdam, as a date field wants it. */
function localDate(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

test.describe('Bibob', () => {
	test('zonder tweede factor geen sessie; met een verkeerde code een Nederlandse melding', async ({ page, request }) => {
		const email = demoEmail('bibob', 'velsen');
		const api = await request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD } });
		expect(api.status()).toBe(401);
		expect((await api.json()).error).toMatchObject({ code: 'second_factor_required', message: expect.stringMatching(/tweede factor verplicht/) });
		expect((await request.get('/api/v1/me')).status()).toBe(401);

		await page.goto('/inloggen');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect(page).toHaveURL(/\/inloggen\/tweede-factor/);
		// The password alone opens nothing.
		await page.goto('/bibob');
		await expect(page).toHaveURL(/\/inloggen/);
		await page.goto('/inloggen/tweede-factor');
		await page.getByLabel('Code of herstelcode').fill('000000');
		await page.getByRole('button', { name: 'Bevestigen' }).click();
		await expect(page.getByRole('alert')).toContainText('De code is onjuist');
		await expectNoAxeViolations(page);
	});

	test('een nieuwe Bibob-functionaris koppelt een authenticator-app en krijgt herstelcodes', async ({ page, request }) => {
		const email = await newUnenrolledOfficer('heemskerk');
		const api = await request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD, totp: '123456' } });
		expect((await api.json()).error.code).toBe('second_factor_enrolment_required');

		await page.goto('/inloggen?naar=%2Fbibob');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect(page).toHaveURL(/\/inloggen\/tweede-factor\/instellen/);
		await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
		await expectNoAxeViolations(page);
		const secret = decodeBase32IgnorePadding((await page.getByTestId('totp-geheim').textContent())!.replace(/\s+/g, ''));
		await page.getByLabel('Code uit de app').fill('000000');
		await page.getByRole('button', { name: 'Koppelen en inloggen' }).click();
		await expect(page.getByRole('alert')).toContainText('De code is onjuist');
		await page.getByLabel('Code uit de app').fill(generateHOTP(secret, BigInt(Math.floor(Date.now() / 30_000)), 6));
		await page.getByRole('button', { name: 'Koppelen en inloggen' }).click();
		await expect(page.getByTestId('herstelcodes').getByRole('listitem')).toHaveCount(10);
		await page.getByRole('link', { name: 'Verder naar Paraat' }).click();
		await expect(page).toHaveURL('/bibob');
		await expect(page.getByRole('heading', { name: 'Heemskerk' })).toBeVisible();
	});

	test('een toets van opening tot besluit; de aanvraag is geblokkeerd en een collega ziet het live', async ({ browser }) => {
		test.setTimeout(180_000);
		const application = await insertEventApplication('haarlem', `Strandfeest E2E ${Date.now().toString(36)}`);
		const officerEmail = demoEmail('bibob', 'haarlem');
		const colleagueEmail = await ensureColleague('haarlem');

		const colleagueContext = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		await bibobApiLogin(colleagueContext.request, colleagueEmail);
		const colleague = await colleagueContext.newPage();
		await colleague.goto('/bibob');
		await expectConnected(colleague);
		const unchanged = await markDocument(colleague);

		const officerContext = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		const page = await officerContext.newPage();
		const permitOfficer = await loggedInContext(browser, demoEmail('vergunningverlener', 'haarlem'));
		try {
			await bibobFormLogin(page, officerEmail);
			await expect(page.getByRole('heading', { name: 'Bibob-toetsen' })).toBeVisible();
			await expectNoAxeViolations(page);

			// Open the screening on the application.
			await page.getByRole('link', { name: 'Nieuwe Bibob-toets' }).click();
			await page.getByLabel('Evenementenaanvraag').selectOption(application.id);
			await page.getByLabel('Aanvrager (betrokkene)').fill('Strandfeest Events B.V.');
			await page.getByLabel(/Oorspronkelijke beslistermijn/).fill(localDate(30));
			await page.getByRole('button', { name: 'Toets openen' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toContainText(application.reference);
			await expect(page.getByTestId('stand')).toHaveText('Eigen onderzoek');
			const fileUrl = page.url();
			const fileId = fileUrl.split('/').at(-1)!;

			// The permit is blocked; everyone else learns only that a screening runs.
			expect(await bibobStatusOf(application.id)).toBe('loopt');
			const permitPage = permitOfficer.page;
			await permitPage.goto(`/evenementen/${application.id}`);
			await expect(permitPage.getByTestId('bibob')).toHaveText('Bibob-toets loopt');
			await expect(permitPage.getByText('Er loopt een Bibob-toets voor deze aanvraag; een besluit kan pas als die is afgerond.')).toBeVisible();
			await expect(permitPage.getByRole('button', { name: 'Besluit vastleggen' })).toHaveCount(0);
			const current = (await (await permitOfficer.context.request.get(`/api/v1/events/${application.id}`)).json()) as { version: number };
			const blocked = await permitOfficer.context.request.post(`/api/v1/events/${application.id}/decision`, {
				data: { version: current.version, decision: 'verleend', reason: 'Alles in orde' }
			});
			expect(blocked.status()).toBe(409);
			expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('bibob_pending');
			// The colleague's overview shows it without a reload.
			const row = colleague.locator(`tr[data-file="${fileId}"]`);
			await expect(row).toContainText(application.reference);
			await expect(row.getByTestId('stand')).toHaveText('Eigen onderzoek');

			// Parties: an organisation with a KvK number (a wrong one is refused next to the field), a person with a role.
			await page.getByLabel('Naam', { exact: true }).fill('Strandfeest Events B.V.');
			await page.getByLabel('KvK-nummer (8 cijfers)').fill('1234');
			await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
			await expect(page.locator('#partij-kvk-fout')).toHaveText('Een KvK-nummer bestaat uit 8 cijfers.');
			await page.getByLabel('KvK-nummer (8 cijfers)').fill('12345678');
			await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
			await expect(page.getByTestId('betrokkenen')).toContainText('KvK 12345678');
			await page.getByLabel('Soort', { exact: true }).selectOption('persoon');
			await page.getByLabel('Naam', { exact: true }).fill('P. Financier');
			await page.getByLabel('Rol').selectOption('financier');
			await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
			await expect(page.getByTestId('betrokkenen')).toContainText('P. Financier — Financier');

			// Questionnaire, an answer by form question number, a finding, the conclusion.
			await page.getByLabel('Verstuurd op', { exact: true }).first().fill(localDate(0));
			await page.getByRole('button', { name: 'Vragenlijst vastleggen' }).click();
			await expect(page.getByTestId('vragenlijst')).toContainText('nog niet ontvangen');
			await page.getByLabel('Onderdeel').selectOption('financiering');
			await page.getByLabel('Vraagnummer(s) op het formulier').fill('4.1, 4.2');
			await page.getByLabel('Samenvatting van het antwoord').fill('Lening van P. Financier zonder overeenkomst');
			await page.getByRole('button', { name: 'Antwoord vastleggen' }).click();
			await expect(page.getByText('Vraag 4.1, 4.2')).toBeVisible();
			await page.getByLabel('Indicator').selectOption('herkomst_vermogen');
			await page.getByLabel('Bevinding').fill('Herkomst van de lening onduidelijk');
			await page.getByLabel('Bron').fill('Jaarrekening 2025');
			await page.getByLabel('Datum', { exact: true }).first().fill(localDate(0));
			await page.getByRole('button', { name: 'Bevinding vastleggen' }).click();
			await expect(page.getByTestId('bevindingen')).toContainText('Onduidelijke herkomst van vermogen');
			await page.getByLabel('Conclusie', { exact: true }).selectOption('advies_lbb');
			await page.getByLabel('Onderbouwing').fill('Herkomst niet te verklaren: advies LBB');
			await page.getByRole('button', { name: 'Conclusie vastleggen' }).click();
			await expect(page.getByTestId('conclusie')).toContainText('advies LBB vragen');

			// LBB advice requested: the decision term is suspended, a decision is refused.
			await page.getByRole('button', { name: 'Adviesaanvraag vastleggen' }).click();
			await expect(page.getByTestId('stand')).toHaveText('Wacht op LBB-advies');
			await expect(page.getByTestId('beslisdatum')).toBeVisible();
			await expect(row.getByTestId('stand')).toHaveText('Wacht op LBB-advies');
			// The file shows one step at a time: the investigation is a summary now, the decision only an outline entry.
			await expect(page.getByTestId('stappen')).toContainText('Advies Landelijk Bureau Bibob: nu aan de beurt');
			await expect(page.getByTestId('stappen')).toContainText('Besluit: volgt');
			await expect(page.getByRole('button', { name: 'Besluit vastleggen' })).toHaveCount(0);
			await expect(page.getByRole('button', { name: 'Bevinding vastleggen' })).toHaveCount(0);
			await expect(page.getByTestId('bevindingen')).toContainText('Onduidelijke herkomst van vermogen');
			expect(await bibobStatusOf(application.id)).toBe('loopt');

			await page.getByLabel('Conclusie van het advies').selectOption('mindere_mate');
			await page.getByLabel('Samenvatting', { exact: true }).fill('Mindere mate van gevaar');
			await page.getByRole('button', { name: 'Advies vastleggen' }).click();
			await expect(page.getByTestId('lbb')).toContainText('Mindere mate van gevaar');

			// Intention to attach conditions: during the zienswijze term a decision is refused.
			await page.getByLabel('Voornemen', { exact: true }).selectOption('voorschriften');
			await page.getByRole('button', { name: 'Voornemen vastleggen' }).click();
			await expect(page.getByTestId('voornemen')).toContainText('Zienswijze tot en met');
			await expect(row.getByTestId('stand')).toHaveText('Voornemen verstuurd, zienswijzetermijn');
			await expect(page.getByTestId('stappen')).toContainText('Besluit: volgt');
			await expect(page.getByRole('button', { name: 'Besluit vastleggen' })).toHaveCount(0);

			await page.getByLabel('Samenvatting van de zienswijze').fill('Aanvrager vervangt de financier');
			await page.getByRole('button', { name: 'Zienswijze vastleggen' }).click();
			await expect(page.getByTestId('voornemen')).toContainText('Aanvrager vervangt de financier');

			// The decision, with its proportionality weighing.
			await page.getByRole('combobox', { name: 'Besluit', exact: true }).selectOption('verlenen_met_voorschriften');
			await page.getByLabel('Motivering').fill('Mindere mate van gevaar; voorschriften volstaan');
			await page.getByLabel('Evenredigheidsafweging').fill('Weigeren zou onevenredig zijn: eenmalig evenement, financier vervangen');
			await page.getByLabel(/^Voorschriften/).fill('Geen financiering door P. Financier');
			await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
			await expect(page.getByTestId('besluit')).toContainText('Verlenen met voorschriften');
			await expect(page.getByTestId('stand')).toHaveText('Afgerond');
			expect(await bibobStatusOf(application.id)).toBe('afgerond');
			// The permit officer now decides; still without seeing anything of the file.
			await permitPage.reload();
			await expect(permitPage.getByTestId('bibob')).toHaveText('Bibob-toets afgerond');
			const decision = permitPage.getByRole('region', { name: 'Besluit' });
			await decision.getByRole('combobox', { name: 'Besluit' }).selectOption('verleend_met_voorschriften');
			await decision.getByLabel('Voorschriften', { exact: true }).fill('Geen financiering door P. Financier');
			await decision.getByLabel('Motivering').fill('Bibob-toets afgerond met voorschriften; evenement past binnen het beleid.');
			// The test application carries no site map: deciding anyway needs a reason (issue #16).
			await decision.getByLabel(/Reden om toch te besluiten/).fill('Situatietekening ligt ter inzage bij de gemeente.');
			await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
			await expect(permitPage.getByTestId('status')).toHaveText('Besluit genomen');
			await expect(row).toHaveCount(0);
			expect(await unchanged(), 'de collega hoefde niet te herladen').toBe(true);

			// A disclosure without a ground is refused; with one it is recorded.
			await page.getByLabel('Ontvanger', { exact: true }).selectOption('riec');
			await page.getByLabel('Naam van de ontvanger').fill('RIEC Noord-Holland');
			await page.getByLabel('Wat is verstrekt').fill('Bevindingen eigen onderzoek');
			await page.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
			await expect(page.locator('#vs-grond-fout')).toContainText('zonder grondslag');
			await page.getByLabel('Wettelijke grondslag').selectOption('riec');
			await page.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
			await expect(page.getByTestId('verstrekkingen')).toContainText('RIEC Noord-Holland');
			await expectNoAxeViolations(page);

			// The access report: the officer's page reads, and the colleague's none.
			await page.getByRole('link', { name: 'Toegangsverslag' }).click();
			await expect(page.getByTestId('inzage')).toContainText('Toegangsverslag');
			await expect(page.getByTestId('inzage')).toContainText('bibob.haarlem@paraat.test');
			await expect(page.getByTestId('inzage')).not.toContainText(colleagueEmail);
			await expectNoAxeViolations(page);

			// Another municipality's officer gets a plain 404 for the same address.
			const outsiderContext = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
			await bibobApiLogin(outsiderContext.request, demoEmail('bibob', 'zandvoort'));
			const outsider = await outsiderContext.newPage();
			const response = await outsider.goto(fileUrl);
			expect(response?.status()).toBe(404);
			await expect(outsider.getByText('Dit Bibob-dossier bestaat niet of je hebt er geen toegang toe.')).toBeVisible();
			await outsiderContext.close();
		} finally {
			await officerContext.close();
			await colleagueContext.close();
			await permitOfficer.context.close();
		}
	});
});
