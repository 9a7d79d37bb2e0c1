// Accessibility with the amounts of a long exercise: hundreds of log lines, a hundred and more
// tasks, and the audit rows all that writes. axe (WCAG 2.2 AA) must find nothing serious or
// critical on the incident pages, "Mijn taken" and the audit log, at desk and at phone width;
// the long audit table scrolls in a region the keyboard reaches.
import { test, expect } from '@playwright/test';
import { loggedInContext } from './support/app';
import { demoEmail } from './support/env';
import { apiCreateTask } from './support/crisis';
import { apiAddLogEntry, newExercise } from './support/logbook';
import { axeViolations, horizontalOverflow } from './support/pages';

const PROCESSES = ['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase'] as const;
const DISCIPLINES = ['algemeen', 'brandweer', 'ghor', 'politie', 'bevolkingszorg', 'communicatie'] as const;
const KINDS = ['melding', 'beeld', 'oordeel', 'besluit', 'actie'] as const;

/** Runs the jobs a few at a time: fast, without flooding the one app process. */
async function inBatches(count: number, size: number, job: (i: number) => Promise<unknown>): Promise<void> {
	for (let start = 0; start < count; start += size) {
		await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => job(start + k)));
	}
}

test('een lange oefening: axe vindt niets ernstigs op incident, logboek, evaluatie, mijn taken en auditlog', async ({ browser }) => {
	test.setTimeout(300_000);
	const crisis = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
	const beheerder = await loggedInContext(browser, demoEmail('beheerder'));
	try {
		const incident = await newExercise(crisis.context.request, 'Lange oefening');
		const activated = await crisis.context.request.post(`/api/v1/incidents/${incident.id}/bevolkingszorg`);
		expect(activated.status(), await activated.text()).toBeLessThan(300);
		await inBatches(120, 8, (i) =>
			apiCreateTask(crisis.context.request, incident.id, {
				title: `Taak ${i + 1} van de lange oefening`,
				process: PROCESSES[i % PROCESSES.length],
				description: `Uitvoeren en terugmelden aan het ROT (${i + 1}).`,
				priority: i % 7 === 0 ? 'urgent' : 'normaal',
				...(i % 3 === 0 ? { assigneeId: crisis.user.id } : {})
			})
		);
		await inBatches(320, 8, (i) =>
			apiAddLogEntry(crisis.context.request, incident.id, {
				kind: KINDS[i % KINDS.length],
				discipline: DISCIPLINES[i % DISCIPLINES.length],
				text: `Logregel ${i + 1}: situatie ter plaatse, ${i % 2 ? 'rookontwikkeling neemt af' : 'extra eenheden gevraagd'}.`
			})
		);

		const pages = [`/crisis/${incident.id}`, `/crisis/${incident.id}/logboek`, `/crisis/${incident.id}/evaluatie`, '/mijn-taken'];
		const problems: string[] = [];
		for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
			await crisis.page.setViewportSize(viewport);
			await beheerder.page.setViewportSize(viewport);
			for (const path of pages) {
				await crisis.page.goto(path);
				await expect(crisis.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
				await crisis.page.waitForLoadState('networkidle');
				for (const v of await axeViolations(crisis.page, 'serious')) problems.push(`${viewport.width} ${path}: ${v}`);
				if ((await horizontalOverflow(crisis.page)) > 0) problems.push(`${viewport.width} ${path}: breder dan het scherm`);
			}
			await beheerder.page.goto('/beheer/audit');
			await expect(beheerder.page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
			for (const v of await axeViolations(beheerder.page, 'serious')) problems.push(`${viewport.width} /beheer/audit: ${v}`);
		}
		expect(problems).toEqual([]);

		// The audit log really is long: at its 300 rows (header row + 300).
		const auditRows = beheerder.page.getByRole('region', { name: 'Auditlog' }).getByRole('row');
		await expect(auditRows).toHaveCount(301);
		// The audit table scrolls in its own region, which the keyboard reaches and scrolls.
		const region = beheerder.page.getByRole('region', { name: 'Auditlog' });
		await expect(region).toHaveAttribute('tabindex', '0');
		await region.focus();
		await expect(region).toBeFocused();
		await beheerder.page.keyboard.press('ArrowRight');
		await beheerder.page.keyboard.press('ArrowRight');
		await beheerder.page.keyboard.press('ArrowRight');
		expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	} finally {
		await crisis.context.close();
		await beheerder.context.close();
	}
});
