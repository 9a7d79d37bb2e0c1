// A screening from opening to decision through the services: the permit's bibob_status and the
// calendar's news of it, the order of the procedure (decision before advice or during the
// zienswijze term, dates in the wrong order, disclosure without a ground: refused in Dutch with
// nothing written), version conflicts, retention and destruction with a minimal trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import * as svc from '../../src/lib/server/bibob/bibob-service.ts';
import * as input from '../../src/lib/server/bibob/bibob-input.ts';
import { readFile } from '../../src/lib/server/bibob/bibob-read-service.ts';
import { destroyFile, saveSettings } from '../../src/lib/server/bibob/bibob-retention-service.ts';
import { overview } from '../../src/lib/server/bibob/bibob-read-service.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { ctx, insertEventApplication, openOtherScreening, openScreening } from '../support/bibob-fixtures.ts';
import * as stepRoute from '../../src/routes/api/v1/bibob/files/[id=uuid]/[step]/+server.ts';
import * as filesRoute from '../../src/routes/api/v1/bibob/files/+server.ts';
import * as fileRoute from '../../src/routes/api/v1/bibob/files/[id=uuid]/+server.ts';

let t: TestDatabase;
let officer: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	officer = await createUser(t.db, { name: 'Bibob Haarlem', grants: [{ role: 'bibob', municipality: 'haarlem' }] });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

async function refused(promise: Promise<unknown>): Promise<ServiceError> {
	const err = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(err, 'expected a refusal').toBeInstanceOf(ServiceError);
	return err as ServiceError;
}

