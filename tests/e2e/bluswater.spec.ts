// The bluswater board live in two browsers: a fire officer sends the proposed tanker to an
// exercise fire and reports it on scene; a colleague watching the same board sees the minutes
// of water left change without reloading, with the OEFENING mark.
import { test, expect, type APIRequestContext } from '@playwright/test';
import { apiLogin, expectConnected, loggedInContext, markDocument, uniqueText } from './support/app';
import { demoEmail } from './support/env';
import { apiCreateIncident } from './support/crisis';

interface ApiUnit {
	id: string;
	code: string;
	status: string;
	version: number;
}

async function apiUnit(request: APIRequestContext, code: string): Promise<ApiUnit> {
	const response = await request.get('/api/v1/bluswater/units');
	expect(response.status(), await response.text()).toBe(200);
	const unit = ((await response.json()) as { units: ApiUnit[] }).units.find((u) => u.code === code);
	expect(unit, `eenheid ${code}`).toBeTruthy();
	return unit!;
}

test.describe('bluswaterbord', () => {
	test('een officier zet een watertankwagen in; een collega ziet de minuten water veranderen', async ({ browser, request }) => {
		await apiLogin(request, demoEmail('crisisteam'));
		const incident = await apiCreateIncident(request, { title: uniqueText('OEFENING bluswater'), kind: 'oefening', municipalities: ['haarlem'] });
		const created = await request.post(`/api/v1/bluswater/incidents/${incident.id}/requests`, {
			data: { place: uniqueText('Grote Markt'), position: { lat: 52.3812, lon: 4.6365 } }
		});
		expect(created.status(), await created.text()).toBe(201);
		const waterRequest = (await created.json()) as { id: string; demandLpm: number };
		expect(waterRequest.demandLpm).toBe(500);

		const officer = await loggedInContext(browser, demoEmail('brandweer'));
		const colleague = await loggedInContext(browser, demoEmail('waarnemer'));
		try {
			await Promise.all([officer.page.goto('/bluswater'), colleague.page.goto('/bluswater')]);
			await Promise.all([expectConnected(officer.page), expectConnected(colleague.page)]);
			const unchanged = await markDocument(colleague.page);

			const seen = colleague.page.locator(`article[data-request="${waterRequest.id}"]`);
			await expect(seen.getByText('OEFENING', { exact: true })).toBeVisible();
			await expect(seen.getByTestId('minutes-left')).toHaveText('0 min');
			await expect(seen.getByTestId('water-gauge')).toHaveAttribute('data-gauge', 'rood');

			// The officer sends the proposed (nearest free) tanker.
			const card = officer.page.locator(`article[data-request="${waterRequest.id}"]`);
			const code = (await card.getByTestId('proposal').locator('strong').textContent())!.trim();
			await card.getByRole('button', { name: `${code} inzetten` }).click();
			await expect(card.locator(`li[data-unit="${code}"]`)).toBeVisible();
			await expect(seen.locator(`li[data-unit="${code}"]`)).toContainText('Gealarmeerd');

			// On scene: one full WTW at 500 l/min is 34 minutes of water.
			const row = officer.page.locator(`tr[data-unit="${code}"]`);
			await row.getByRole('combobox').selectOption('ter_plaatse');
			await row.getByRole('button', { name: /Opslaan/ }).click();
			await expect(seen.getByTestId('minutes-left')).toHaveText(/^3[34] min$/);
			await expect(seen.getByTestId('water-gauge')).toHaveAttribute('data-gauge', 'groen');
			expect(await unchanged(), 'de collega hoefde niet te herladen').toBe(true);

			// Clean up: the fire is out, the unit is free again.
			const current = await request.get(`/api/v1/bluswater/incidents/${incident.id}/requests`);
			const version = ((await current.json()) as { requests: { id: string; version: number }[] }).requests.find((r) => r.id === waterRequest.id)!.version;
			expect((await request.patch(`/api/v1/bluswater/requests/${waterRequest.id}`, { data: { version, ended: true } })).status()).toBe(200);
			const unit = await apiUnit(request, code);
			expect((await request.patch(`/api/v1/bluswater/units/${unit.id}/status`, { data: { version: unit.version, status: 'beschikbaar' } })).status()).toBe(200);
		} finally {
			await officer.context.close();
			await colleague.context.close();
		}
	});
});
