// Advice follows its application, on a real PostgreSQL: a decision with advice outstanding or
// documents missing is refused with the list (or taken with an explicit reason), and closes every
// open request with news on the advisers' inbox topics; a class change after advice was asked
// re-routes the requests (B → C one joint request, C → B separate ones), keeps answered advice,
// and writes history and audit in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, parse } from '../support/incident-fixtures.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import { adviceInbox, adviceOfApplication, answerAdvice, requestAdvice } from '../../src/lib/server/advice/advice-service.ts';
import { answerAdviceInput } from '../../src/lib/server/advice/advice-input.ts';
import { decideApplication, getApplication, overrideCategory } from '../../src/lib/server/events/application-service.ts';
import { decisionInput, overrideInput } from '../../src/lib/server/events/application-input.ts';
import type { AdviceRequestRecord } from '../../src/lib/domain/advice/index.ts';

let t: TestDatabase;
let officer: SessionUser, brandweer: SessionUser, ghor: SessionUser, politie: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	const make = (name: string, role: SessionUser['grants'][number]['role'], discipline: 'brandweer' | 'ghor' | 'politie' | null = null) =>
		createUser(t.db, { name, grants: [{ role, municipality: 'haarlem', discipline }] });
	officer = await make('Vera Vergunning', 'vergunningverlener');
	brandweer = await make('Bart Brandweer', 'adviseur', 'brandweer');
	ghor = await make('Gerda GHOR', 'adviseur', 'ghor');
	politie = await make('Paul Politie', 'adviseur', 'politie');
});

afterAll(async () => {
	await t?.drop();
});

const version = async (id: string) => (await t.db.selectFrom('eventApplication').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const byKind = (requests: AdviceRequestRecord[]) => Object.fromEntries(requests.map((r) => [`${r.discipline}:${r.status}`, r]));
const inboxEvents = async (discipline: string) =>
	t.db.selectFrom('realtimeEvent').select(['type', 'data']).where('topic', '=', `adviceinbox:haarlem-${discipline}`).orderBy('seq').execute();
const answer = (v: number) => parse(answerAdviceInput, { version: v, advice: 'Geen bezwaar bij voldoende toezicht.', conclusion: 'positief' });

describe('a decision guards itself', () => {
	it('refuses with the list of what is missing, writes nothing; with a reason decides and closes open advice live', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling' });
		const asked = await requestAdvice(t.db, officer, app.id, {}, ctx);
		expect(asked.map((r) => r.discipline).sort()).toEqual(['brandweer', 'ghor', 'politie']);
		const politieRequest = asked.find((r) => r.discipline === 'politie')!;
		await answerAdvice(t.db, politie, politieRequest.id, answer(politieRequest.version), ctx);

		const body = { decision: 'verleend', reason: 'Past in het evenementenbeleid' };
		const before = await version(app.id);
		const refused = await expectServiceError(decideApplication(t.db, officer, app.id, parse(decisionInput, { ...body, version: before }), ctx), 409, 'decision_incomplete');
		const missing = refused.extra.missing as { kind: string; advice?: string; document?: string }[];
		expect(missing.filter((g) => g.kind === 'advice_open').map((g) => g.advice).sort()).toEqual(['brandweer', 'ghor']);
		expect(missing.filter((g) => g.kind === 'document').map((g) => g.document)).toEqual(['situatietekening', 'constructieberekening']);
		expect(refused.message).toMatch(/brandweer.*GHOR|GHOR.*brandweer/);
		expect(await version(app.id)).toBe(before);
		expect((await adviceInbox(t.db, brandweer)).filter((r) => r.status === 'gevraagd').map((r) => r.applicationId)).toContain(app.id);

		// A reason of spaces is no reason.
		await expectServiceError(decideApplication(t.db, officer, app.id, parse(decisionInput, { ...body, version: before, despiteMissing: '   ' }), ctx), 409, 'decision_incomplete');

		const eventsBefore = (await inboxEvents('brandweer')).length;
		const decided = await decideApplication(t.db, officer, app.id, parse(decisionInput, { ...body, version: before, despiteMissing: 'Evenement over drie dagen; advies mondeling ontvangen' }), ctx);
		expect(decided.status).toBe('besluit');
		expect(decided.decision?.despite).toMatchObject({ reason: 'Evenement over drie dagen; advies mondeling ontvangen' });
		expect(decided.decision?.despite?.gaps.map((g) => g.kind)).toEqual(['advice_open', 'advice_open', 'document', 'document']);
		expect(decided.history.at(-1)).toMatchObject({ toStatus: 'besluit' });
		expect(decided.history.at(-1)?.note).toContain('Besluit ondanks ontbrekend advies');

		// Open requests are closed; the answered one stays as it was.
		const after = byKind(await adviceOfApplication(t.db, officer, app.id));
		expect(Object.keys(after).sort()).toEqual(['brandweer:ingetrokken', 'ghor:ingetrokken', 'politie:uitgebracht']);
		expect(after['brandweer:ingetrokken']!.withdrawnReason).toMatch(/besloten/);
		// The advisers' inboxes hear it (live) and list nothing open for this application.
		const news = (await inboxEvents('brandweer')).slice(eventsBefore);
		expect(news.map((e) => [e.type, (e.data as unknown as AdviceRequestRecord).status])).toEqual([['advice.withdrawn', 'ingetrokken']]);
		expect((await adviceInbox(t.db, ghor)).filter((r) => r.status === 'gevraagd' && r.applicationId === app.id)).toEqual([]);
		// Audited as a decision despite gaps, and per closed request.
		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', 'in', [app.id, ...asked.map((r) => r.id)]).execute();
		expect(audit.filter((a) => a.action === 'advice.withdrawn')).toHaveLength(2);
		expect(audit.find((a) => a.action === 'application.decided')?.details).toMatchObject({ despiteMissing: 'Evenement over drie dagen; advies mondeling ontvangen' });
	});
});

