// Secrecy of Bibob files: every role of every municipality, and every regional grant, tries to
// read, list, download and subscribe to a Haarlem file (and to change it). Only Haarlem's own
// Bibob officer can; every successful read is in the access log, every refusal in the audit, and
// a refused file is indistinguishable from one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ROLES, type SessionUser } from '../../src/lib/server/auth/roles.ts';
import { KENNEMERLAND } from '../../src/lib/domain/region.ts';
import { authoriseTopic } from '../../src/lib/server/realtime/topics.ts';
import { exportFile, overview, readFile, accessReport } from '../../src/lib/server/bibob/bibob-read-service.ts';
import { addParty } from '../../src/lib/server/bibob/bibob-service.ts';
import { partyInput } from '../../src/lib/server/bibob/bibob-input.ts';
import { listAudit } from '../../src/lib/server/audit/audit.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import { createTestDatabase, createUser, loginAs, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type TestRealtimeNode } from '../support/realtime-server.ts';
import { ctx, insertEventApplication, openScreening } from '../support/bibob-fixtures.ts';
import type { SubscribeAck } from '../../src/lib/realtime/protocol.ts';

let t: TestDatabase;
let officer: SessionUser;
let fileId: string;
const everyone: { label: string; user: SessionUser }[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	officer = await createUser(t.db, { name: 'Bibob Haarlem', grants: [{ role: 'bibob', municipality: 'haarlem' }] });
	const app = await insertEventApplication(t.db, { municipality: 'haarlem' });
	fileId = (await openScreening(t.db, officer, 'haarlem', app.id)).id;
	const scopes: (string | null)[] = [...KENNEMERLAND.map((m) => m.code), null];
	for (const municipality of scopes) {
		for (const role of ROLES) {
			const user = await createUser(t.db, {
				name: `${role} ${municipality ?? 'regio'}`,
				grants: [{ role, municipality, discipline: role === 'adviseur' ? 'brandweer' : null }]
			});
			everyone.push({ label: `${role}@${municipality ?? 'regio'}`, user });
		}
	}
}, 120_000);

