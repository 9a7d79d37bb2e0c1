// The safety plan's neighbourhood map (issue 18) on real PostgreSQL: the demo wijken and buurten with
// demo figures per wijk seeded once; the area API's GeoJSON and who may read it (another
// municipality's adviser 403, as for the plan); the CBS/PDOK boundary import idempotent, a wrong
// file refused with nothing written, a real file replacing the demo set; and the figure import
// refusing an area code that is not a neighbourhood of the plan's municipality once boundaries are
// loaded; and `npm run import:wijken` as an operator runs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { seedDemoSafetyPlans } from '../../src/lib/server/demo/demo-safety-plan.ts';
import { seedDemoNeighbourhoods } from '../../src/lib/server/demo/demo-neighbourhoods.ts';
import { BoundaryFileError, importBoundaries } from '../../src/lib/server/safety-plan/neighbourhood-import.ts';
import { importFigures } from '../../src/lib/server/safety-plan/safety-plan-import.ts';
import { indicatorAreas } from '../../src/lib/server/safety-plan/neighbourhood-service.ts';
import type { AreaFeatureCollection } from '../../src/lib/contracts/neighbourhood.ts';
import * as areasRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/indicators/[indicatorId=uuid]/areas/+server.ts';
import { requestLocals } from '../support/request-locals.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { expectServiceError } from '../support/incident-fixtures.ts';

let t: TestDatabase;
let adviserHeemskerk: SessionUser;
let kabinetHeemskerk: SessionUser;
let adviserBeverwijk: SessionUser;
let wiv: SessionUser;
let permits: SessionUser;
let heemskerkPlan: string;
let burglaries: string;
let feeling: string;
let beverwijkIndicator: string;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	adviserHeemskerk = await createUser(t.db, { grants: [{ role: 'beleidsadviseur', municipality: 'heemskerk' }] });
	kabinetHeemskerk = await createUser(t.db, { grants: [{ role: 'kabinet', municipality: 'heemskerk' }] });
	adviserBeverwijk = await createUser(t.db, { grants: [{ role: 'beleidsadviseur', municipality: 'beverwijk' }] });
	wiv = await createUser(t.db, { grants: [{ role: 'beleidsadviseur', municipality: null }] });
	permits = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'heemskerk' }] });
	await seedDemoSafetyPlans(t.db);
	const indicator = async (municipality: string, title: string) =>
		(await t.db.selectFrom('safetyPlanIndicator as i').innerJoin('safetyPlan as p', 'p.id', 'i.planId').select(['i.id', 'p.id as planId']).where('p.municipalityCode', '=', municipality).where('i.title', '=', title).executeTakeFirstOrThrow());
	const b = await indicator('heemskerk', 'Woninginbraken');
	heemskerkPlan = b.planId;
	burglaries = b.id;
	feeling = (await indicator('heemskerk', 'Veiligheidsgevoel')).id;
	beverwijkIndicator = (await indicator('beverwijk', 'Meldingen overlast in de buurt')).id;
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