const app = (id: string) => t.db.selectFrom('eventApplication').select(['bibobStatus', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
const fileRow = (id: string) => t.db.selectFrom('bibobFile').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('a screening on an event application, from opening to decision', () => {
	it('runs the whole procedure and keeps the permit blocked until the decision', async () => {
		const application = await insertEventApplication(t.db, { municipality: 'haarlem' });
		let file = await openScreening(t.db, officer, 'haarlem', application.id);
		expect(file).toMatchObject({ status: 'open', stage: 'eigen_onderzoek', applicantName: 'Strandfeest Events B.V.', eventApplication: { id: application.id } });
		// The permit: blocked (the events service refuses a decision while bibob_status = 'loopt').
		expect(await app(application.id)).toEqual({ bibobStatus: 'loopt', version: application.version + 1 });
		const calendar = await eventsSince(t.db, 'calendar', 0);
		expect(calendar.at(-1)).toMatchObject({ type: 'event.changed', data: { id: application.id, bibob: 'loopt' } });
		// A second screening on the same application at the same time is refused.
		expect(await refused(openScreening(t.db, officer, 'haarlem', application.id))).toMatchObject({ status: 409, code: 'bibob_already_open' });

		file = await svc.addParty(t.db, officer, file.id, input.partyInput.parse({ kind: 'organisatie', name: 'Strandfeest Events B.V.', kvk: '12345678' }), ctx);
		file = await svc.addParty(t.db, officer, file.id, input.partyInput.parse({ kind: 'persoon', name: 'P. Financier', role: 'financier' }), ctx);
		expect(file.parties.map((p) => [p.kind, p.kvk, p.role])).toEqual([['organisatie', '12345678', null], ['persoon', null, 'financier']]);
		file = await svc.setQuestionnaire(t.db, officer, file.id, input.questionnaireInput.parse({ version: (await fileRow(file.id)).version, sentOn: '2026-05-04' }), ctx);
		expect(file.questionnaire).toEqual({ sentOn: '2026-05-04', dueOn: '2026-06-01', receivedOn: null });
		expect(file.stage).toBe('vragenlijst');
		file = await svc.setQuestionnaire(t.db, officer, file.id, input.questionnaireInput.parse({ version: file.version, sentOn: '2026-05-04', receivedOn: '2026-05-20' }), ctx);
		file = await svc.addAnswer(t.db, officer, file.id, input.answerInput.parse({ section: 'financiering', formReference: '4.1, 4.2', summary: 'Lening van P. Financier, geen overeenkomst bijgevoegd' }), ctx);
		file = await svc.addFinding(t.db, officer, file.id, input.findingInput.parse({ indicator: 'herkomst_vermogen', description: 'Herkomst lening onduidelijk', source: 'Jaarrekening 2025', foundOn: '2026-05-22' }), ctx);
		file = await svc.addFinding(t.db, officer, file.id, input.findingInput.parse({ indicator: 'riec_signaal', description: 'Signaal over financier', source: 'RIEC Noord-Holland', foundOn: '2026-04-20' }), ctx);
		file = await svc.setConclusion(t.db, officer, file.id, input.conclusionInput.parse({ version: file.version, conclusion: 'advies_lbb', text: 'Herkomst niet te verklaren', concludedOn: '2026-05-25' }), ctx);

		// LBB: requested; a decision now is refused with nothing written.
		file = await svc.requestLbbAdvice(t.db, officer, file.id, input.lbbRequestInput.parse({ version: file.version, requestedOn: '2026-05-26' }), ctx);
		expect(file.lbb).toMatchObject({ requestedOn: '2026-05-26', dueOn: '2026-07-21' });
		expect(file.stage).toBe('lbb_advies');
		// The decision term is suspended: 20 days so far on 15 June.
		expect(file.termDetail).toMatchObject({ state: 'opgeschort', suspendedDays: 20, deadline: '2026-08-04' });
		const before = await fileRow(file.id);
		const early = await refused(
			svc.decide(t.db, officer, file.id, input.decisionInput.parse({ version: file.version, decision: 'verlenen', decidedOn: '2026-06-10', reasoning: 'r', proportionality: 'p' }), ctx)
		);
		expect(early).toMatchObject({ status: 409, code: 'advice_pending' });
		expect(early.message).toMatch(/advies aan het LBB gevraagd/);
		expect(await fileRow(file.id)).toEqual(before);
		expect((await app(application.id)).bibobStatus).toBe('loopt');

		// Extra questions during the LBB period: the overlap counts once.
		file = await svc.addExtraQuestion(t.db, officer, file.id, input.extraQuestionInput.parse({ subject: 'Leningsovereenkomst', sentOn: '2026-06-01' }), ctx);
		file = await svc.answerExtraQuestion(t.db, officer, file.id, file.extraQuestions[0]!.id, input.extraAnswerInput.parse({ answeredOn: '2026-06-08' }), ctx);
		file = await svc.extendLbbTerm(t.db, officer, file.id, input.lbbExtensionInput.parse({ version: file.version, extendedOn: '2026-06-10' }), ctx);
		expect(file.lbb!.dueOn).toBe('2026-08-18');
		expect(await refused(svc.extendLbbTerm(t.db, officer, file.id, input.lbbExtensionInput.parse({ version: file.version, extendedOn: '2026-06-11' }), ctx))).toMatchObject({ code: 'lbb_already_extended' });
		// Advice before the request: wrong order, 400, field named.
		const order = await refused(svc.recordLbbAdvice(t.db, officer, file.id, input.lbbAdviceInput.parse({ version: file.version, receivedOn: '2026-05-20', conclusion: 'ernstig_gevaar', summary: 's' }), ctx));
		expect(order).toMatchObject({ status: 400, code: 'date_order', fields: [{ field: 'receivedOn' }] });
		file = await svc.recordLbbAdvice(t.db, officer, file.id, input.lbbAdviceInput.parse({ version: file.version, receivedOn: '2026-06-12', conclusion: 'mindere_mate', summary: 'Mindere mate van gevaar' }), ctx);
		expect(file.stage).toBe('besluitvorming');
		// 26 May – 12 June: 17 days; 15 July + 17 = 1 August (Saturday) → Monday 3 August.
		expect(file.termDetail).toMatchObject({ state: 'loopt', suspendedDays: 17, deadline: '2026-08-03' });

		// A refusal needs an intention first; then the zienswijze term runs.
		expect(await refused(svc.decide(t.db, officer, file.id, input.decisionInput.parse({ version: file.version, decision: 'verlenen_met_voorschriften', decidedOn: '2026-06-13', reasoning: 'r', proportionality: 'p', conditions: 'c' }), ctx))).toMatchObject({ code: 'hearing_required' });
		file = await svc.recordIntention(t.db, officer, file.id, input.intentionInput.parse({ version: file.version, intention: 'voorschriften', intentionOn: '2026-06-15' }), ctx);
		expect(file.intention).toMatchObject({ zienswijzeDueOn: '2026-06-29' });
		const during = await refused(
			svc.decide(t.db, officer, file.id, input.decisionInput.parse({ version: file.version, decision: 'verlenen_met_voorschriften', decidedOn: '2026-06-15', reasoning: 'r', proportionality: 'p', conditions: 'c' }), ctx)
		);
		expect(during).toMatchObject({ status: 409, code: 'hearing_term_running' });
		file = await svc.recordZienswijze(t.db, officer, file.id, input.zienswijzeInput.parse({ version: file.version, receivedOn: '2026-06-15', summary: 'Aanvrager legt de overeenkomst over' }), ctx);

		// Proportionality is required.
		expect(input.decisionInput.safeParse({ version: file.version, decision: 'verlenen_met_voorschriften', decidedOn: '2026-06-15', reasoning: 'r', proportionality: ' ', conditions: 'c' }).success).toBe(false);
		file = await svc.decide(
			t.db,
			officer,
			file.id,
			input.decisionInput.parse({
				version: file.version,
				decision: 'verlenen_met_voorschriften',
				decidedOn: '2026-06-15',
				reasoning: 'Mindere mate van gevaar; voorschriften volstaan',
				proportionality: 'Weigeren zou onevenredig zijn: eenmalig evenement, financier vervangen',
				conditions: 'Geen financiering door P. Financier'
			}),
			ctx
		);
		expect(file).toMatchObject({ status: 'afgerond', stage: 'afgerond', closedOn: '2026-06-15', decision: { decision: 'verlenen_met_voorschriften', decidedBy: 'Bibob Haarlem' } });
		expect((await app(application.id)).bibobStatus).toBe('afgerond');
		expect((await eventsSince(t.db, 'calendar', 0)).at(-1)).toMatchObject({ data: { id: application.id, bibob: 'afgerond' } });
		// Nothing more can be added to a closed file.
		expect(await refused(svc.addFinding(t.db, officer, file.id, input.findingInput.parse({ indicator: 'stroman', description: 'd', source: 's', foundOn: '2026-06-15' }), ctx))).toMatchObject({ code: 'file_closed' });

		// Every step is audited without content, and announced without content.
		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', file.id).execute();
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['bibob.file.opened', 'bibob.file.lbb_advice_requested', 'bibob.file.decided']));
		expect(JSON.stringify(audit)).not.toMatch(/P\. Financier|Strandfeest Events|Herkomst lening|Leningsovereenkomst/);
		const news = await eventsSince(t.db, 'bibob:haarlem', 0);
		expect(news.length).toBeGreaterThan(10);
		expect(JSON.stringify(news.map((n) => n.data))).not.toMatch(/P\. Financier|Strandfeest Events|Herkomst lening|Leningsovereenkomst/);
	});

	it('refuses a stale version with 409 and the current file', async () => {
		const file = await openOtherScreening(t.db, officer, 'haarlem');
		await svc.requestLbbAdvice(t.db, officer, file.id, input.lbbRequestInput.parse({ version: file.version, requestedOn: '2026-05-10' }), ctx);
		const stale = await refused(svc.requestLbbAdvice(t.db, officer, file.id, input.lbbRequestInput.parse({ version: file.version, requestedOn: '2026-05-11' }), ctx));
		expect(stale).toMatchObject({ status: 409, code: 'version_conflict' });
		// Who changed it and when, not a version number.
		expect(stale.message).toMatch(new RegExp(`^${officer.name} heeft dit dossier om \\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2} gewijzigd\\. `));
		expect(stale.message).not.toMatch(/versie/);
		expect((stale.extra.current as { lbb: { requestedOn: string } }).lbb.requestedOn).toBe('2026-05-10');
	});

	it('refuses a disclosure without a ground, or with a ground that does not fit the recipient', async () => {
		const file = await openOtherScreening(t.db, officer, 'haarlem');
		const missing = input.disclosureInput.safeParse({ recipientKind: 'riec', recipient: 'RIEC NH', disclosedOn: '2026-06-01', shared: 'Bevindingen' });
		expect(missing.success).toBe(false);
		expect(missing.error!.issues[0]).toMatchObject({ path: ['ground'], message: expect.stringMatching(/zonder grondslag/) });
		const mismatch = await refused(
			svc.recordDisclosure(t.db, officer, file.id, input.disclosureInput.parse({ recipientKind: 'riec', recipient: 'RIEC NH', ground: 'rechter', disclosedOn: '2026-06-01', shared: 'Bevindingen' }), ctx)
		);
		expect(mismatch).toMatchObject({ status: 400, code: 'ground_mismatch' });
		const done = await svc.recordDisclosure(t.db, officer, file.id, input.disclosureInput.parse({ recipientKind: 'riec', recipient: 'RIEC NH', ground: 'riec', disclosedOn: '2026-06-01', shared: 'Bevindingen eigen onderzoek' }), ctx);
		expect(done.disclosures).toEqual([expect.objectContaining({ recipientKind: 'riec', ground: 'riec', recordedBy: 'Bibob Haarlem' })]);
	});

	it('answers bad API input with 400 naming the fields, never a half-written file', async () => {
		const file = await openOtherScreening(t.db, officer, 'haarlem');
		const call = async (handler: (e: never) => Response | Promise<Response>, params: Record<string, string>, body: unknown) => {
			const response = await handler({
				locals: { ...requestLocals(t.db), user: officer },
				params,
				request: new Request('http://paraat.test/api', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
				url: new URL('http://paraat.test/api'),
				getClientAddress: () => '192.0.2.1'
			} as never);
			return { status: response.status, body: (await response.json()) as { error?: { code: string; fields?: { field: string }[] } } };
		};
		const bad = await call(stepRoute.POST, { id: file.id, step: 'parties' }, { kind: 'organisatie', name: 'X', kvk: '1234' });
		expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', fields: [{ field: 'kvk' }] } } });
		const unknown = await call(stepRoute.POST, { id: file.id, step: 'zomaar' }, {});
		expect(unknown.status).toBe(404);
		const openBad = await call(filesRoute.POST, {}, { permitKind: 'evenement', municipality: 'haarlem', applicantName: 'A', originalDeadline: '2026-02-30' });
		expect(openBad.status).toBe(400);
		expect(openBad.body.error!.fields!.map((f) => f.field).sort()).toEqual(['eventApplicationId', 'originalDeadline']);
		expect((await readFile(t.db, officer, file.id, { ...ctx, channel: 'api' })).parties).toEqual([]);
	});
});

describe('retention and destruction', () => {
	it('lists files past retention and destroys them to a minimal trace, keeping the access log', async () => {
		const application = await insertEventApplication(t.db, { municipality: 'haarlem' });
		let file = await openScreening(t.db, officer, 'haarlem', application.id);
		file = await svc.addParty(t.db, officer, file.id, input.partyInput.parse({ kind: 'persoon', name: 'Geheime Persoon', role: 'bestuurder' }), ctx);
		file = await svc.recordDisclosure(t.db, officer, file.id, input.disclosureInput.parse({ recipientKind: 'driehoek', recipient: 'Driehoek Haarlem', ground: 'driehoek', disclosedOn: '2026-06-01', shared: 'Samenvatting' }), ctx);
		file = await svc.decide(t.db, officer, file.id, input.decisionInput.parse({ version: file.version, decision: 'verlenen', decidedOn: '2026-06-10', reasoning: 'Geen aanwijzingen', proportionality: 'n.v.t.: verlenen' }), ctx);
		await readFile(t.db, officer, file.id, { ...ctx, channel: 'pagina' });

		await saveSettings(t.db, officer, 'haarlem', input.settingsInput.parse({ version: 0, retentionYears: 2, zienswijzeWeeks: 2, answerWeeks: 4, warningDays: 10 }), ctx);
		const zandvoort = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'zandvoort' }] });
		expect(await refused(saveSettings(t.db, zandvoort, 'haarlem', input.settingsInput.parse({ version: 1, retentionYears: 9, zienswijzeWeeks: 2, answerWeeks: 4, warningDays: 10 }), ctx))).toMatchObject({ status: 403 });

		expect(await refused(destroyFile(t.db, officer, file.id, { version: file.version, confirm: true }, ctx))).toMatchObject({ code: 'retention_running' });
		const later = { ...ctx, today: '2028-06-11' };
		const listed = await overview(t.db, officer, later);
		expect(listed[0]!.forDestruction.map((f) => f.id)).toContain(file.id);
		expect(await refused(destroyFile(t.db, zandvoort, file.id, { version: file.version, confirm: true }, later))).toMatchObject({ status: 404 });

		await destroyFile(t.db, officer, file.id, { version: file.version, confirm: true }, later);
		const trace = await fileRow(file.id);
		expect(trace).toMatchObject({ status: 'vernietigd', municipalityCode: 'haarlem', permitKind: 'evenement', openedOn: '2026-05-01', closedOn: '2026-06-10', destroyedBy: officer.id, applicantName: null, permitReference: null, decisionReasoning: null, eventApplicationId: null });
		expect(trace.destroyedAt).toBeInstanceOf(Date);
		for (const table of ['bibobParty', 'bibobDisclosure'] as const) {
			expect(await t.db.selectFrom(table).select('id').where('fileId', '=', file.id).execute()).toEqual([]);
		}
		const log = await t.db.selectFrom('bibobAccessLog').select(['channel', 'part']).where('fileId', '=', file.id).execute();
		expect(log).toEqual([{ channel: 'pagina', part: 'dossier' }]);
		const after = await overview(t.db, officer, later);
		expect(after[0]!.forDestruction.map((f) => f.id)).not.toContain(file.id);
		expect(after[0]!.destroyed.map((f) => f.id)).toContain(file.id);
		// The permit keeps what others saw: the screening was done.
		expect((await app(application.id)).bibobStatus).toBe('afgerond');
	});
});

