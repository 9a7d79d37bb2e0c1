// Shared steps of the event application specs.
import { expect, type Page } from '@playwright/test';

/** A `datetime-local` value `days` from now at `time`, as the officer types it (Europe/Amsterdam). */
export function localInput(days: number, time: string): string {
	const d = new Date(Date.now() + days * 86_400_000);
	const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
	return `${date}T${time}`;
}

/**
 * Fills the new-application form with a festival that scores class C (peak 20 000 → floor C)
 * and saves it as a concept; ends on the detail page.
 */
export async function fileClassCFestival(page: Page, name: string): Promise<void> {
	// Through the list, as an officer goes: the form is then a hydrated client-side page.
	await page.goto('/evenementen');
	await page.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
	await expect(page.getByRole('heading', { name: 'Nieuwe evenementaanvraag' })).toBeVisible();
	await page.getByLabel('Naam van het evenement').fill(name);
	await page.getByLabel('Begin').fill(localInput(120, '12:00'));
	await page.getByLabel('Einde').fill(localInput(120, '23:00'));
	await page.getByLabel('Totaal aantal bezoekers').fill('30000');
	await page.getByLabel('Piekbezetting (tegelijk aanwezig)').fill('20000');
	await page.getByLabel('Contactpersoon').fill('Jan Jansen');
	await page.getByLabel('Organisatie').fill('Stichting Haarlemmerhout Live');
	await page.getByLabel('KvK-nummer').fill('87654321');
	await page.getByLabel('E-mailadres').fill('jan@example.nl');
	await page.getByLabel('Adres of locatie').fill('Haarlemmerhout, Haarlem');
	await page.getByLabel('Bruikbare oppervlakte (m²)').fill('40000');
	await page.getByLabel('Alcohol').selectOption('limited');
	await page.getByLabel('Versterkte muziek').check();
	await page.getByLabel('Tijdelijke bouwwerken', { exact: false }).check();
	await page.getByLabel('Soort locatie').selectOption('park');
	await page.getByRole('button', { name: 'Opslaan als concept' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}