async function get(user: SessionUser | null, planId: string, indicatorId: string, query = '') {
	const url = new URL(`http://localhost/api/v1/safety-plans/${planId}/indicators/${indicatorId}/areas${query}`);
	const event = { locals: { user, session: null, requestId: 'map', ...requestLocals(t.db) }, params: { id: planId, indicatorId }, url, request: new Request(url), getClientAddress: () => '192.0.2.7' };
	const response = await areasRoute.GET(event as never);
	return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

const neighbourhoods = async () =>
	(await sql<{ code: string; kind: string; name: string; municipalityCode: string; wijkCode: string | null; geometry: unknown; source: string; isDemo: boolean }>`
		select code, kind, name, municipality_code, wijk_code, geometry, source, is_demo from neighbourhood order by code`.execute(t.db)).rows;

describe('the demo neighbourhoods', () => {
	it('are seeded once: four wijken each of Heemskerk, Beverwijk and Heemstede and eight buurten of Heemskerk, all marked demo', async () => {
		expect(await seedDemoNeighbourhoods(t.db, '2026-12-07')).toBe(20);
		expect(await seedDemoNeighbourhoods(t.db, '2026-12-07')).toBe(0);
		const rows = await neighbourhoods();
		expect(rows).toHaveLength(20);
		expect(rows.every((r) => r.isDemo && r.source === 'Vereenvoudigde demogrenzen, niet de CBS-geometrie')).toBe(true);
		expect(rows.filter((r) => r.kind === 'buurt').map((r) => r.municipalityCode)).toEqual(Array(8).fill('heemskerk'));
		const demoFigures = await sql<{ n: number; undemo: number }>`select count(*)::int as n, count(*) filter (where not is_demo)::int as undemo from safety_plan_measurement where area_code <> ''`.execute(t.db);
		expect(demoFigures.rows[0]!.n).toBeGreaterThan(0);
		expect(demoFigures.rows[0]!.undemo).toBe(0);
	});
});

describe('GET /api/v1/safety-plans/:id/indicators/:indicatorId/areas', () => {
	it('answers the wijken as GeoJSON with the latest year\'s figure per wijk, adding up to the municipality\'s', async () => {
		const { status, type, body } = await get(adviserHeemskerk, heemskerkPlan, burglaries);
		expect(status).toBe(200);
		expect(type).toBe('application/geo+json');
		const areas = body as AreaFeatureCollection;
		expect(areas).toMatchObject({ type: 'FeatureCollection', planId: heemskerkPlan, indicatorId: burglaries, municipality: 'heemskerk', level: 'wijk', year: 2023, years: [2021, 2022, 2023], levels: ['wijk', 'buurt'] });
		expect(areas.features.map((f) => f.id)).toEqual(['WK039601', 'WK039602', 'WK039603', 'WK039604']);
		expect(areas.features.reduce((sum, f) => sum + f.properties.value!, 0)).toBe(79);
		expect(areas.features[0]).toMatchObject({
			type: 'Feature',
			geometry: { type: 'Polygon' },
			properties: { code: 'WK039601', kind: 'wijk', wijkCode: null, measuredOn: '2024-02-15', valueIsDemo: true, boundaryIsDemo: true, boundarySource: 'Vereenvoudigde demogrenzen, niet de CBS-geometrie' }
		});
		expect(areas.features[0]!.properties.source).toMatch(/demogegevens/);
	});

	it('answers another year and the buurten, "geen cijfer" as null', async () => {
		const year2021 = (await get(kabinetHeemskerk, heemskerkPlan, burglaries, '?year=2021')).body as AreaFeatureCollection;
		expect(year2021.year).toBe(2021);
		expect(year2021.features.reduce((sum, f) => sum + f.properties.value!, 0)).toBe(91);
		const buurten = (await get(adviserHeemskerk, heemskerkPlan, burglaries, '?level=buurt&year=2023')).body as AreaFeatureCollection;
		expect(buurten.features).toHaveLength(8);
		expect(buurten.features.filter((f) => f.properties.value === null).map((f) => f.id)).toEqual(['BU03960401', 'BU03960402']);
		expect(buurten.features[0]!.properties.wijkCode).toBe('WK039601');
		const empty = (await get(adviserHeemskerk, heemskerkPlan, burglaries, '?year=2030')).body as AreaFeatureCollection;
		expect(empty.year).toBe(2030);
		expect(empty.features.every((f) => f.properties.value === null && f.properties.source === null)).toBe(true);
	});

	it('lets the region read it, and refuses another municipality\'s adviser (403), other roles (403) and no session (401)', async () => {
		expect((await get(wiv, heemskerkPlan, feeling)).status).toBe(200);
		const other = await get(adviserBeverwijk, heemskerkPlan, burglaries);
		expect(other.status).toBe(403);
		expect(other.type).toBe('application/problem+json');
		expect(other.body.detail).toMatch(/^Alleen de beleidsadviseurs OOV/);
		expect((await get(permits, heemskerkPlan, burglaries)).status).toBe(403);
		expect((await get(null, heemskerkPlan, burglaries)).status).toBe(401);
		await expectServiceError(indicatorAreas(t.db, adviserBeverwijk, heemskerkPlan, burglaries), 403, 'forbidden');
	});

	it('answers 404 for an unknown plan or an indicator of another plan, 400 for a malformed year or level', async () => {
		expect((await get(adviserHeemskerk, '00000000-0000-4000-8000-000000000000', burglaries)).status).toBe(404);
		const foreign = await get(adviserHeemskerk, heemskerkPlan, beverwijkIndicator);
		expect(foreign.status).toBe(404);
		expect(foreign.body.detail).toBe('Deze indicator hoort niet bij dit veiligheidsplan.');
		const bad = await get(adviserHeemskerk, heemskerkPlan, burglaries, '?year=twintig&level=straat');
		expect(bad.status).toBe(400);
		expect(bad.body.detail).toContain('"twintig" is geen jaar');
		expect(bad.body.detail).toContain('Kies wijk of buurt, niet "straat"');
	});
});

// RD New squares near Heemskerk (x 102–106 km, y 503–506 km), as PDOK serves them.
const rdSquare = (x: number, y: number, size = 800) => [
	[
		[x, y],
		[x + size, y],
		[x + size, y + size],
		[x, y + size],
		[x, y]
	]
];
const wijkFeature = (code: string, name: string, x: number, y: number) => ({ type: 'Feature', properties: { wijkcode: code, wijknaam: name, gemeentecode: 'GM0396', water: 'NEE' }, geometry: { type: 'Polygon', coordinates: rdSquare(x, y) } });
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } }, features });
const meta = { source: 'CBS Wijk- en buurtkaart 2024 (PDOK)', importedOn: '2026-12-07' };