describe('reading through the API', () => {
	it('logs every GET, download and export; answers everyone else with the same JSON 404', async () => {
		const file = await openOtherScreening(t.db, officer, 'haarlem');
		const beheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'haarlem' }] });
		const get = async (handler: (e: never) => Response | Promise<Response>, user: SessionUser | null, params: Record<string, string>) =>
			handler({ locals: { ...requestLocals(t.db), user }, params, request: new Request('http://paraat.test/api'), url: new URL('http://paraat.test/api'), getClientAddress: () => '192.0.2.2' } as never);

		const ok = await get(fileRoute.GET, officer, { id: file.id });
		expect(ok.status).toBe(200);
		expect(ok.headers.get('cache-control')).toContain('no-store');
		expect(((await ok.json()) as { id: string }).id).toBe(file.id);
		const pdf = await get(stepRoute.GET, officer, { id: file.id, step: 'export.pdf' });
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
		const download = await get(stepRoute.GET, officer, { id: file.id, step: 'export.json' });
		expect(download.headers.get('content-disposition')).toContain('attachment');
		const report = await get(stepRoute.GET, officer, { id: file.id, step: 'access-report' });
		const body = (await report.json()) as { reads: { channel: string; part: string }[] };
		expect(body.reads.map((r) => `${r.channel}:${r.part}`)).toEqual(['api:toegangsverslag', 'download:export-json', 'export:export-pdf', 'api:dossier']);

		const denied = await get(fileRoute.GET, beheerder, { id: file.id });
		const missing = await get(fileRoute.GET, beheerder, { id: '00000000-0000-4000-8000-000000000000' });
		expect(denied.status).toBe(404);
		expect(await denied.json()).toEqual(await missing.json());
		expect((await get(fileRoute.GET, null, { id: file.id })).status).toBe(401);
		expect((await get(stepRoute.GET, beheerder, { id: file.id, step: 'export.pdf' })).status).toBe(404);
	});
});
