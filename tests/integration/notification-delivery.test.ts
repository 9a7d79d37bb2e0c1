// The notification outbox against real PostgreSQL, a real SMTP server (smtp-server, parsed with
// mailparser) and a local push endpoint that decrypts what it receives: messages join the
// caller's transaction, follow the recipient's choices, go out by e-mail and push, are tried
// again after a refusal, survive a restart, are sent once with two workers, and an expired push
// subscription is removed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createDb } from '../../src/lib/server/db/index.ts';
import { queueNotifications, htmlFromText, type OutgoingNotification } from '../../src/lib/server/notifications/notification-outbox.ts';
import { deliverDueNotifications, startNotificationWorker } from '../../src/lib/server/notifications/outbox-worker.ts';
import { smtpSender } from '../../src/lib/server/notifications/mail-sender.ts';
import { generateVapidKeys, webPushSender } from '../../src/lib/server/notifications/push-sender.ts';
import type { Delivery } from '../../src/lib/server/notifications/delivery-setup.ts';
import { changeNotificationPreferences, outboxFor, retryOutboxMessage, subscribePush } from '../../src/lib/server/notifications/notification-service.ts';
import { pushPayload } from '../../src/lib/contracts/notifications.ts';
import { createTestDatabase, createUser, waitFor, type TestDatabase } from '../support/test-db.ts';
import { startMailServer, type TestMailServer } from '../support/mail-server.ts';
import { startPushEndpoint, type TestPushEndpoint } from '../support/push-endpoint.ts';
import { testPort } from '../support/test-ports.ts';

let t: TestDatabase;
let smtp: TestMailServer;
let pushService: TestPushEndpoint;
let anna: SessionUser;
let bert: SessionUser;
let beheerder: SessionUser;
const vapid = { ...generateVapidKeys(), subject: 'mailto:beheer@paraat.test' };
const ORIGIN = 'https://paraat.vrk.test';

const delivery = (mailUrl = smtp.url): Delivery => ({
	mail: smtpSender({ url: mailUrl, from: 'Paraat <paraat@vrk.test>', requireTls: false, allowInvalidCertificate: false }),
	push: webPushSender(vapid),
	origin: ORIGIN
});

const alert = (user: SessionUser, extra: Partial<OutgoingNotification> = {}): OutgoingNotification => ({
	userId: user.id,
	category: 'alert',
	subject: 'Alarmering: OvD Bevolkingszorg, brand Zandvoort',
	text: 'Je wordt gealarmeerd als OvD Bevolkingszorg.\n\nKom naar het gemeentehuis van Zandvoort.',
	html: htmlFromText('Je wordt gealarmeerd als OvD Bevolkingszorg.\n\nKom naar het gemeentehuis van Zandvoort.'),
	url: '/crisis/1234',
	actions: [
		{ title: 'Ik kom', url: '/alarm/antwoord/abc?antwoord=komt' },
		{ title: 'Ik kan niet', url: '/alarm/antwoord/abc?antwoord=komt_niet' }
	],
	...extra
});

const rowsOf = (userId: string) =>
	t.db.selectFrom('notificationOutbox').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('channel').execute();