afterAll(async () => {
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

const reads = async (userId: string) =>
	t.db.selectFrom('bibobAccessLog').select(['channel', 'part']).where('fileId', '=', fileId).where('userId', '=', userId).orderBy('id').execute();
const refusals = async (userId: string) =>
	t.db.selectFrom('auditLog').select(['entityId', 'municipalityCode', 'details']).where('action', '=', 'bibob.access_refused').where('actorId', '=', userId).execute();

describe('who can see a Bibob file', () => {
	it('only the Bibob officer of the file’s own municipality: every role × every municipality and the region', async () => {
		const allowed: string[] = [];
		for (const { label, user } of everyone) {
			const isOwnOfficer = label === 'bibob@haarlem';
			// read (page), download (JSON), export (PDF), list, subscribe, write
			const outcomes = {
				read: await readFile(t.db, user, fileId, { ...ctx, channel: 'pagina' }).then(() => true, () => false),
				download: await exportFile(t.db, user, fileId, 'json', ctx).then(() => true, () => false),
				export: await exportFile(t.db, user, fileId, 'pdf', ctx).then((r) => r.body.subarray(0, 4).toString() === '%PDF', () => false),
				list: (await overview(t.db, user, ctx)).some((m) => m.open.some((f) => f.id === fileId)),
				subscribe: (await authoriseTopic(t.db, user, 'bibob:haarlem')).ok,
				write: await addParty(t.db, user, fileId, partyInput.parse({ kind: 'persoon', name: `Test ${label}`, role: 'bestuurder' }), ctx).then(() => true, () => false)
			};
			const expected = isOwnOfficer;
			expect(outcomes, label).toEqual({ read: expected, download: expected, export: expected, list: expected, subscribe: expected, write: expected });
			if (Object.values(outcomes).some(Boolean)) allowed.push(label);
			if (isOwnOfficer) {
				expect(await reads(user.id)).toEqual([
					{ channel: 'pagina', part: 'dossier' },
					{ channel: 'download', part: 'export-json' },
					{ channel: 'export', part: 'export-pdf' }
				]);
			} else {
				expect(await reads(user.id), `${label} left no read`).toEqual([]);
				// read, download, export and write were refused and audited, without the file's municipality.
				const audit = await refusals(user.id);
				expect(audit, label).toHaveLength(4);
				for (const a of audit) expect(a).toMatchObject({ entityId: fileId, municipalityCode: null });
			}
		}
		expect(allowed).toEqual(['bibob@haarlem']);
	}, 120_000);

	it('a refused file looks exactly like a file that does not exist', async () => {
		const beheerder = everyone.find((e) => e.label === 'beheerder@haarlem')!.user;
		const existing = await refused(readFile(t.db, beheerder, fileId, { ...ctx, channel: 'api' }));
		const missing = await refused(readFile(t.db, beheerder, randomUUID(), { ...ctx, channel: 'api' }));
		const garbage = await refused(readFile(t.db, beheerder, 'niet-een-id', { ...ctx, channel: 'api' }));
		for (const err of [existing, missing, garbage]) expect({ status: err.status, code: err.code, message: err.message }).toEqual({ status: existing.status, code: existing.code, message: existing.message });
		expect(existing.status).toBe(404);
		// Even the own officer gets that for a file that does not exist.
		expect((await refused(readFile(t.db, officer, randomUUID(), { ...ctx, channel: 'api' }))).message).toBe(existing.message);
	});

	it('a regional Bibob grant opens nothing; an officer of two municipalities sees both, separately', async () => {
		const regional = everyone.find((e) => e.label === 'bibob@regio')!.user;
		expect(await overview(t.db, regional, ctx)).toEqual([]);
		const two = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'haarlem' }, { role: 'bibob', municipality: 'zandvoort' }] });
		const seen = await overview(t.db, two, ctx);
		expect(seen.map((m) => m.municipality)).toEqual(['haarlem', 'zandvoort']);
		expect(seen[0]!.open.map((f) => f.id)).toContain(fileId);
		expect(seen[1]!.open).toEqual([]);
	});

	it('the access report shows reads (itself too), disclosures and refused attempts', async () => {
		const { report } = await accessReport(t.db, officer, fileId, { ...ctx, channel: 'pagina' });
		expect(report.reads[0]).toMatchObject({ channel: 'pagina', part: 'toegangsverslag', user: 'Bibob Haarlem' });
		expect(report.refusals.length).toBeGreaterThanOrEqual((everyone.length - 1) * 4);
		expect(report.refusals).toEqual(expect.arrayContaining([expect.objectContaining({ user: 'beheerder haarlem', action: 'bibob.read', channel: 'pagina' })]));
	});

	it('keeps Bibob records out of the beheerder’s audit page', async () => {
		const rows = await listAudit(t.db, { municipalities: null, limit: 1000 });
		expect(rows.filter((r) => r.entityType.startsWith('bibob'))).toEqual([]);
	});

	it('the access log is append-only', async () => {
		await expect(t.db.updateTable('bibobAccessLog').set({ part: 'x' }).where('fileId', '=', fileId).execute()).rejects.toThrow(/append-only/);
		await expect(t.db.deleteFrom('bibobAccessLog').where('fileId', '=', fileId).execute()).rejects.toThrow(/append-only/);
	});
});

describe('the bibob:<gemeente> topic over a real socket', () => {
	let node: TestRealtimeNode;
	beforeAll(async () => {
		node = await startRealtimeServer(t);
	});
	afterAll(async () => {
		await node?.close();
	});

	it('delivers a colleague’s change to the municipality’s own officers only, without content', async () => {
		const colleague = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'haarlem' }] });
		const zandvoort = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'zandvoort' }] });
		const regional = everyone.find((e) => e.label === 'bibob@regio')!.user;
		const noSecondFactor = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'haarlem' }] });

		const socket = await connectClient(node.url, await loginAs(t.db, colleague));
		const events: { type: string; data: unknown }[] = [];
		socket.on('event', (e) => events.push(e));
		const subscribe = (s: typeof socket) => s.timeout(5_000).emitWithAck('subscribe', { topic: 'bibob:haarlem' }) as Promise<SubscribeAck>;
		expect(await subscribe(socket)).toMatchObject({ ok: true });

		for (const [who, token] of [
			['zandvoort', await loginAs(t.db, zandvoort)],
			['regio', await loginAs(t.db, regional)],
			['zonder tweede factor', await loginAs(t.db, noSecondFactor, { secondFactor: false })]
		] as const) {
			const other = await connectClient(node.url, token);
			expect(await subscribe(other), who).toMatchObject({ ok: false, code: 'forbidden' });
			other.close();
		}

		await addParty(t.db, officer, fileId, partyInput.parse({ kind: 'organisatie', name: 'Holding X B.V.', kvk: '87654321' }), ctx);
		await expect.poll(() => events.length, { timeout: 10_000 }).toBeGreaterThan(0);
		const event = events.at(-1)!;
		expect(event.type).toBe('bibob.file.changed');
		expect(event.data).toEqual({ id: fileId, status: 'open', stage: 'eigen_onderzoek', version: expect.any(Number) });
		expect(JSON.stringify(event.data)).not.toContain('Holding');
		socket.close();
	});
});