describe('importing the CBS/PDOK boundaries', () => {
	const wijken = collection([
		wijkFeature('WK039601', 'Heemskerk-Centrum', 103000, 504000),
		wijkFeature('WK039605', 'Heemskerk-Noord', 104000, 505000),
		{ type: 'Feature', properties: { wijkcode: 'WK036301', wijknaam: 'Burgwallen', gemeentecode: 'GM0363', water: 'NEE' }, geometry: { type: 'Polygon', coordinates: rdSquare(121000, 487000) } }
	]);

	it('refuses a wrong file whole, in Dutch, with nothing written', async () => {
		const before = await neighbourhoods();
		const wrong = collection([wijkFeature('WK039601', 'Goed', 103000, 504000), { type: 'Feature', properties: { wijkcode: 'WK039606' }, geometry: { type: 'Point', coordinates: [103000, 504000] } }]);
		const err = await expectServiceError(importBoundaries(t.db, wrong, meta), 400, 'invalid_boundary_file');
		expect((err as BoundaryFileError).reasons).toEqual(['Object 2 (WK039606): geen wijknaam; geen vlak (Polygon of MultiPolygon) maar Point.']);
		await expectServiceError(importBoundaries(t.db, '{"type":"Feature"}', meta), 400, 'invalid_boundary_file');
		await expectServiceError(importBoundaries(t.db, wijken, { ...meta, source: ' ' }), 400, 'invalid_boundary_file');
		// Buurten of a wijk that is neither in the file nor loaded: refused inside the transaction.
		const orphan = collection([{ type: 'Feature', properties: { buurtcode: 'BU03960901', buurtnaam: 'Wees', gemeentecode: 'GM0396' }, geometry: { type: 'Polygon', coordinates: rdSquare(103000, 504000) } }]);
		const refused = await expectServiceError(importBoundaries(t.db, orphan, meta), 400, 'invalid_boundary_file');
		expect(refused.message).toContain('WK039609');
		expect(await neighbourhoods()).toEqual(before);
	});

	it('writes the wijken of the nine municipalities, replacing Heemskerk\'s demo set; the same file again changes nothing', async () => {
		const first = await importBoundaries(t.db, wijken, meta);
		expect(first).toEqual({ wijken: 2, buurten: 0, crs: 'rd', otherMunicipalities: 1, water: 0, demoRemoved: 11, municipalities: ['heemskerk'] });
		const after = await neighbourhoods();
		const heemskerk = after.filter((r) => r.municipalityCode === 'heemskerk');
		expect(heemskerk.map((r) => [r.code, r.name, r.isDemo, r.source])).toEqual([
			['WK039601', 'Heemskerk-Centrum', false, meta.source],
			['WK039605', 'Heemskerk-Noord', false, meta.source]
		]);
		// Beverwijk and Heemstede keep their demo wijken.
		expect(after.filter((r) => r.municipalityCode !== 'heemskerk').every((r) => r.isDemo)).toBe(true);
		const ring = (heemskerk[0]!.geometry as { type: string; coordinates: number[][][] }).coordinates[0]!;
		expect(ring[0]![0]).toBeGreaterThan(4.6);
		expect(ring[0]![0]).toBeLessThan(4.7);
		expect(ring[0]![1]).toBeGreaterThan(52.49);
		expect(ring[0]![1]).toBeLessThan(52.54);

		const second = await importBoundaries(t.db, wijken, meta);
		expect(second).toMatchObject({ wijken: 2, demoRemoved: 0 });
		expect(await neighbourhoods()).toEqual(after);
		// A demo start after the import does not bring Heemskerk's demo areas back.
		expect(await seedDemoNeighbourhoods(t.db, '2026-12-08')).toBe(0);
	});

	it('then takes buurten of loaded wijken, and the map shows the real areas', async () => {
		const buurten = collection([
			{ type: 'Feature', properties: { buurtcode: 'BU03960101', buurtnaam: 'Oud-Heemskerk', wijkcode: 'WK039601', gemeentecode: 'GM0396', water: 'NEE' }, geometry: { type: 'Polygon', coordinates: rdSquare(103000, 504000, 400) } },
			{ type: 'Feature', properties: { buurtcode: 'BU03960102', buurtnaam: 'Meer', wijkcode: 'WK039601', gemeentecode: 'GM0396', water: 'JA' }, geometry: { type: 'Polygon', coordinates: rdSquare(103400, 504000, 400) } }
		]);
		expect(await importBoundaries(t.db, buurten, meta)).toMatchObject({ wijken: 0, buurten: 1, water: 1 });
		const map = await indicatorAreas(t.db, adviserHeemskerk, heemskerkPlan, burglaries, { level: 'wijk', year: '2023' });
		expect(map.features.map((f) => [f.id, f.properties.name, f.properties.boundaryIsDemo])).toEqual([
			['WK039601', 'Heemskerk-Centrum', false],
			['WK039605', 'Heemskerk-Noord', false]
		]);
		// The demo figure of WK039601 still stands; the new wijk has none yet.
		expect(map.features.map((f) => f.properties.value)).toEqual([24, null]);
	});
});