describe('advice follows the class', () => {
	it('B → C: the open separate requests are withdrawn with a message, one joint request is asked, answered advice is kept', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling' });
		const asked = await requestAdvice(t.db, officer, app.id, {}, ctx);
		const politieRequest = asked.find((r) => r.discipline === 'politie')!;
		await answerAdvice(t.db, politie, politieRequest.id, answer(politieRequest.version), ctx);
		const ghorEvents = (await inboxEvents('ghor')).length;

		const view = await overrideCategory(t.db, officer, app.id, parse(overrideInput, { version: await version(app.id), category: 'C', reason: 'Landelijke artiest, meer publiek verwacht' }), ctx);
		expect(view.category).toBe('C');
		const after = byKind(await adviceOfApplication(t.db, officer, app.id));
		expect(Object.keys(after).sort()).toEqual(['brandweer:ingetrokken', 'ghor:ingetrokken', 'joint:gevraagd', 'politie:uitgebracht']);
		expect(after['ghor:ingetrokken']!.withdrawnReason).toMatch(/van B naar C.*gezamenlijk/);
		expect(view.history.at(-1)?.note).toBe('Advies opnieuw verdeeld na klassewijziging B → C; ingetrokken: Brandweer, GHOR; gevraagd: Gezamenlijk advies (brandweer, GHOR, politie)');
		// The GHOR inbox heard the withdrawal and the new joint request.
		const news = (await inboxEvents('ghor')).slice(ghorEvents).map((e) => [e.type, (e.data as unknown as AdviceRequestRecord).discipline]);
		expect(news).toEqual([
			['advice.withdrawn', 'ghor'],
			['advice.requested', 'joint']
		]);
		expect((await adviceInbox(t.db, brandweer)).filter((r) => r.applicationId === app.id && r.status === 'gevraagd').map((r) => r.discipline)).toEqual(['joint']);
	});

	it('C → B: an open joint request gives way to separate ones; an answered joint advice stays and nothing is re-asked', async () => {
		const open = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling', override: { category: 'C', reason: 'Groot', by: officer.id } });
		await requestAdvice(t.db, officer, open.id, {}, ctx);
		const view = await overrideCategory(t.db, officer, open.id, parse(overrideInput, { version: await version(open.id), category: null, reason: '' }), ctx);
		expect(view.category).toBe('B');
		const after = byKind(await adviceOfApplication(t.db, officer, open.id));
		expect(Object.keys(after).sort()).toEqual(['brandweer:gevraagd', 'ghor:gevraagd', 'joint:ingetrokken', 'politie:gevraagd']);
		expect(view.history.at(-1)?.note).toMatch(/klassewijziging C → B; ingetrokken: Gezamenlijk/);

		const answered = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling', override: { category: 'C', reason: 'Groot', by: officer.id } });
		const [joint] = await requestAdvice(t.db, officer, answered.id, {}, ctx);
		await answerAdvice(t.db, ghor, joint!.id, answer(joint!.version), ctx);
		const historyBefore = (await getApplication(t.db, officer, answered.id)).history.length;
		const back = await overrideCategory(t.db, officer, answered.id, parse(overrideInput, { version: await version(answered.id), category: null, reason: '' }), ctx);
		expect(back.category).toBe('B');
		expect((await adviceOfApplication(t.db, officer, answered.id)).map((r) => `${r.discipline}:${r.status}`)).toEqual(['joint:uitgebracht']);
		expect(back.history).toHaveLength(historyBefore);
	});

	it('a stale class change gets 409 and re-routes nothing', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling' });
		await requestAdvice(t.db, officer, app.id, {}, ctx);
		const stale = (await version(app.id)) - 1;
		await expectServiceError(overrideCategory(t.db, officer, app.id, parse(overrideInput, { version: stale, category: 'C', reason: 'Groot' }), ctx), 409);
		expect((await adviceOfApplication(t.db, officer, app.id)).every((r) => r.status === 'gevraagd' && r.discipline !== 'joint')).toBe(true);
	});
});
