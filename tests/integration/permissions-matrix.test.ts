// The whole policy tested from outside (issue 15): every role × (own municipality, other
// municipality, region) × action, over the HTTP API (route handlers called as SvelteKit calls
// them, with the user a real session gives) and over socket subscriptions on a real realtime
// node, against real PostgreSQL. The expectations are written out here by hand, not derived from
// the policy, so a change in the policy that nobody meant shows up as a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, type SessionUser } from '../../src/lib/server/auth/roles.ts';
import { validateSessionToken } from '../../src/lib/server/auth/session.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import type { SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import * as incidentRoute from '../../src/routes/api/v1/incidents/[id=uuid]/+server.ts';
import * as logRoute from '../../src/routes/api/v1/incidents/[id=uuid]/log/+server.ts';
import * as sectionRoute from '../../src/routes/api/v1/incidents/[id=uuid]/picture/[section]/+server.ts';
import * as tasksRoute from '../../src/routes/api/v1/incidents/[id=uuid]/tasks/+server.ts';
import * as featuresRoute from '../../src/routes/api/v1/incidents/[id=uuid]/features/+server.ts';
import * as sitrapsRoute from '../../src/routes/api/v1/incidents/[id=uuid]/sitraps/+server.ts';
import * as unitsRoute from '../../src/routes/api/v1/bluswater/units/+server.ts';
import * as bibobFileRoute from '../../src/routes/api/v1/bibob/files/[id=uuid]/+server.ts';
import * as safetyPlansRoute from '../../src/routes/api/v1/safety-plans/+server.ts';
import * as safetyPlanActionRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/actions/[actionId=uuid]/+server.ts';
import { insertAction, insertPlan, insertPriority } from '../../src/lib/server/safety-plan/safety-plan-queries.ts';
import { createTestDatabase, createUser, loginAs, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { connectClient, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';
import { makeIncident } from '../support/incident-fixtures.ts';
import { openOtherScreening } from '../support/bibob-fixtures.ts';

type Place = 'own' | 'other' | 'region';
const PLACES: Place[] = ['own', 'other', 'region'];
// Every record below belongs to Haarlem: "own" is a Haarlem grant, "other" a Velsen grant.
const GRANT_MUNICIPALITY: Record<Place, string | null> = { own: 'haarlem', other: 'velsen', region: null };

let t: TestDatabase;
let node: TestRealtimeNode;
let crisis: IncidentRecord;
let exercise: IncidentRecord;
let bibobFileId: string;
let safetyPlan: { id: string; actionId: string };
const users = new Map<string, { user: SessionUser; token: string }>();
const sockets: ClientSocket[] = [];
let unitCounter = 0;

const key = (role: Role, place: Place) => `${role}/${place}`;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url; // getDb() of the routes
	for (const role of ROLES) {
		for (const place of PLACES) {
			const created = await createUser(t.db, {
				email: `${role}.${place}@matrix.paraat.test`,
				name: `${role} ${place}`,
				grants: [{ role, municipality: GRANT_MUNICIPALITY[place], discipline: role === 'adviseur' ? 'ghor' : null }]
			});
			// The user as a real session sees them: the second factor taken, confirmed grants only.
			const token = await loginAs(t.db, created);
			const session = await validateSessionToken(t.db, token);
			users.set(key(role, place), { user: session.user!, token });
		}
	}
	const leader = users.get(key('crisisteam', 'own'))!.user;
	crisis = await makeIncident(t.db, leader, { title: 'Brand Grote Markt', kind: 'crisis', municipalities: ['haarlem'] });
	exercise = await makeIncident(t.db, leader, { title: 'Oefening Spaarne', kind: 'oefening', municipalities: ['haarlem'] });
	// A picture to publish a SITRAP of.
	const put = await call(sectionRoute.PUT, leader, { id: crisis.id, section: 'samenvatting' }, { method: 'PUT', body: { text: 'Uitslaande brand.', version: 0 } });
	expect(put.status).toBe(200);
	bibobFileId = (await openOtherScreening(t.db, users.get(key('bibob', 'own'))!.user, 'haarlem')).id;
	// A Haarlem safety plan with one action, to read and to change.
	safetyPlan = await t.db.transaction().execute(async (trx) => {
		const id = await insertPlan(trx, { municipality: 'haarlem', title: 'Integraal Veiligheidsplan Haarlem', startYear: 2024, endYear: 2027, ambition: 'Veilig Haarlem', isDemo: false });
		const priorityId = await insertPriority(trx, id, { kind: 'prioriteit', position: 1, title: 'Ondermijning', why: '', ambition: '', approach: '', conditions: '', focusArea: '', partners: '', residentsRole: '' });
		const actionId = await insertAction(trx, { planId: id, priorityId, year: 2026, title: 'Integrale controle', owner: 'RIEC', plannedQuarter: 2, status: 'gepland', isDemo: false });
		return { id, actionId };
	});
	node = await startRealtimeServer(t);
});