describe('the figure import with boundaries loaded', () => {
	const mapping = { indicator: 'Indicator', year: 'Jaar', value: 'Waarde', area: 'Gebied' };
	const defaults = { source: 'Politie basisteam', measuredOn: '2025-01-10' };
	const file = (text: string) => ({ text });

	it('refuses an area code that is not a wijk or buurt of the plan\'s municipality, naming the row, and writes nothing', async () => {
		const count = async () => (await sql<{ n: number }>`select count(*)::int as n from safety_plan_measurement`.execute(t.db)).rows[0]!.n;
		const before = await count();
		const text = 'Indicator;Jaar;Waarde;Gebied\nWoninginbraken;2024;14;WK039605\nWoninginbraken;2024;9;WK039602\nWoninginbraken;2024;3;WK037501\n';
		const result = await importFigures(t.db, adviserHeemskerk, heemskerkPlan, file(text), mapping, defaults, { apply: true, ip: null });
		expect(result.imported).toBe(0);
		expect(result.errors).toEqual(['Rij 3: WK039602 is geen wijk of buurt van Heemskerk.', 'Rij 4: WK037501 is geen wijk of buurt van Heemskerk.']);
		expect(await count()).toBe(before);
	});

	it('takes codes of its own wijken and buurten, and the map shows them', async () => {
		const text = 'Indicator;Jaar;Waarde;Gebied\nWoninginbraken;2024;14;WK039605\nWoninginbraken;2024;30;WK039601\nWoninginbraken;2024;6;BU03960101\n';
		expect((await importFigures(t.db, adviserHeemskerk, heemskerkPlan, file(text), mapping, defaults, { apply: true, ip: null })).imported).toBe(3);
		const map = await indicatorAreas(t.db, kabinetHeemskerk, heemskerkPlan, burglaries);
		expect(map.year).toBe(2024);
		expect(map.features.map((f) => [f.id, f.properties.value, f.properties.source, f.properties.valueIsDemo])).toEqual([
			['WK039601', 30, 'Politie basisteam', false],
			['WK039605', 14, 'Politie basisteam', false]
		]);
	});

	it('does not check codes of a municipality without boundaries', async () => {
		await sql`delete from neighbourhood where municipality_code = 'beverwijk'`.execute(t.db);
		const plan = (await t.db.selectFrom('safetyPlan').select('id').where('municipalityCode', '=', 'beverwijk').executeTakeFirstOrThrow()).id;
		const text = 'Indicator;Jaar;Waarde;Gebied\nMeldingen overlast in de buurt;2024;40;WK037509\n';
		const result = await importFigures(t.db, adviserBeverwijk, plan, file(text), mapping, defaults, { apply: false, ip: null });
		expect(result.errors).toEqual([]);
	});
});

