// Who may do what with an event application: roles × municipalities × actions (read, list,
// create, update, submit, decide, upload, download) through the real services, plus the
// application's live topic; and the API routes' answers (400 naming every field, 415/413 for
// documents, a safe Content-Disposition).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type SessionUser } from '../../src/lib/server/auth/roles.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { authoriseTopic } from '../../src/lib/server/realtime/topics.ts';
import { applicationChangeInput, decisionInput, newApplicationInput, transitionInput } from '../../src/lib/server/events/application-input.ts';
import {
	createApplication,
	decideApplication,
	getApplication,
	listApplications,
	submitApplication,
	transitionApplication,
	updateApplication
} from '../../src/lib/server/events/application-service.ts';
import { downloadDocument, uploadDocument } from '../../src/lib/server/events/document-service.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { ctx, parse } from '../support/incident-fixtures.ts';
import { PDF, festivalBody, makeApplication } from '../support/event-fixtures.ts';
import * as eventsRoute from '../../src/routes/api/v1/events/+server.ts';
import * as eventRoute from '../../src/routes/api/v1/events/[id=uuid]/+server.ts';
import * as documentsRoute from '../../src/routes/api/v1/events/[id=uuid]/documents/+server.ts';
import * as documentRoute from '../../src/routes/api/v1/events/[id=uuid]/documents/[docId=uuid]/+server.ts';

let t: TestDatabase;
let owner: SessionUser;
const actors = new Map<string, SessionUser>();

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	owner = await createUser(t.db, { name: 'Eigenaar', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	for (const role of ROLES) {
		actors.set(`${role}.haarlem`, await createUser(t.db, { grants: [{ role, municipality: 'haarlem', discipline: role === 'adviseur' ? 'brandweer' : null }] }));
	}
	actors.set('vergunningverlener.velsen', await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'velsen' }] }));
	actors.set('vergunningverlener.regio', await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: null }] }));
	actors.set('beheerder.regio', await createUser(t.db, { grants: [{ role: 'beheerder', municipality: null }] }));
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

/** 'ok', or the refusal's status. */
async function outcome(run: () => Promise<unknown>): Promise<'ok' | number> {
	try {
		await run();
		return 'ok';
	} catch (err) {
		if (err instanceof ServiceError) return err.status;
		throw err;
	}
}

type Action = 'read' | 'list' | 'create' | 'update' | 'upload' | 'download' | 'submit' | 'decide' | 'topic';
type Expect = Record<Action, 'ok' | number>;

const ALLOWED: Expect = { read: 'ok', list: 'ok', create: 'ok', update: 'ok', upload: 'ok', download: 'ok', submit: 'ok', decide: 'ok', topic: 'ok' };
// No application role at all: 403 everywhere; the topic is refused.
const NO_ROLE: Expect = { read: 403, list: 403, create: 403, update: 403, upload: 403, download: 403, submit: 403, decide: 403, topic: 403 };
// An officer of another municipality: the application does not exist for them (404); they list their own.
const OTHER_MUNICIPALITY: Expect = { read: 404, list: 'ok', create: 403, update: 404, upload: 404, download: 404, submit: 404, decide: 404, topic: 404 };

const MATRIX: Record<string, Expect> = {
	'vergunningverlener.haarlem': ALLOWED,
	'vergunningverlener.regio': ALLOWED,
	'vergunningverlener.velsen': OTHER_MUNICIPALITY,
	...Object.fromEntries(ROLES.filter((r) => r !== 'vergunningverlener').map((r) => [`${r}.haarlem`, NO_ROLE])),
	'beheerder.regio': NO_ROLE
};

describe('permissions matrix: roles × municipalities × actions on a Haarlem application', () => {
	it.each(Object.keys(MATRIX))('%s', async (key) => {
		const user = actors.get(key)!;
		const app = await makeApplication(t.db, owner, { name: `Matrix ${key}` });
		const doc = await uploadDocument(t.db, owner, app.id, { kind: 'situatietekening', filename: 'kaart.pdf', content: PDF }, ctx);
		const got: Partial<Expect> = {};
		got.read = await outcome(() => getApplication(t.db, user, app.id));
		got.list = await outcome(async () => {
			const list = await listApplications(t.db, user);
			// Only the own municipality's applications (or all for a regional grant).
			expect(list.some((a) => a.id === app.id)).toBe(MATRIX[key]!.read === 'ok');
		});
		got.create = await outcome(() => createApplication(t.db, user, parse(newApplicationInput, festivalBody()), ctx));
		got.update = await outcome(() => updateApplication(t.db, user, app.id, parse(applicationChangeInput, { version: app.version, description: 'gewijzigd' }), ctx));
		got.upload = await outcome(() => uploadDocument(t.db, user, app.id, { kind: 'overig', filename: 'extra.pdf', content: PDF }, ctx));
		got.download = await outcome(() => downloadDocument(t.db, user, app.id, doc.id));
		const current = await getApplication(t.db, owner, app.id);
		got.submit = await outcome(() => submitApplication(t.db, user, app.id, current.version, ctx));
		const afterSubmit = await getApplication(t.db, owner, app.id);
		const treated =
			afterSubmit.status === 'ingediend'
				? await transitionApplication(t.db, owner, app.id, parse(transitionInput, { version: afterSubmit.version, status: 'in_behandeling' }), ctx)
				: await transitionApplication(t.db, owner, app.id, parse(transitionInput, { version: (await submitApplication(t.db, owner, app.id, afterSubmit.version, ctx)).version, status: 'in_behandeling' }), ctx);
		// Permission, not completeness, is under test here: the decision guard is given its reason.
		got.decide = await outcome(() =>
			decideApplication(t.db, user, app.id, parse(decisionInput, { version: treated.version, decision: 'verleend', reason: 'Akkoord', despiteMissing: 'Stukken volgen' }), ctx)
		);
		const topic = await authoriseTopic(t.db, user, `application:${app.id}`);
		got.topic = topic.ok ? 'ok' : topic.code === 'forbidden' ? 403 : 404;
		expect(got).toEqual(MATRIX[key]);
	});

	it('the advice capability can open an application to more readers through a hook', async () => {
		const app = await makeApplication(t.db, owner, { name: 'Hook' });
		const adviser = actors.get('adviseur.haarlem')!;
		expect(await outcome(() => getApplication(t.db, adviser, app.id))).toBe(403);
		expect(await outcome(() => getApplication(t.db, adviser, app.id, { mayRead: (_db, u) => u.id === adviser.id }))).toBe('ok');
		expect(await outcome(() => getApplication(t.db, adviser, app.id, { mayRead: () => false }))).toBe(404);
	});
});

