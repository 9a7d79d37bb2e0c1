// Crisis work is multidisciplinary (issue 15): the demo exercise holds the picture and log
// entries of brandweer, GHOR, politie and gemeente, written by their own demo accounts and
// verified by the crisis team; and officers of different disciplines see each other's part of
// the picture arrive live, without reloading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { findGrants } from '../../src/lib/server/auth/session-queries.ts';
import type { RealtimeEvent, SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import { seedDemoAccounts, seedReferenceData } from '../../src/lib/server/runtime/seed.ts';
import { DEMO_EXERCISE_TITLE, seedDemoExercise } from '../../src/lib/server/demo/demo-exercise.ts';
import { changeSection } from '../../src/lib/server/logbook/picture-service.ts';
import { createTestDatabase, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';

let t: TestDatabase;
let node: TestRealtimeNode;
let incidentId: string;
const sockets: ClientSocket[] = [];

async function demoUser(email: string): Promise<SessionUser> {
	const row = await t.db.selectFrom('appUser').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
	return { ...row, grants: await findGrants(t.db, row.id) };
}

beforeAll(async () => {
	t = await createTestDatabase();
	await seedReferenceData(t.db);
	await seedDemoAccounts(t.db);
	await seedDemoExercise(t.db);
	incidentId = (await t.db.selectFrom('incident').select('id').where('title', '=', DEMO_EXERCISE_TITLE).executeTakeFirstOrThrow()).id;
	node = await startRealtimeServer(t);
}, 60_000);

afterAll(async () => {
	for (const socket of sockets) socket.close();
	await node?.close();
	await t?.drop();
});

describe('the demo exercise', () => {
	it('has demo accounts for GHOR and politie, municipal and regional', async () => {
		for (const email of ['ghor@paraat.test', 'politie@paraat.test', 'ghor.haarlem@paraat.test', 'politie.velsen@paraat.test']) {
			const user = await demoUser(email);
			expect(user.grants.map((g) => g.role)).toEqual([email.split(/[.@]/)[0]]);
		}
	});

	it('holds a picture section and verified log entries of each discipline, by its own officer', async () => {
		const sections = await t.db
			.selectFrom('situationSection')
			.innerJoin('appUser', 'appUser.id', 'situationSection.updatedBy')
			.select(['section', 'appUser.email'])
			.where('incidentId', '=', incidentId)
			.orderBy('section')
			.execute();
		expect(sections).toEqual([
			{ section: 'bevolkingszorg', email: 'bevolkingszorg.zandvoort@paraat.test' },
			{ section: 'brandweer', email: 'brandweer@paraat.test' },
			{ section: 'communicatie', email: 'bevolkingszorg.zandvoort@paraat.test' },
			{ section: 'ghor', email: 'ghor@paraat.test' },
			{ section: 'politie', email: 'politie@paraat.test' },
			{ section: 'samenvatting', email: 'crisisteam@paraat.test' }
		]);
		const entries = await t.db
			.selectFrom('logEntry')
			.innerJoin('appUser as author', 'author.id', 'logEntry.authorId')
			.leftJoin('appUser as verifier', 'verifier.id', 'logEntry.verifiedBy')
			.select(['logEntry.discipline', 'author.email as author', 'verifier.email as verifier'])
			.where('incidentId', '=', incidentId)
			.orderBy('logEntry.number')
			.execute();
		const authors: Record<string, string> = {
			brandweer: 'brandweer@paraat.test',
			ghor: 'ghor@paraat.test',
			politie: 'politie@paraat.test',
			bevolkingszorg: 'bevolkingszorg.zandvoort@paraat.test',
			communicatie: 'bevolkingszorg.zandvoort@paraat.test',
			algemeen: 'crisisteam@paraat.test'
		};
		for (const entry of entries) expect(entry.author, entry.discipline).toBe(authors[entry.discipline]);
		// Each discipline's reports are verified by the crisis team's information manager.
		for (const discipline of ['brandweer', 'ghor', 'politie', 'bevolkingszorg']) {
			expect(entries.some((e) => e.discipline === discipline && e.verifier === 'crisisteam@paraat.test'), discipline).toBe(true);
		}
		// Injects still to come, each with the source the players will see.
		const injects = await t.db.selectFrom('inject').select(['source', 'deliveredAt', 'dueAt']).where('incidentId', '=', incidentId).orderBy('dueMinutes').execute();
		expect(injects.map((i) => i.source)).toEqual(['Meldkamer ambulancezorg', 'Burger via 112', 'Omroep Zandvoort']);
		for (const inject of injects) {
			expect(inject.deliveredAt).toBeNull();
			expect(new Date(inject.dueAt).getTime()).toBeGreaterThan(Date.now());
		}
	});

	it('shows a GHOR officer the politie section live, and refuses them the politie section', async () => {
		const ghor = await demoUser('ghor.haarlem@paraat.test');
		const politie = await demoUser('politie.velsen@paraat.test');
		const socket = await connectClient(node.url, await loginAs(t.db, ghor));
		sockets.push(socket);
		const events: RealtimeEvent[] = [];
		socket.on('event', (e) => events.push(e));
		const ack = (await socket.timeout(5_000).emitWithAck('subscribe', { topic: `incident:${incidentId}` })) as SubscribeAck;
		expect(ack.ok).toBe(true);

		const current = await t.db.selectFrom('situationSection').select('version').where('incidentId', '=', incidentId).where('section', '=', 'politie').executeTakeFirstOrThrow();
		await changeSection(t.db, politie, incidentId, 'politie', { text: 'Zeeweg weer open voor hulpdiensten.', version: current.version }, { ip: null });
		const seen = await waitFor(() => events.find((e) => e.type === 'picture.updated'), { what: 'the politie section on the GHOR socket' });
		expect(seen).toMatchObject({ exercise: true, data: { section: 'politie', text: 'Zeeweg weer open voor hulpdiensten.' } });

		await expect(changeSection(t.db, ghor, incidentId, 'politie', { text: 'Niet van mij.', version: current.version + 1 }, { ip: null })).rejects.toMatchObject({ status: 403 });
	});
});