beforeAll(async () => {
	t = await createTestDatabase();
	[smtp, pushService] = await Promise.all([startMailServer(), startPushEndpoint()]);
	anna = await createUser(t.db, { name: 'Anna Alarm', email: 'anna@paraat.test', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
	bert = await createUser(t.db, { name: 'Bert Beslist', email: 'bert@paraat.test', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	beheerder = await createUser(t.db, { name: 'Regio Beheer', grants: [{ role: 'beheerder', municipality: null }] });
});

afterEach(async () => {
	await sql`delete from notification_outbox`.execute(t.db);
	smtp.received.length = 0;
	pushService.received.length = 0;
});

afterAll(async () => {
	await Promise.all([smtp?.close(), pushService?.close()]);
	await t?.drop();
});

describe('queueing', () => {
	it('joins the caller’s transaction: a rolled-back change sends nothing', async () => {
		await expect(
			t.db.transaction().execute(async (trx) => {
				await queueNotifications(trx, [alert(anna)]);
				throw new Error('de wijziging mislukt');
			})
		).rejects.toThrow('de wijziging mislukt');
		expect(await rowsOf(anna.id)).toEqual([]);
		await t.db.transaction().execute((trx) => queueNotifications(trx, [alert(anna)]));
		expect((await rowsOf(anna.id)).map((r) => [r.channel, r.status])).toEqual([['email', 'wachtend']]);
	});

	it('an alert goes by e-mail and push; other categories follow the recipient’s choices', async () => {
		const browser = pushService.subscription('bert-laptop');
		await subscribePush(t.db, bert, browser);
		await changeNotificationPreferences(t.db, bert, [{ category: 'advice_answered', email: false, push: true }, { category: 'task_assigned', email: false, push: false }]);
		await queueNotifications(t.db, [
			alert(bert),
			{ ...alert(bert), category: 'advice_answered', subject: 'Advies uitgebracht', actions: [] },
			{ ...alert(bert), category: 'task_assigned', subject: 'Taak voor jou' },
			{ ...alert(bert), category: 'advice_requested', subject: 'Adviesaanvraag' }
		]);
		const rows = await rowsOf(bert.id);
		const channels = (subject: string) => rows.filter((r) => r.subject.startsWith(subject)).map((r) => r.channel).sort();
		expect(channels('Alarmering')).toEqual(['email', 'push']);
		expect(channels('Advies uitgebracht')).toEqual(['push']);
		expect(channels('Taak voor jou')).toEqual([]);
		expect(channels('Adviesaanvraag')).toEqual(['email', 'push']);
		// One message, two channels: the same message id.
		expect(new Set(rows.filter((r) => r.subject.startsWith('Alarmering')).map((r) => r.messageId)).size).toBe(1);
		await sql`delete from push_subscription`.execute(t.db);
	});

	it('a subject is one line (no header injection) and a blocked user gets nothing', async () => {
		const blocked = await createUser(t.db, { grants: [{ role: 'bevolkingszorg', municipality: 'velsen' }] });
		await t.db.updateTable('appUser').set({ active: false }).where('id', '=', blocked.id).execute();
		await queueNotifications(t.db, [alert(anna, { subject: 'Alarm\r\nBcc: iedereen@example.org' }), alert(blocked)]);
		expect((await rowsOf(anna.id))[0]!.subject).toBe('Alarm Bcc: iedereen@example.org');
		expect(await rowsOf(blocked.id)).toEqual([]);
	});
});

describe('e-mail over SMTP', () => {
	it('sends a Dutch plain-text and HTML mail with the action links, and marks the row sent', async () => {
		await queueNotifications(t.db, [alert(anna)]);
		expect(await deliverDueNotifications(t.db, delivery())).toBe(1);
		expect(smtp.received).toHaveLength(1);
		const mail = smtp.received[0]!;
		expect(mail.subject).toBe('Alarmering: OvD Bevolkingszorg, brand Zandvoort');
		expect(mail.to).toMatchObject({ value: [{ address: 'anna@paraat.test', name: 'Anna Alarm' }] });
		expect(mail.from).toMatchObject({ value: [{ address: 'paraat@vrk.test', name: 'Paraat' }] });
		expect(mail.text).toContain('Kom naar het gemeentehuis van Zandvoort.');
		expect(mail.text).toContain(`Ik kom: ${ORIGIN}/alarm/antwoord/abc?antwoord=komt`);
		expect(mail.text).toContain(`Ik kan niet: ${ORIGIN}/alarm/antwoord/abc?antwoord=komt_niet`);
		expect(mail.text).toContain('Alarmeringen krijg je altijd');
		expect(mail.html).toContain('<html lang="nl">');
		expect(mail.html).toContain(`href="${ORIGIN}/alarm/antwoord/abc?antwoord=komt"`);
		expect(mail.html).toContain(`href="${ORIGIN}/crisis/1234"`);
		const [row] = await rowsOf(anna.id);
		expect(row).toMatchObject({ status: 'verzonden', attempts: 1, transport: 'smtp', lastError: null });
		expect(row!.sentAt).toBeInstanceOf(Date);
		expect(mail.messageId).toBe(`<${row!.id}@vrk.test>`);
	});

	it('escapes what the caller wrote as text in the HTML body', async () => {
		await queueNotifications(t.db, [alert(anna, { text: 'Let op <script>alert(1)</script> & meer', html: htmlFromText('Let op <script>alert(1)</script> & meer') })]);
		await deliverDueNotifications(t.db, delivery());
		expect(smtp.received[0]!.html).toContain('Let op &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer');
		expect(smtp.received[0]!.html).not.toContain('<script>');
	});

	it('a temporary refusal (451) is tried again after a pause, and then it arrives', async () => {
		smtp.failNext(1);
		await queueNotifications(t.db, [alert(anna)]);
		await deliverDueNotifications(t.db, delivery(), { retryBaseMs: 2_000 });
		let [row] = await rowsOf(anna.id);
		expect(row).toMatchObject({ status: 'wachtend', attempts: 1 });
		expect(row!.lastError).toMatch(/^E-mail: .*451/);
		expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
		expect(smtp.received).toHaveLength(0);
		// Not yet due: nothing happens.
		expect(await deliverDueNotifications(t.db, delivery(), { retryBaseMs: 2_000 })).toBe(0);
		await new Promise((r) => setTimeout(r, 2_100));
		expect(await deliverDueNotifications(t.db, delivery(), { retryBaseMs: 2_000 })).toBe(1);
		[row] = await rowsOf(anna.id);
		expect(row).toMatchObject({ status: 'verzonden', attempts: 2, lastError: null });
		expect(smtp.refused).toBeGreaterThanOrEqual(1);
		expect(smtp.received).toHaveLength(1);
	});

	it('gives up after the last attempt (mislukt, with its reason); the beheerder sends it again', async () => {
		const deadUrl = `smtp://127.0.0.1:${await testPort()}`; // nothing listens there
		await queueNotifications(t.db, [alert(anna)]);
		await deliverDueNotifications(t.db, delivery(deadUrl), { retryBaseMs: 1, maxAttempts: 2 });
		await new Promise((r) => setTimeout(r, 20));
		await deliverDueNotifications(t.db, delivery(deadUrl), { retryBaseMs: 1, maxAttempts: 2 });
		const [failed] = await rowsOf(anna.id);
		expect(failed).toMatchObject({ status: 'mislukt', attempts: 2 });
		expect(failed!.lastError).toMatch(/ECONNREFUSED|connect/i);

		const view = await outboxFor(t.db, beheerder);
		const shown = view.rows.find((r) => r.id === failed!.id)!;
		expect(shown).toMatchObject({ recipient: 'Anna Alarm', category: 'alert', channel: 'email', status: 'mislukt', subject: failed!.subject });
		// The beheerder never sees the body.
		expect(Object.keys(shown)).not.toContain('bodyText');
		expect(JSON.stringify(view)).not.toContain('gemeentehuis');
		expect(view.counts.mislukt).toBe(1);
		await expect(outboxFor(t.db, anna)).rejects.toMatchObject({ status: 403 });
		await expect(retryOutboxMessage(t.db, anna, failed!.id, { ip: null })).rejects.toMatchObject({ status: 403 });

		await retryOutboxMessage(t.db, beheerder, failed!.id, { ip: '192.0.2.5' });
		await expect(retryOutboxMessage(t.db, beheerder, failed!.id, { ip: null })).rejects.toMatchObject({ status: 404 });
		expect(await deliverDueNotifications(t.db, delivery())).toBe(1);
		expect((await rowsOf(anna.id))[0]).toMatchObject({ status: 'verzonden', attempts: 1 });
		expect(smtp.received).toHaveLength(1);
		const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', failed!.id).execute();
		expect(audit).toEqual([{ action: 'notification.retried', actorId: beheerder.id }]);
	});

	it('a restart loses nothing: rows queued while the mail server is down are sent by the next process', async () => {
		const port = await testPort();
		const url = `smtp://127.0.0.1:${port}`;
		await queueNotifications(t.db, [alert(anna), alert(bert)]);
		// The first "process": its worker finds the server down and stops (the process ends).
		const first = startNotificationWorker(t.db, delivery(url), { intervalMs: 50, retryBaseMs: 100 });
		await waitFor(async () => (await t.db.selectFrom('notificationOutbox').select('attempts').where('attempts', '>', 0).execute()).length === 2);
		await first.stop();
		expect(await t.db.selectFrom('notificationOutbox').select('status').where('status', '=', 'wachtend').execute()).toHaveLength(2);

		// The mail server comes back, and a new process with its own pool starts.
		const later = await startMailServer({ port });
		const secondDb = createDb(t.url, { max: 2 });
		const second = startNotificationWorker(secondDb, delivery(url), { intervalMs: 50, retryBaseMs: 100 });
		try {
			await waitFor(() => later.received.length === 2, { timeout: 10_000 });
			expect(later.received.map((m) => m.to && 'value' in m.to && m.to.value[0]!.address).sort()).toEqual(['anna@paraat.test', 'bert@paraat.test']);
			await waitFor(async () => (await t.db.selectFrom('notificationOutbox').select('status').where('status', '=', 'verzonden').execute()).length === 2);
		} finally {
			await second.stop();
			await secondDb.destroy();
			await later.close();
		}
	});

	it('two workers (two nodes) send each message exactly once', async () => {
		const people = await Promise.all(Array.from({ length: 12 }, (_, i) => createUser(t.db, { name: `Piket ${i}`, grants: [{ role: 'bevolkingszorg', municipality: 'haarlem' }] })));
		await queueNotifications(t.db, people.map((p) => alert(p)));
		const otherNode = createDb(t.url, { max: 3 });
		try {
			await Promise.all([deliverDueNotifications(t.db, delivery()), deliverDueNotifications(otherNode, delivery())]);
		} finally {
			await otherNode.destroy();
		}
		expect(smtp.received).toHaveLength(12);
		expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(12);
	});
});

describe('web push', () => {
	afterEach(async () => {
		await sql`delete from push_subscription`.execute(t.db);
	});

	it('encrypts the message for the browser, signed with VAPID: the endpoint decrypts title, body, link and actions', async () => {
		const phone = pushService.subscription('anna-telefoon');
		await subscribePush(t.db, anna, phone, { userAgent: 'Telefoon' });
		await queueNotifications(t.db, [alert(anna)]);
		expect(await deliverDueNotifications(t.db, delivery())).toBe(2);
		expect(pushService.received).toHaveLength(1);
		const [push] = pushService.received;
		const payload = pushPayload.parse(push!.payload);
		const [pushRow] = (await rowsOf(anna.id)).filter((r) => r.channel === 'push');
		expect(payload).toEqual({
			title: 'Alarmering: OvD Bevolkingszorg, brand Zandvoort',
			body: 'Je wordt gealarmeerd als OvD Bevolkingszorg.\n\nKom naar het gemeentehuis van Zandvoort.',
			url: `${ORIGIN}/crisis/1234`,
			category: 'alert',
			tag: pushRow!.messageId,
			actions: [
				{ action: 'actie-1', title: 'Ik kom', url: `${ORIGIN}/alarm/antwoord/abc?antwoord=komt` },
				{ action: 'actie-2', title: 'Ik kan niet', url: `${ORIGIN}/alarm/antwoord/abc?antwoord=komt_niet` }
			]
		});
		expect(push!.headers['content-encoding']).toBe('aes128gcm');
		expect(push!.headers.urgency).toBe('high');
		expect(push!.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
		expect(pushRow).toMatchObject({ status: 'verzonden', transport: 'webpush' });
	});

	it('a subscription the push service says is gone (410) is removed; the message is skipped with a reason', async () => {
		const old = pushService.subscription('anna-oude-laptop');
		await subscribePush(t.db, anna, old);
		pushService.answer('anna-oude-laptop', 410);
		await queueNotifications(t.db, [alert(anna)]);
		await deliverDueNotifications(t.db, delivery());
		const pushRow = (await rowsOf(anna.id)).find((r) => r.channel === 'push')!;
		expect(pushRow.status).toBe('overgeslagen');
		expect(pushRow.lastError).toContain('verlopen');
		expect(await t.db.selectFrom('pushSubscription').select('id').where('userId', '=', anna.id).execute()).toEqual([]);
	});

	it('with two devices, a failing one is tried again without showing the message twice on the other', async () => {
		const phone = pushService.subscription('anna-2-telefoon');
		const laptop = pushService.subscription('anna-2-laptop');
		await subscribePush(t.db, anna, phone);
		await subscribePush(t.db, anna, laptop);
		pushService.answer('anna-2-laptop', 503);
		await queueNotifications(t.db, [alert(anna)]);
		await deliverDueNotifications(t.db, delivery(), { retryBaseMs: 500 });
		let pushRow = (await rowsOf(anna.id)).find((r) => r.channel === 'push')!;
		expect(pushRow).toMatchObject({ status: 'wachtend', attempts: 1 });
		expect(pushRow.lastError).toContain('503');
		expect(pushService.received.map((r) => r.path)).toEqual(['/push/anna-2-telefoon']);
		pushService.answer('anna-2-laptop', 201);
		await new Promise((r) => setTimeout(r, 600));
		await deliverDueNotifications(t.db, delivery(), { retryBaseMs: 500 });
		pushRow = (await rowsOf(anna.id)).find((r) => r.channel === 'push')!;
		expect(pushRow.status).toBe('verzonden');
		expect(pushService.received.map((r) => r.path).sort()).toEqual(['/push/anna-2-laptop', '/push/anna-2-telefoon']);
	});

	it('refuses a subscription that is not a push service’s https address', async () => {
		const keys = pushService.subscription('x').keys;
		for (const endpoint of ['http://push.example.org/abc', 'https://127.0.0.1/abc', 'https://localhost/abc', 'ftp://push.example.org', 'geen adres', 'https://user:pw@push.example.org/x']) {
			await expect(subscribePush(t.db, anna, { endpoint, keys })).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
		}
		expect(await t.db.selectFrom('pushSubscription').select('id').execute()).toEqual([]);
	});
});
