// Notifications in Chromium on the demo (no SMTP: mail goes to the in-app mailbox): a task assigned
// by the crisis team reaches the assignee's "Mijn post" by the app's own outbox worker, and no one
// else's; a user changes what reaches them; the regional beheerder follows the outbox without
// message bodies. Pages axe-clean.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectHydrated, loggedInContext, uniqueText } from './support/app';
import { apiCreateIncident, apiCreateTask } from './support/crisis';
import { demoEmail } from './support/env';

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
	expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

test('een toegewezen taak komt als e-mail in Mijn post van wie hem krijgt, en van niemand anders', async ({ browser }) => {
	const crisis = await loggedInContext(browser, 'crisisteam@paraat.test');
	const assignee = await loggedInContext(browser, demoEmail('bevolkingszorg', 'uitgeest'));
	const other = await loggedInContext(browser, demoEmail('bevolkingszorg', 'heemstede'));
	try {
		const title = uniqueText('Opvanglocatie inrichten');
		const incident = await apiCreateIncident(crisis.context.request, { title: uniqueText('Oefening post'), municipalities: ['uitgeest'] });
		await apiCreateTask(crisis.context.request, incident.id, { title, assigneeId: assignee.user.id, priority: 'hoog' });

		await assignee.page.goto('/mijn-account/post');
		await expect(assignee.page.getByRole('heading', { level: 1 })).toHaveText('Mijn post');
		// The worker sends every second; the page shows what has been delivered.
		await expect(async () => {
			await assignee.page.reload();
			await expect(assignee.page.getByTestId('post').filter({ hasText: title })).toHaveCount(1, { timeout: 1_000 });
		}).toPass({ timeout: 20_000 });
		const mail = assignee.page.getByTestId('post').filter({ hasText: title });
		await expect(mail.getByRole('heading')).toHaveText(`OEFENING — Taak voor jou: ${title}`);
		await expect(mail).toContainText('heeft je de taak');
		await expect(mail).toContainText(`/crisis/${incident.id}`);
		await expectNoAxeViolations(assignee.page);
		await mail.getByRole('link', { name: /Openen in Paraat/ }).click();
		await expect(assignee.page).toHaveURL(new RegExp(`/crisis/${incident.id}`));

		await other.page.goto('/mijn-account/post');
		await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('Mijn post');
		await expect(other.page.getByText(title)).toHaveCount(0);
	} finally {
		await crisis.context.close();
		await assignee.context.close();
		await other.context.close();
	}
});

test('je kiest per soort melding e-mail en push; alarmeringen komen altijd', async ({ browser }) => {
	const { context, page } = await loggedInContext(browser, demoEmail('bevolkingszorg', 'bloemendaal'));
	try {
		await page.goto('/mijn-account/meldingen');
		await expectHydrated(page);
		await expect(page.getByRole('row', { name: /Alarmering/ })).toContainText('altijd');
		const email = page.getByRole('checkbox', { name: 'E-mail bij taak aan mij toegewezen' });
		await expect(email).toBeChecked();
		await email.uncheck();
		await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Je keuzes zijn opgeslagen.' })).toBeVisible();
		await page.reload();
		await expect(page.getByRole('checkbox', { name: 'E-mail bij taak aan mij toegewezen' })).not.toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Push bij taak aan mij toegewezen' })).toBeChecked();
		await expectNoAxeViolations(page);
		// Back as it was, for other runs.
		await page.getByRole('checkbox', { name: 'E-mail bij taak aan mij toegewezen' }).check();
		await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Je keuzes zijn opgeslagen.' })).toBeVisible();
	} finally {
		await context.close();
	}
});

test('de regionale beheerder volgt de uitgaande berichten, zonder de inhoud', async ({ browser }) => {
	const region = await loggedInContext(browser, 'beheerder@paraat.test');
	const municipal = await loggedInContext(browser, demoEmail('beheerder', 'haarlem'));
	try {
		await region.page.goto('/beheer/berichten-uit?stand=verzonden');
		await expect(region.page.getByRole('heading', { level: 1 })).toHaveText('Uitgaande berichten');
		await expect(region.page.getByText('Demo: e-mail gaat niet naar buiten')).toBeVisible();
		await expect(region.page.getByTestId('tellingen')).toContainText('verzonden');
		await expect(region.page.getByTestId('uitgaand-bericht').first()).toBeVisible({ timeout: 20_000 });
		// Subjects, never bodies: the body's sentence "heeft je de taak" is not on the page.
		await expect(region.page.getByText('heeft je de taak')).toHaveCount(0);
		await expectNoAxeViolations(region.page);

		const refused = await municipal.page.goto('/beheer/berichten-uit');
		expect(refused?.status()).toBe(403);
	} finally {
		await region.context.close();
		await municipal.context.close();
	}
});
