// Issue 15 as a user tries it: a GHOR officer and a politie officer of different municipalities
// open the same incident, each writes their own part of the picture and sees the other's arrive
// without reloading; neither may write the other's part. A beheerder reads who may do what on
// /beheer/rechten, generated from the policy the server enforces.
import { test, expect } from '@playwright/test';
import { loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { expectNoAxeViolations, newExercise, openPicture, pictureSection } from './support/logbook';

test('GHOR en politie werken in hetzelfde incident en zien elkaars deel live', async ({ browser, request }) => {
	const incident = await newExercise(request, 'Multidisciplinair');
	const ghor = await loggedInContext(browser, demoEmail('ghor', 'haarlem'));
	const politie = await loggedInContext(browser, demoEmail('politie', 'velsen'));
	try {
		await Promise.all([openPicture(ghor.page, incident), openPicture(politie.page, incident)]);
		const politieUnchanged = await markDocument(politie.page);
		await expect(pictureSection(ghor.page, 'ghor').getByRole('button', { name: 'Bewerken GHOR' })).toBeVisible();
		await expect(pictureSection(ghor.page, 'politie').getByRole('button', { name: /^Bewerken/ })).toHaveCount(0);
		await expect(pictureSection(politie.page, 'ghor').getByRole('button', { name: /^Bewerken/ })).toHaveCount(0);

		const text = uniqueText('Twee gewonden naar het Spaarne Gasthuis; gewondennest bij de ingang.');
		const section = pictureSection(ghor.page, 'ghor');
		await section.getByRole('button', { name: 'Bewerken GHOR' }).click();
		await section.getByLabel('Tekst GHOR').fill(text);
		await section.getByRole('button', { name: 'Opslaan GHOR' }).click();
		await expect(section).toContainText(text);

		await expect(pictureSection(politie.page, 'ghor')).toContainText(text);
		expect(await politieUnchanged(), 'de politie kreeg het GHOR-deel live, zonder herladen').toBe(true);

		const refused = await politie.context.request.put(`/api/v1/incidents/${incident.id}/picture/ghor`, { data: { text: 'niet van mij', version: 1 } });
		expect(refused.status()).toBe(403);
	} finally {
		await ghor.context.close();
		await politie.context.close();
	}
});

test('de beheerder ziet op /beheer/rechten wie wat mag; een ander krijgt 403', async ({ browser }) => {
	const beheerder = await loggedInContext(browser, demoEmail('beheerder'));
	const waarnemer = await loggedInContext(browser, demoEmail('waarnemer', 'haarlem'));
	try {
		await beheerder.page.goto('/beheer/rechten');
		await expect(beheerder.page.getByRole('heading', { name: 'Rechten', level: 1 })).toBeVisible();
		const row = beheerder.page.getByRole('row', { name: /Beeld: deel GHOR schrijven/ });
		await expect(row).toContainText('alleen in oefeningen');
		await expectNoAxeViolations(beheerder.page);
		const denied = await waarnemer.page.goto('/beheer/rechten');
		expect(denied?.status()).toBe(403);
	} finally {
		await beheerder.context.close();
		await waarnemer.context.close();
	}
});
