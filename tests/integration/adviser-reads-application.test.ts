// Advisers read what they advise on (issue 15): the application, its risicoscan and its
// documents, for a request addressed to their discipline and municipality, while it is open and
// after they answered; never its Bibob part, and nothing of applications not addressed to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { insertDocument } from '../../src/lib/server/events/document-queries.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import * as eventAdviceRoute from '../../src/routes/api/v1/events/[id=uuid]/advice/+server.ts';
import * as eventRoute from '../../src/routes/api/v1/events/[id=uuid]/+server.ts';
import * as documentsRoute from '../../src/routes/api/v1/events/[id=uuid]/documents/+server.ts';
import * as documentRoute from '../../src/routes/api/v1/events/[id=uuid]/documents/[docId=uuid]/+server.ts';
import * as answerRoute from '../../src/routes/api/v1/advice/[id=uuid]/answer/+server.ts';

let t: TestDatabase;
let officer: SessionUser;
let ghorHaarlem: SessionUser;
let ghorRegion: SessionUser;
let ghorVelsen: SessionUser;
let politieHaarlem: SessionUser;
let applicationId: string;
let documentId: string;
let requestId: string;

type Handler = (event: never) => Promise<Response> | Response;

async function call(handler: Handler, user: SessionUser, params: Record<string, string>, init: { method?: string; body?: unknown } = {}) {
	const event = {
		locals: { ...requestLocals(t.db), user },
		params,
		request: new Request('http://paraat.test/api', {
			method: init.method ?? 'GET',
			headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body)
		}),
		url: new URL('http://paraat.test/api'),
		getClientAddress: () => '192.0.2.1'
	};
	const response = await handler(event as never);
	const type = response.headers.get('content-type') ?? '';
	return { status: response.status, body: type.includes('json') ? await response.json() : await response.text() };
}

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	officer = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	ghorHaarlem = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'ghor' }] });
	ghorRegion = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: null, discipline: 'ghor' }] });
	ghorVelsen = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: 'velsen', discipline: 'ghor' }] });
	politieHaarlem = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'politie' }] });
	// Class A: no advice required, so the officer asks the GHOR alone (of their own accord).
	applicationId = (await insertApplication(t.db, { scan: SCANS.A })).id;
	documentId = await t.db.transaction().execute((trx) =>
		insertDocument(trx, { applicationId, kind: 'situatietekening', filename: 'tekening.pdf', mimeType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 tekening'), uploadedBy: officer.id })
	);
	const asked = await call(eventAdviceRoute.POST, officer, { id: applicationId }, { method: 'POST', body: { disciplines: ['ghor'] } });
	expect(asked.status).toBe(201);
	requestId = asked.body.requests[0].id;
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

async function reads(user: SessionUser) {
	return {
		application: (await call(eventRoute.GET, user, { id: applicationId })).status,
		documents: (await call(documentsRoute.GET, user, { id: applicationId })).status,
		document: (await call(documentRoute.GET, user, { id: applicationId, docId: documentId })).status
	};
}

describe('an adviser reads the application they advise on', () => {
	it('the GHOR adviser of the municipality and the regional one read it, with risicoscan and drawing', async () => {
		for (const adviser of [ghorHaarlem, ghorRegion]) {
			expect(await reads(adviser)).toEqual({ application: 200, documents: 200, document: 200 });
		}
		const view = await call(eventRoute.GET, ghorHaarlem, { id: applicationId });
		expect(view.body.id).toBe(applicationId);
		expect(view.body).toHaveProperty('category');
		expect(view.body).toHaveProperty('scan');
		expect(JSON.stringify(view.body)).not.toMatch(/bibob/i);
		// The municipality keeps the contact with the organiser.
		expect(view.body).not.toHaveProperty('organiserEmail');
		expect(view.body).not.toHaveProperty('organiserPhone');
		const asOfficer = await call(eventRoute.GET, officer, { id: applicationId });
		expect(asOfficer.body).toMatchObject({ bibobStatus: 'geen', organiserEmail: expect.any(String) });
		const docs = await call(documentsRoute.GET, ghorHaarlem, { id: applicationId });
		expect(docs.body.documents.map((d: { filename: string }) => d.filename)).toEqual(['tekening.pdf']);
		expect((await call(documentRoute.GET, ghorHaarlem, { id: applicationId, docId: documentId })).body).toBe('%PDF-1.4 tekening');
	});

	it('an adviser of another discipline or municipality learns nothing: 404', async () => {
		for (const adviser of [politieHaarlem, ghorVelsen]) {
			expect(await reads(adviser)).toEqual({ application: 404, documents: 404, document: 404 });
		}
	});

	it('still reads after answering, and never writes the application', async () => {
		const answered = await call(answerRoute.POST, ghorHaarlem, { id: requestId }, { method: 'POST', body: { version: 1, advice: 'Zorg voor een EHBO-post bij de ingang.', conclusion: 'positief' } });
		expect(answered.status).toBe(200);
		expect(await reads(ghorHaarlem)).toEqual({ application: 200, documents: 200, document: 200 });
		const change = await call(eventRoute.PATCH, ghorHaarlem, { id: applicationId }, { method: 'PATCH', body: { version: 1, name: 'Door de adviseur gewijzigd' } });
		expect(change.status).toBe(403);
	});
});
