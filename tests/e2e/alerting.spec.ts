// Alerting end to end (issue 23): the crisis team presses "Alarmeren" on an incident; the person on
// duty finds the alert in their mail, as a real recipient does (the demo has no SMTP server, so the
// outbox worker delivers it to the in-app mailbox, /mijn-account/post), and opens its "Ik kom" link
// in a browser without any session, sees the message and answers with an arrival time; the crisis
// team's attendance board shows "Gezien" and then "Komt" live, without a reload.
import { test, expect, type Browser } from '@playwright/test';
import { expectConnected, expectHydrated, loggedInContext, markDocument, uniqueText } from './support/app';
import { apiCreateIncident } from './support/crisis';
import { expectNoAxeViolations } from './support/logbook';
import { demoEmail } from './support/env';
import { KENNEMERLAND } from '../../src/lib/domain/region';

/**
 * The demo account with this id, logged in: the demo roster fills its shifts with the
 * municipalities' bevolkingszorg and crisis-team accounts, and the on-call API names only the id.
 */
async function loggedInAs(browser: Browser, userId: string) {
	for (const role of ['bevolkingszorg', 'crisisteam']) {
		for (const { code } of KENNEMERLAND) {
			const session = await loggedInContext(browser, demoEmail(role, code));
			if (session.user.id === userId) return session;
			await session.context.close();
		}
	}
	throw new Error(`geen demo-account met id ${userId}`);
}

/** A link of the mail's plain-text part, where each action is a line `<title>: <url>`. */
function actionLink(mailText: string, title: string): string {
	const match = new RegExp(`^${title}: (\\S+)$`, 'm').exec(mailText);
	expect(match, `de link "${title}" in de mail:\n${mailText}`).not.toBeNull();
	return match![1]!;
}

test('de crisisteam alarmeert, de OvD antwoordt met één tik zonder in te loggen, de opkomst volgt live', async ({ browser }) => {
	const team = await loggedInContext(browser, demoEmail('crisisteam'));
	// The link is opened in a browser that never logged in (a phone opening it from a mail or push).
	const phone = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
	let recipient: Awaited<ReturnType<typeof loggedInAs>> | undefined;
	try {
		const title = uniqueText('Duinbrand Alarmtest');
		const incident = await apiCreateIncident(team.context.request, { title });

		// Who is on duty now: the demo roster has someone for every function at every hour.
		const onCall = await team.context.request.get('/api/v1/oncall');
		expect(onCall.status()).toBe(200);
		const duty = (await onCall.json()) as { function: string; userId: string; name: string; backupUserId: string | null }[];
		expect(duty.map((d) => d.function)).toEqual(expect.arrayContaining(['ovd_bz', 'ac_bz', 'informatiemanager', 'communicatieadviseur', 'tl_publieke_zorg']));
		const ovd = duty.find((d) => d.function === 'ovd_bz')!;
		expect(ovd.backupUserId).toBeTruthy();

		// "Alarmeren" on the incident leads to its alerting tab.
		await team.page.goto(`/crisis/${incident.id}`);
		await team.page.getByRole('link', { name: 'Alarmeren' }).click();
		await expect(team.page).toHaveURL(new RegExp(`/crisis/${incident.id}/opkomst$`));
		await expect(team.page.getByRole('link', { name: 'Alarmering en opkomst' })).toHaveAttribute('aria-current', 'page');
		await expectHydrated(team.page);
		await expectConnected(team.page);
		await expect(team.page.getByText('Er is voor dit incident nog niemand gealarmeerd.')).toBeVisible();
		await team.page.getByRole('checkbox', { name: /OvD Bevolkingszorg/ }).check();
		await team.page.getByLabel('Bericht').fill('Kom naar het CoPI bij Parnassia, ingang Zeeweg.');
		await team.page.getByRole('button', { name: 'Alarmeren' }).click();
		await expect(team.page.getByText('De alarmering is verstuurd.')).toBeVisible();
		const row = team.page.getByTestId(`opkomst-${ovd.userId}`);
		await expect(row).toContainText(ovd.name);
		await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'verzonden');
		await expectNoAxeViolations(team.page);
		const sameDocument = await markDocument(team.page);

		// The mail, as the OvD reads it in their own mailbox once the outbox worker has delivered it:
		// Dutch, OEFENING, with the two answers as links.
		recipient = await loggedInAs(browser, ovd.userId);
		const subject = `OEFENING — Alarmering OvD Bevolkingszorg: ${title}`;
		const mail = recipient.page.getByRole('article', { name: subject });
		await expect(async () => {
			await recipient!.page.goto('/mijn-account/post');
			await expect(mail).toHaveCount(1, { timeout: 1_000 });
		}).toPass({ timeout: 20_000 });
		await expect(mail).toContainText('Kom naar het CoPI bij Parnassia, ingang Zeeweg.');
		const mailText = (await mail.locator('.mail-text').textContent()) ?? '';
		const comeLink = actionLink(mailText, 'Ik kom');
		const cannotLink = actionLink(mailText, 'Ik kan niet');
		expect(new URL(comeLink).pathname).toBe('/alarm');
		expect(new URL(comeLink).searchParams.get('antwoord')).toBe('komt');
		// Reading the mail answers nothing.
		await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'verzonden');

		// Opening the "Ik kom" link shows the message and both buttons; the GET answers nothing.
		const page = await phone.newPage();
		await page.goto(comeLink);
		await expectHydrated(page);
		await expect(page.getByText('OEFENING', { exact: false }).first()).toBeVisible();
		await expect(page.getByText('Kom naar het CoPI bij Parnassia, ingang Zeeweg.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ik kom' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ik kan niet' })).toBeVisible();
		await expectNoAxeViolations(page);
		// Seen in a browser (its script ran): the board says so, live.
		await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'ontvangen');

		await page.getByLabel(/Over hoeveel minuten/).fill('15');
		await page.getByRole('button', { name: 'Ik kom' }).click();
		await expect(page.getByText('Bedankt, je antwoord is doorgegeven')).toBeVisible();
		expect((await phone.cookies()).filter((c) => c.name.includes('session'))).toEqual([]);

		// The board changes without a reload: "Komt", with the expected arrival.
		await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'komt');
		await expect(row).toContainText(/\d\d:\d\d/);
		expect(await sameDocument()).toBe(true);

		// The link is used up: a second visit says so in Dutch and offers no buttons.
		await page.goto(cannotLink);
		await expect(page.getByText('Deze link is al gebruikt')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ik kan niet' })).toHaveCount(0);

		// And it is in the logbook, marked as the exercise it is.
		const log = await team.context.request.get(`/api/v1/incidents/${incident.id}/log`);
		const entries = JSON.stringify(await log.json());
		expect(entries).toContain(`${ovd.name} (OvD Bevolkingszorg) komt, verwacht om`);
		expect(entries).toContain('Alarmering: OvD Bevolkingszorg');
	} finally {
		await team.context.close();
		await recipient?.context.close();
		await phone.close();
	}
});

test('een vervalste of onbekende link geeft een duidelijke Nederlandse pagina', async ({ page }) => {
	await page.goto('/alarm?code=' + 'a'.repeat(52));
	await expect(page.getByText('Deze link is ongeldig.')).toBeVisible();
	await page.goto('/alarm');
	await expect(page.getByText('Deze link is ongeldig.')).toBeVisible();
});
