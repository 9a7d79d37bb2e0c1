// The incident map's drawn features through their /api/v1 routes against real PostgreSQL: the
// GeoJSON contract (201, FeatureCollection, 200/409 by version, delete with version), geometry
// refused in Dutch without a half-written row, who may draw, the event on `incident:<id>`, the audit
// row, the evaluation timeline, the SITRAP listing and the GeoJSON download with the OEFENING mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { changeStatus } from '../../src/lib/server/incidents/incident-service.ts';
import { publishSitrap, changeSection } from '../../src/lib/server/logbook/picture-service.ts';
import { timelineOf } from '../../src/lib/server/logbook/timeline-service.ts';
import { sectionInput } from '../../src/lib/server/logbook/log-input.ts';
import * as featuresRoute from '../../src/routes/api/v1/incidents/[id=uuid]/features/+server.ts';
import * as exportRoute from '../../src/routes/api/v1/incidents/[id=uuid]/features/export/+server.ts';
import * as featureRoute from '../../src/routes/api/v1/features/[id=uuid]/+server.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { ctx, makeIncident, parse } from '../support/incident-fixtures.ts';

let t: TestDatabase;
let crisis: SessionUser;
let brandweer: SessionUser;
let waarnemer: SessionUser;
let oefenleider: SessionUser;
let vergunning: SessionUser;
let incident: IncidentRecord;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	brandweer = await createUser(t.db, { name: 'Bram Brandweer', grants: [{ role: 'brandweer', municipality: 'velsen' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: null }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: null }] });
	vergunning = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	incident = await makeIncident(t.db, crisis, { title: 'Duinbrand Zeeweg' });
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Strand', kind: 'oefening', municipalities: ['zandvoort'] });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Response | Promise<Response>;

async function call(handler: Handler | undefined, user: SessionUser | null, params: Record<string, string>, init: { method?: string; body?: unknown; query?: string } = {}) {
	const url = new URL(`http://localhost/api/v1/test${init.query ?? ''}`);
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	const event = { locals: { ...requestLocals(t.db), user, session: null, requestId: 'test' }, params, url, request, getClientAddress: () => '192.0.2.7' };
	const response = await handler!(event as never);
	const type = response.headers.get('content-type') ?? '';
	const body = type.includes('json') ? await response.json() : await response.text();
	return { status: response.status, type, headers: response.headers, body };
}

const area = [
	[4.58, 52.41],
	[4.6, 52.41],
	[4.6, 52.42],
	[4.58, 52.42],
	[4.58, 52.41]
];
const evacuation = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [area] }, properties: { type: 'evacuatiegebied', label: 'Camping De Lakens' } };
const copi = { type: 'Feature', geometry: { type: 'Point', coordinates: [4.5921, 52.4105] }, properties: { type: 'copi_locatie', label: 'CoPI Parnassia' } };