type Handler = (event: never) => Promise<Response> | Response;

async function call(handler: Handler | undefined, options: { user: SessionUser; params?: Record<string, string>; body?: BodyInit | object; contentType?: string; method?: string; search?: string }) {
	const init: RequestInit = { method: options.method ?? 'POST' };
	if (options.body !== undefined) {
		const raw = options.body instanceof FormData || typeof options.body === 'string';
		init.body = raw ? (options.body as BodyInit) : JSON.stringify(options.body);
		if (!(options.body instanceof FormData)) init.headers = { 'content-type': options.contentType ?? 'application/json' };
	}
	const url = new URL(`http://paraat.test/api${options.search ?? ''}`);
	const event = { locals: { ...requestLocals(t.db), user: options.user }, params: options.params ?? {}, request: new Request(url, init), url, getClientAddress: () => '127.0.0.1' };
	return (handler as unknown as (e: typeof event) => Promise<Response>)(event);
}

describe('the /api/v1/events routes', () => {
	it('POST names every wrong field in a 400 and writes nothing; 201 for a good one; GET filters by status', async () => {
		const before = (await t.db.selectFrom('eventApplication').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
		const bad = await call(eventsRoute.POST as Handler, {
			user: owner,
			body: festivalBody({ municipality: 'atlantis', endsAt: '2027-06-12T10:00:00+02:00', peakVisitors: -1, description: 'x'.repeat(5001) })
		});
		expect(bad.status).toBe(400);
		const error = ((await bad.json()) as { error: { code: string; fields: { field: string }[] } }).error;
		expect(error.code).toBe('validation_failed');
		expect(error.fields.map((f) => f.field).sort()).toEqual(['description', 'endsAt', 'municipality', 'peakVisitors']);
		const after = (await t.db.selectFrom('eventApplication').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
		expect(after).toBe(before);

		const good = await call(eventsRoute.POST as Handler, { user: owner, body: festivalBody({ name: 'Via de API' }) });
		expect(good.status).toBe(201);
		const created = (await good.json()) as { id: string; version: number; status: string };
		expect(created.status).toBe('concept');

		const list = await call(eventsRoute.GET as Handler, { user: owner, method: 'GET', search: '?status=concept' });
		expect(((await list.json()) as { applications: { status: string }[] }).applications.every((a) => a.status === 'concept')).toBe(true);
		expect((await call(eventsRoute.GET as Handler, { user: owner, method: 'GET', search: '?status=klaar' })).status).toBe(400);

		const stale = await call(eventRoute.PATCH as Handler, { user: owner, params: { id: created.id }, method: 'PATCH', body: { version: created.version + 5, name: 'Oud' } });
		expect(stale.status).toBe(409);
		expect(((await stale.json()) as { current: { version: number } }).current.version).toBe(created.version);
	});

	it('documents: multipart upload, type by content, size limit, safe download headers', async () => {
		const app = await makeApplication(t.db, owner, { name: 'API-documenten' });
		const upload = (file: File, kind = 'veiligheidsplan') => {
			const form = new FormData();
			form.set('kind', kind);
			form.set('file', file);
			return call(documentsRoute.POST as Handler, { user: owner, params: { id: app.id }, body: form });
		};
		const ok = await upload(new File([PDF], 'Plan "zomer";\r\n.pdf', { type: 'application/pdf' }));
		expect(ok.status).toBe(201);
		const doc = (await ok.json()) as { id: string; filename: string };
		expect(doc.filename).toBe('Plan zomer;.pdf');
		expect((await upload(new File(['#!/bin/sh'], 'x.pdf', { type: 'application/pdf' }))).status).toBe(415);
		expect((await upload(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'groot.pdf'))).status).toBe(413);
		const wrongKind = await upload(new File([PDF], 'x.pdf'), 'paspoort');
		expect(wrongKind.status).toBe(400);
		expect(((await wrongKind.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual(['kind']);

		const download = await call(documentRoute.GET as Handler, { user: owner, method: 'GET', params: { id: app.id, docId: doc.id } });
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Plan zomer_.pdf"; filename*=UTF-8''${encodeURIComponent('Plan zomer;.pdf')}`);
		expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
		const velsen = actors.get('vergunningverlener.velsen')!;
		expect((await call(documentRoute.GET as Handler, { user: velsen, method: 'GET', params: { id: app.id, docId: doc.id } })).status).toBe(404);
	});
});