describe('npm run import:wijken', () => {
	const root = path.resolve(import.meta.dirname, '../..');
	function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [path.join(root, 'src/lib/server/runtime/import-neighbourhoods-cli.ts'), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn' } });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
			child.on('error', reject);
			child.on('close', (code) => resolve({ code, stdout, stderr }));
		});
	}

	it('imports a file with its source, and refuses a wrong one in one Dutch sentence with a non-zero exit', async () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'paraat-wijken-'));
		try {
			const good = path.join(dir, 'heemstede-wijken.geojson');
			writeFileSync(good, collection([{ type: 'Feature', properties: { wijkcode: 'WK039707', wijknaam: 'Proefwijk', gemeentecode: 'GM0397' }, geometry: { type: 'Polygon', coordinates: rdSquare(101000, 485000) } }]));
			const ok = await run([good, '--bron', 'CBS Wijk- en buurtkaart 2024 (proef)']);
			expect(ok.stderr).toBe('');
			expect(ok.code).toBe(0);
			expect(ok.stdout).toContain('Geïmporteerd (extern): 1 wijken en 0 buurten van Heemstede; coördinaten in RD New (EPSG:28992), omgerekend naar WGS84.');
			const row = await t.db.selectFrom('neighbourhood').select(['name', 'source', 'isDemo']).where('code', '=', 'WK039707').executeTakeFirstOrThrow();
			expect(row).toEqual({ name: 'Proefwijk', source: 'CBS Wijk- en buurtkaart 2024 (proef)', isDemo: false });

			const bad = path.join(dir, 'kapot.geojson');
			writeFileSync(bad, '{"type": "FeatureCollection", "features": [');
			const refused = await run([bad]);
			expect(refused.code).toBe(1);
			expect(refused.stderr.trim()).toMatch(/^Import van wijken en buurten mislukt: Niets geïmporteerd: Het bestand is geen geldige GeoJSON/);
			const usage = await run([]);
			expect(usage.code).toBe(1);
			expect(usage.stderr.trim()).toBe('Gebruik: npm run import:wijken -- <bestand.geojson> [--bron "CBS Wijk- en buurtkaart 2024, PDOK"]');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