const featureCount = async () => Number((await t.db.selectFrom('mapFeature').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('incident map features', () => {
	it('adds a feature (201), lists a FeatureCollection, publishes and audits it', async () => {
		const created = await call(featuresRoute.POST, crisis, { id: incident.id }, { method: 'POST', body: evacuation });
		expect(created.status).toBe(201);
		expect(created.type).toContain('application/geo+json');
		expect(created.body).toMatchObject({
			type: 'Feature',
			geometry: evacuation.geometry,
			properties: { type: 'evacuatiegebied', label: 'Camping De Lakens', version: 1, colour: null, exercise: false, updatedBy: { name: 'Chris Crisis' } }
		});
		expect(created.body.properties.id).toBe(created.body.id);

		const list = await call(featuresRoute.GET, waarnemer, { id: incident.id });
		expect(list.status).toBe(200);
		expect(list.body.type).toBe('FeatureCollection');
		expect(list.body.features).toHaveLength(1);
		expect(Object.keys(list.body.features[0].properties)).toEqual(expect.arrayContaining(['id', 'type', 'label', 'version']));

		const events = await eventsSince(t.db, `incident:${incident.id}`, 0);
		const event = events.find((e) => e.type === 'map.feature.created');
		expect(event).toMatchObject({ actor: { id: crisis.id }, exercise: false, data: { id: created.body.id, properties: { label: 'Camping De Lakens' } } });

		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', incident.id).where('action', 'like', 'map.%').execute();
		expect(audit).toEqual([{ action: 'map.feature.created', details: expect.objectContaining({ soort: 'Evacuatiegebied', naam: 'Camping De Lakens', vorm: 'vlak', version: 1 }) }]);
	});

	it('changes with the version seen (200) and refuses a stale version with 409 and the current feature', async () => {
		const created = (await call(featuresRoute.POST, brandweer, { id: incident.id }, { method: 'POST', body: copi })).body;
		const renamed = await call(featureRoute.PATCH, crisis, { id: created.id }, { method: 'PATCH', body: { version: 1, label: 'CoPI Zeeweg', colour: '#112233' } });
		expect(renamed.status).toBe(200);
		expect(renamed.body.properties).toMatchObject({ label: 'CoPI Zeeweg', colour: '#112233', version: 2, updatedBy: { name: 'Chris Crisis' } });

		const stale = await call(featureRoute.PATCH, brandweer, { id: created.id }, { method: 'PATCH', body: { version: 1, geometry: { type: 'Point', coordinates: [4.6, 52.41] } } });
		expect(stale.status).toBe(409);
		expect(stale.body.code).toBe('version_conflict');
		expect(stale.body.detail).toMatch(/Chris Crisis heeft «CoPI Zeeweg» om .* gewijzigd\. Je wijziging is niet opgeslagen/);
		expect(stale.body.current.properties).toMatchObject({ version: 2, label: 'CoPI Zeeweg' });
		// Nothing of the stale change was written.
		expect((await call(featuresRoute.GET, crisis, { id: incident.id })).body.features.find((f: { id: string }) => f.id === created.id).geometry.coordinates).toEqual([4.5921, 52.4105]);

		const moved = await call(featureRoute.PATCH, brandweer, { id: created.id }, { method: 'PATCH', body: { version: 2, geometry: { type: 'Point', coordinates: [4.6, 52.41] } } });
		expect(moved.status).toBe(200);
		expect(moved.body.properties.version).toBe(3);
	});

	it('deletes with the version seen; a stale delete or a change after deletion gets 409', async () => {
		const created = (await call(featuresRoute.POST, crisis, { id: incident.id }, { method: 'POST', body: { ...copi, properties: { type: 'verzamelpunt', label: 'Verzamelpunt Parkeerplaats' } } })).body;
		await call(featureRoute.PATCH, crisis, { id: created.id }, { method: 'PATCH', body: { version: 1, type: 'opvanglocatie' } });
		const stale = await call(featureRoute.DELETE, brandweer, { id: created.id }, { method: 'DELETE', body: { version: 1 } });
		expect(stale.status).toBe(409);
		const noVersion = await call(featureRoute.DELETE, brandweer, { id: created.id }, { method: 'DELETE' });
		expect(noVersion.status).toBe(400);
		expect(noVersion.body.detail).toMatch(/versie/);

		const deleted = await call(featureRoute.DELETE, brandweer, { id: created.id }, { method: 'DELETE', query: '?version=2' });
		expect(deleted.status).toBe(200);
		expect(deleted.body.properties).toMatchObject({ version: 3, deletedAt: expect.any(String) });
		const list = (await call(featuresRoute.GET, crisis, { id: incident.id })).body.features.map((f: { id: string }) => f.id);
		expect(list).not.toContain(created.id);

		const after = await call(featureRoute.PATCH, crisis, { id: created.id }, { method: 'PATCH', body: { version: 3, label: 'Terug' } });
		expect(after.status).toBe(409);
		expect(after.body.detail).toMatch(/Bram Brandweer heeft «Verzamelpunt Parkeerplaats» van de kaart verwijderd/);
		const types = (await eventsSince(t.db, `incident:${incident.id}`, 0)).filter((e) => e.type.startsWith('map.') && (e.data as { id: string }).id === created.id).map((e) => e.type);
		expect(types).toEqual(['map.feature.created', 'map.feature.updated', 'map.feature.deleted']);
	});

	it('refuses bad geometry and bad properties with a Dutch 400, and writes nothing', async () => {
		const before = await featureCount();
		const cases: [unknown, RegExp][] = [
			[{ ...evacuation, geometry: { type: 'Polygon', coordinates: [area.slice(0, 4)] } }, /gesloten/],
			[{ ...copi, geometry: { type: 'Point', coordinates: [52.41, 4.59] } }, /omgewisseld/],
			[{ ...copi, geometry: { type: 'Point', coordinates: [4.59, 95] } }, /buiten de wereld/],
			[{ ...copi, geometry: { type: 'GeometryCollection', geometries: [] } }, /Point/],
			[{ ...copi, properties: { type: 'brandhaard', label: 'x' } }, /Onbekend soort kaartobject/],
			[{ ...copi, properties: { type: 'copi_locatie' } }, /naam/],
			[{ type: 'FeatureCollection', features: [copi] }, /Feature/]
		];
		for (const [body, message] of cases) {
			const answer = await call(featuresRoute.POST, crisis, { id: incident.id }, { method: 'POST', body });
			expect(answer.status, JSON.stringify(body)).toBe(400);
			expect(answer.type).toContain('application/problem+json');
			expect(answer.body.detail).toMatch(message);
		}
		const huge = { ...evacuation, geometry: { type: 'LineString', coordinates: Array.from({ length: 2001 }, (_, i) => [4.5 + i / 1e4, 52.4]) } };
		expect([400, 413]).toContain((await call(featuresRoute.POST, crisis, { id: incident.id }, { method: 'POST', body: huge })).status);
		expect(await featureCount()).toBe(before);
	});

	it('lets the crisis team and the disciplines draw, readers read, others nothing', async () => {
		expect((await call(featuresRoute.POST, waarnemer, { id: incident.id }, { method: 'POST', body: copi })).status).toBe(403);
		expect((await call(featuresRoute.POST, oefenleider, { id: incident.id }, { method: 'POST', body: copi })).status).toBe(403);
		expect((await call(featuresRoute.GET, vergunning, { id: incident.id })).status).toBe(403);
		expect((await call(featuresRoute.POST, vergunning, { id: incident.id }, { method: 'POST', body: copi })).status).toBe(403);
		expect((await call(featuresRoute.GET, null, { id: incident.id })).status).toBe(401);
		const someone = (await call(featuresRoute.GET, crisis, { id: incident.id })).body.features[0];
		const refused = await call(featureRoute.PATCH, waarnemer, { id: someone.id }, { method: 'PATCH', body: { version: someone.properties.version, label: 'Niet van mij' } });
		expect(refused.status).toBe(403);
		expect(refused.body.detail).toMatch(/niet tekenen/);
		expect((await call(featureRoute.PATCH, crisis, { id: '00000000-0000-4000-8000-000000000000' }, { method: 'PATCH', body: { version: 1, label: 'x' } })).status).toBe(404);
		// In an exercise the oefenleider draws too, and everything carries the mark.
		const drawn = await call(featuresRoute.POST, oefenleider, { id: oefening.id }, { method: 'POST', body: copi });
		expect(drawn.status).toBe(201);
		expect(drawn.body.properties.exercise).toBe(true);
		const event = (await eventsSince(t.db, `incident:${oefening.id}`, 0)).find((e) => e.type === 'map.feature.created');
		expect(event?.exercise).toBe(true);
	});

	it('exports a GeoJSON file, marked OEFENING for an exercise', async () => {
		const real = await call(exportRoute.GET, waarnemer, { id: incident.id });
		expect(real.status).toBe(200);
		expect(real.headers.get('content-disposition')).toMatch(/attachment; filename="kaart-[0-9a-f]{8}\.geojson"/);
		const file = typeof real.body === 'string' ? JSON.parse(real.body) : real.body;
		expect(file).toMatchObject({ type: 'FeatureCollection', name: 'Duinbrand Zeeweg', exercise: false });
		expect(file.features.length).toBeGreaterThanOrEqual(2);
		expect(file.features[0].properties).toMatchObject({ typeLabel: expect.any(String), colour: expect.stringMatching(/^#/) });

		const exercise = await call(exportRoute.GET, crisis, { id: oefening.id });
		expect(exercise.headers.get('content-disposition')).toContain('-OEFENING.geojson');
		const exerciseFile = typeof exercise.body === 'string' ? JSON.parse(exercise.body) : exercise.body;
		expect(exerciseFile).toMatchObject({ name: 'OEFENING — Oefening Strand', exercise: true });
		const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', oefening.id).where('action', '=', 'map.exported').execute();
		expect(audit).toHaveLength(1);
	});

	it('shows every change in the evaluation timeline and lists the map on the SITRAP', async () => {
		const { rows } = await timelineOf(t.db, crisis, incident.id);
		const map = rows.filter((r) => r.type === 'kaart').map((r) => r.description);
		expect(map).toEqual(
			expect.arrayContaining([
				'Kaart: Evacuatiegebied «Camping De Lakens» getekend (vlak)',
				'Kaart: CoPI-locatie «CoPI Zeeweg» gewijzigd: naam, kleur',
				'Kaart: CoPI-locatie «CoPI Zeeweg» gewijzigd: vorm',
				'Kaart: Opvanglocatie «Verzamelpunt Parkeerplaats» verwijderd'
			])
		);

		await changeSection(t.db, crisis, incident.id, 'samenvatting', parse(sectionInput, { text: 'Duinbrand, camping ontruimd', version: 0 }), ctx);
		const sitrap = await publishSitrap(t.db, crisis, incident.id, ctx);
		expect(sitrap.snapshot.map?.map((i) => `${i.typeLabel}: ${i.label} (${i.shape})`)).toEqual(['Evacuatiegebied: Camping De Lakens (vlak)', 'CoPI-locatie: CoPI Zeeweg (punt)']);
	});

	it('keeps a closed incident’s map as it is', async () => {
		const closing = await makeIncident(t.db, crisis, { title: 'Afgerond' });
		const drawn = (await call(featuresRoute.POST, crisis, { id: closing.id }, { method: 'POST', body: copi })).body;
		await changeStatus(t.db, crisis, closing.id, { status: 'gesloten' }, ctx);
		const add = await call(featuresRoute.POST, crisis, { id: closing.id }, { method: 'POST', body: copi });
		expect(add.status).toBe(409);
		expect(add.body.detail).toMatch(/gesloten/);
		expect((await call(featureRoute.DELETE, crisis, { id: drawn.id }, { method: 'DELETE', body: { version: 1 } })).status).toBe(409);
		expect((await call(featuresRoute.GET, crisis, { id: closing.id })).body.features).toHaveLength(1);
	});
});
