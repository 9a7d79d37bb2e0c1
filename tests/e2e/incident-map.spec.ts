// The incident map: MapLibre over PDOK's BRT-Achtergrondkaart. The test machine has no internet,
// so the tiles fail; the map must still draw the incident over its plain background.
import { expect, test } from '@playwright/test';
import { demoEmail } from './support/env';
import { loggedInContext } from './support/app';
import { openIncident } from './support/crisis';

test('de incidentkaart tekent het incident ook zonder achtergrondkaart', async ({ browser }) => {
	const team = await loggedInContext(browser, demoEmail('crisisteam', 'haarlem'));
	try {
		const created = await team.context.request.post('/api/v1/incidents', {
			data: { title: 'Kaarttest duinbrand', kind: 'oefening', municipalities: ['bloemendaal', 'zandvoort'], position: { lat: 52.41, lon: 4.57 } }
		});
		expect(created.status(), await created.text()).toBe(201);
		const incident = (await created.json()) as { id: string; title: string };
		const errors: string[] = [];
		team.page.on('pageerror', (err) => errors.push(err.message));
		await openIncident(team.page, incident);

		const map = team.page.locator('.incident-map');
		await expect(map).toHaveAttribute('data-map-state', /^(kaart|geen-webgl)$/, { timeout: 20_000 });
		if ((await map.getAttribute('data-map-state')) === 'kaart') await expect(map.locator('canvas.maplibregl-canvas')).toBeVisible();
		await expect(map.locator('figcaption')).toContainText('Kaarttest duinbrand (52.4100, 4.5700)');
		await expect(map.locator('figcaption')).toContainText('Getroffen: Bloemendaal, Zandvoort');
		await expect(map.getByText('Kadaster')).toHaveCount(await map.getAttribute('data-map-state').then((s) => (s === 'kaart' ? 1 : 0)));
		expect(errors).toEqual([]);
	} finally {
		await team.context.close();
	}
});