afterAll(async () => {
	for (const socket of sockets) socket.close();
	await node?.close();
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Response | Promise<Response>;

async function call(handler: Handler, user: SessionUser, params: Record<string, string>, init: { method?: string; body?: unknown } = {}) {
	const url = new URL('http://localhost/api/v1/matrix');
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	const event = { locals: { ...requestLocals(t.db), user, session: null, requestId: 'matrix' }, params, url, request, getClientAddress: () => '192.0.2.15' };
	const response = await handler(event as never);
	return { status: response.status };
}

async function callWithQuery(handler: Handler, user: SessionUser, query: string) {
	const url = new URL(`http://localhost/api/v1/matrix${query}`);
	const event = { locals: { ...requestLocals(t.db), user, session: null, requestId: 'matrix' }, params: {}, url, request: new Request(url), getClientAddress: () => '192.0.2.15' };
	const response = await handler(event as never);
	return { status: response.status };
}

/** Which current version a section has, so an allowed write is a real write and not a 409. */
async function sectionVersion(incidentId: string, section: string): Promise<number> {
	const row = await t.db.selectFrom('situationSection').select('version').where('incidentId', '=', incidentId).where('section', '=', section).executeTakeFirst();
	return row?.version ?? 0;
}

const READERS: Role[] = ['crisisteam', 'bevolkingszorg', 'brandweer', 'ghor', 'politie', 'oefenleider', 'waarnemer', 'beheerder'];
const OFFICERS: Role[] = ['bevolkingszorg', 'brandweer', 'ghor', 'politie'];

interface Check {
	name: string;
	/** The status an allowed call answers with. */
	ok: number;
	/** The status a denied call answers with: 403 where the record may be known to exist, 404 where not. */
	denied: number;
	allowed: (role: Role, place: Place) => boolean;
	run: (user: SessionUser, role: Role) => Promise<{ status: number }>;
}

const HTTP_CHECKS: Check[] = [
	{
		name: 'read the incident',
		ok: 200,
		denied: 403,
		allowed: (role) => READERS.includes(role),
		run: (user) => call(incidentRoute.GET, user, { id: crisis.id })
	},
	...(['brandweer', 'ghor', 'politie', 'bevolkingszorg'] as const).map(
		(section): Check => ({
			name: `write the ${section} section of a real incident`,
			ok: 200,
			denied: 403,
			allowed: (role) => role === 'crisisteam' || role === section,
			run: async (user) =>
				call(sectionRoute.PUT, user, { id: crisis.id, section }, { method: 'PUT', body: { text: `Beeld ${section} door ${user.name}`, version: await sectionVersion(crisis.id, section) } })
		})
	),
	{
		name: 'write the GHOR section of an exercise',
		ok: 200,
		denied: 403,
		allowed: (role) => role === 'crisisteam' || role === 'ghor' || role === 'oefenleider',
		run: async (user) =>
			call(sectionRoute.PUT, user, { id: exercise.id, section: 'ghor' }, { method: 'PUT', body: { text: `Oefenbeeld door ${user.name}`, version: await sectionVersion(exercise.id, 'ghor') } })
	},
	{
		name: 'log in a real incident',
		ok: 201,
		denied: 403,
		allowed: (role) => role === 'crisisteam' || OFFICERS.includes(role),
		run: (user) => call(logRoute.POST, user, { id: crisis.id }, { method: 'POST', body: { kind: 'melding', discipline: 'algemeen', text: `Melding van ${user.name}` } })
	},
	{
		name: 'log in an exercise',
		ok: 201,
		denied: 403,
		allowed: (role) => role === 'crisisteam' || role === 'oefenleider' || OFFICERS.includes(role),
		run: (user) => call(logRoute.POST, user, { id: exercise.id }, { method: 'POST', body: { kind: 'melding', discipline: 'algemeen', text: `Oefenmelding van ${user.name}` } })
	},
	{
		name: 'read the map of a real incident',
		ok: 200,
		denied: 403,
		allowed: (role) => READERS.includes(role),
		run: (user) => call(featuresRoute.GET, user, { id: crisis.id })
	},
	...([
		['a real incident', () => crisis, (role: Role) => role === 'crisisteam' || OFFICERS.includes(role)],
		['an exercise', () => exercise, (role: Role) => role === 'crisisteam' || role === 'oefenleider' || OFFICERS.includes(role)]
	] as const).map(
		([what, incident, allowed]): Check => ({
			name: `draw on the map of ${what}`,
			ok: 201,
			denied: 403,
			allowed,
			run: (user) =>
				call(featuresRoute.POST, user, { id: incident().id }, { method: 'POST', body: { type: 'Feature', geometry: { type: 'Point', coordinates: [4.6365, 52.3812] }, properties: { type: 'verzamelpunt', label: `Punt van ${user.name}` } } })
		})
	),
	{
		name: 'create a task in a real incident',
		ok: 201,
		denied: 403,
		allowed: (role) => role === 'crisisteam' || role === 'bevolkingszorg',
		run: (user) => call(tasksRoute.POST, user, { id: crisis.id }, { method: 'POST', body: { process: 'publieke_zorg', title: `Taak van ${user.name}` } })
	},
	{
		name: 'publish a SITRAP of a real incident',
		ok: 201,
		denied: 403,
		allowed: (role) => role === 'crisisteam',
		run: (user) => call(sitrapsRoute.POST, user, { id: crisis.id }, { method: 'POST' })
	},
	{
		name: 'add a unit to the regional bluswater fleet',
		ok: 201,
		denied: 403,
		allowed: (role, place) => role === 'beheerder' && place === 'region',
		run: (user) =>
			call(unitsRoute.POST, user, {}, {
				method: 'POST',
				body: { code: `WTW 77-${++unitCounter}`, kind: 'wtw', station: 'Matrix', capacityLitres: 12_000, pumpRateLpm: 3_000, crew: 'vrijwillig', home: { lat: 52.4, lon: 4.6 } }
			})
	},
	{
		name: 'open a Haarlem Bibob file',
		ok: 200,
		// Need to know: to everyone else the file does not exist.
		denied: 404,
		allowed: (role, place) => role === 'bibob' && place === 'own',
		run: (user) => call(bibobFileRoute.GET, user, { id: bibobFileId })
	},
	{
		name: 'list the Haarlem safety plans',
		ok: 200,
		denied: 403,
		// The beleidsadviseur OOV and the mayor's kabinet of Haarlem; a regional grant (the WIV) reads all nine.
		allowed: (role, place) => (role === 'beleidsadviseur' || role === 'kabinet') && place !== 'other',
		run: (user) => callWithQuery(safetyPlansRoute.GET, user, '?municipality=haarlem')
	},
	{
		name: 'change an action of the Haarlem safety plan',
		ok: 200,
		// 403 to everyone else: a plan is public policy, that it exists is no secret.
		denied: 403,
		allowed: (role, place) => role === 'beleidsadviseur' && place === 'own',
		run: async (user) => {
			const row = await t.db.selectFrom('safetyPlanAction').select(['version', 'status']).where('id', '=', safetyPlan.actionId).executeTakeFirstOrThrow();
			const status = row.status === 'gepland' ? 'in_uitvoering' : 'gepland';
			return call(safetyPlanActionRoute.PATCH, user, { id: safetyPlan.id, actionId: safetyPlan.actionId }, { method: 'PATCH', body: { version: row.version, status } });
		}
	}
];

const TOPIC_CHECKS: { name: string; topic: () => string; allowed: (role: Role, place: Place) => boolean; deniedCode: string }[] = [
	{ name: 'the incident', topic: () => `incident:${crisis.id}`, allowed: (role) => READERS.includes(role), deniedCode: 'forbidden' },
	{ name: 'the incident list', topic: () => 'incidents', allowed: (role) => READERS.includes(role), deniedCode: 'forbidden' },
	{ name: 'the bluswater board', topic: () => 'bluswater', allowed: (role) => READERS.includes(role), deniedCode: 'forbidden' },
	{ name: 'the exercise injects', topic: () => `injects:${exercise.id}`, allowed: (role) => role === 'oefenleider', deniedCode: 'forbidden' },
	{ name: 'the Haarlem Bibob overview', topic: () => 'bibob:haarlem', allowed: (role, place) => role === 'bibob' && place === 'own', deniedCode: 'forbidden' }
];

describe('every role × place × action over HTTP', () => {
	for (const check of HTTP_CHECKS) {
		it(check.name, async () => {
			const seen: Record<string, number> = {};
			const wanted: Record<string, number> = {};
			for (const role of ROLES) {
				for (const place of PLACES) {
					const { user } = users.get(key(role, place))!;
					seen[key(role, place)] = (await check.run(user, role)).status;
					wanted[key(role, place)] = check.allowed(role, place) ? check.ok : check.denied;
				}
			}
			expect(seen).toEqual(wanted);
		});
	}
});

describe('every role × place × topic over socket subscriptions', () => {
	it('subscribes exactly where the policy allows, and answers the same way HTTP does', async () => {
		const seen: Record<string, string> = {};
		const wanted: Record<string, string> = {};
		for (const role of ROLES) {
			for (const place of PLACES) {
				const socket = await connectClient(node.url, users.get(key(role, place))!.token);
				sockets.push(socket);
				for (const check of TOPIC_CHECKS) {
					const ack = (await socket.timeout(5_000).emitWithAck('subscribe', { topic: check.topic() })) as SubscribeAck;
					const name = `${key(role, place)} ${check.name}`;
					seen[name] = ack.ok ? 'ok' : ack.code;
					wanted[name] = check.allowed(role, place) ? 'ok' : check.deniedCode;
				}
				socket.close();
			}
		}
		expect(seen).toEqual(wanted);
	});
});
