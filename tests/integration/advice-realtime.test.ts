// Advice news through the real socket layer: the officer on `advice:<applicationId>` sees the
// answer arrive, the adviser's inbox topic sees the request arrive, and nobody else may listen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { RealtimeEvent, SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import type { AdviceRequestRecord } from '../../src/lib/domain/advice/index.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import { answerAdvice, requestAdvice } from '../../src/lib/server/advice/advice-service.ts';

let t: TestDatabase;
let node: TestRealtimeNode;
let officer: SessionUser;
let brandweer: SessionUser;
let politie: SessionUser;
let brandweerVelsen: SessionUser;
let officerVelsen: SessionUser;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	officer = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	brandweer = await createUser(t.db, { name: 'Bart Brandweer', grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'brandweer' }] });
	politie = await createUser(t.db, { name: 'Paul Politie', grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'politie' }] });
	brandweerVelsen = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: 'velsen', discipline: 'brandweer' }] });
	officerVelsen = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'velsen' }] });
	node = await startRealtimeServer(t);
});

afterAll(async () => {
	for (const socket of sockets) socket.close();
	await node?.close();
	await t?.drop();
});

async function client(user: SessionUser) {
	const socket = await connectClient(node.url, await loginAs(t.db, user));
	sockets.push(socket);
	const events: RealtimeEvent[] = [];
	socket.on('event', (e) => events.push(e));
	const subscribe = (topic: string, since?: number) => socket.timeout(5_000).emitWithAck('subscribe', { topic, since }) as Promise<SubscribeAck>;
	return { socket, events, subscribe };
}

describe('live advice', () => {
	it('the adviser sees a request arrive in the inbox; the officer sees the answer arrive', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const adviser = await client(brandweer);
		expect(await adviser.subscribe('adviceinbox:haarlem-brandweer')).toMatchObject({ ok: true });
		const desk = await client(officer);
		expect(await desk.subscribe(`advice:${app.id}`)).toMatchObject({ ok: true });

		const created = await requestAdvice(t.db, officer, app.id);
		const brandweerRequest = created.find((r) => r.discipline === 'brandweer')!;
		const arrived = await waitFor(() => adviser.events.find((e) => e.type === 'advice.requested'), { what: 'advice.requested in the inbox' });
		expect(arrived).toMatchObject({ topic: 'adviceinbox:haarlem-brandweer', actor: { id: officer.id }, exercise: false });
		expect(arrived.data).toEqual(brandweerRequest);
		// Only the brandweer's own request reaches the brandweer inbox.
		expect(adviser.events.filter((e) => e.type === 'advice.requested')).toHaveLength(1);
		await waitFor(() => desk.events.filter((e) => e.type === 'advice.requested').length === 3, { what: 'three requests at the officer' });

		const started = Date.now();
		const answered = await answerAdvice(t.db, brandweer, brandweerRequest.id, {
			version: 1,
			advice: 'Tenten brandveilig, vluchtwegen vrij.',
			conditions: ['Brandblusser per kraam'],
			conclusion: 'positief_met_voorwaarden'
		});
		const news = await waitFor(() => desk.events.find((e) => e.type === 'advice.answered'), { what: 'advice.answered at the officer' });
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(news.data as AdviceRequestRecord).toEqual(answered);
		expect(news.actor).toEqual({ id: brandweer.id, name: 'Bart Brandweer' });
	});

	it('a late subscriber catches up with `since`', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.C });
		const [joint] = await requestAdvice(t.db, officer, app.id);
		await answerAdvice(t.db, politie, joint!.id, { version: 1, advice: 'Gezamenlijk advies: akkoord.', conditions: [], conclusion: 'positief' });
		const desk = await client(officer);
		const ack = await desk.subscribe(`advice:${app.id}`, 0);
		expect(ack).toMatchObject({ ok: true });
		if (!ack.ok) return;
		expect(ack.missed.map((e) => e.type)).toEqual(['advice.requested', 'advice.answered']);
	});

	it('refuses the advice of another municipality and another discipline’s inbox', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		await requestAdvice(t.db, officer, app.id);
		for (const user of [brandweerVelsen, officerVelsen]) {
			const c = await client(user);
			expect(await c.subscribe(`advice:${app.id}`)).toMatchObject({ ok: false, code: 'forbidden' });
		}
		const c = await client(politie);
		expect(await c.subscribe('adviceinbox:haarlem-brandweer')).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await c.subscribe('adviceinbox:haarlem-politie')).toMatchObject({ ok: true });
		// The wide municipality topic carries no advice content.
		const wide = await t.db.selectFrom('realtimeEvent').select('type').where('topic', '=', 'municipality:haarlem').execute();
		expect(wide.some((e) => e.type.startsWith('advice.'))).toBe(false);
	});
});
