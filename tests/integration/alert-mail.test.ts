// An alert as its recipient gets it, wired end to end on real PostgreSQL and a real SMTP server
// (smtp-server, read with mailparser): the alert service queues the message in the outbox in the
// alert's own transaction (`wiredDelivery`), the outbox worker sends it, the mail is Dutch and
// carries both one-tap links, and "Ik kom" posted through the link's own route answers once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { insertPeriods } from '../../src/lib/server/alerting/oncall-queries.ts';
import { wiredDelivery } from '../../src/lib/server/alerting/notification-delivery.ts';
import { alertService } from '../../src/lib/server/alerting/alert-service.ts';
import { deliverDueNotifications } from '../../src/lib/server/notifications/outbox-worker.ts';
import { smtpSender } from '../../src/lib/server/notifications/mail-sender.ts';
import { newAlertInput } from '../../src/lib/contracts/alert-input.ts';
import * as linkPage from '../../src/routes/alarm/+page.server.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { ctx, makeIncident, parse } from '../support/incident-fixtures.ts';
import { startMailServer, type TestMailServer } from '../support/mail-server.ts';

const ORIGIN = 'https://paraat.vrk.test';
const HOUR = 3_600_000;
const alerts = alertService(() => ({ deliver: wiredDelivery, settings: { escalationMinutes: 5, linkHours: 12, baseUrl: ORIGIN } }));

let t: TestDatabase;
let smtp: TestMailServer;
let crisis: SessionUser;
let anna: SessionUser;
let incident: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	smtp = await startMailServer();
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null }] });
	anna = await createUser(t.db, { name: 'Anna de Vries', email: 'anna.devries@paraat.test', grants: [{ role: 'bevolkingszorg', municipality: 'velsen' }] });
	const bram = await createUser(t.db, { name: 'Bram Jansen', grants: [{ role: 'bevolkingszorg', municipality: 'haarlem' }] });
	await insertPeriods(t.db, [
		{ functionCode: 'ovd_bz', userId: anna.id, backupUserId: bram.id, startsAt: new Date(Date.now() - 6 * HOUR), endsAt: new Date(Date.now() + 6 * HOUR), createdBy: null }
	]);
	incident = await makeIncident(t.db, crisis, { title: 'Brand Spaarne', municipalities: ['haarlem'] });
});

afterAll(async () => {
	await smtp?.close();
	await closeSharedDb();
	await t?.drop();
});

/** "Ik kom" as the link's page posts it: the form of `/alarm?code=…&antwoord=komt`. */
async function postComing(link: URL) {
	const body = new FormData();
	body.set('code', link.searchParams.get('code') ?? '');
	const request = new Request(new URL('/alarm?/komt', link), { method: 'POST', body });
	const locals = { ...requestLocals(t.db, '192.0.2.8'), user: null, session: null, requestId: 'test' };
	return (await linkPage.actions.komt!({ locals, request, url: new URL(request.url) } as never)) as unknown as Record<string, unknown> & { status?: number };
}

describe('an alert by e-mail', () => {
	it('reaches the SMTP server as a Dutch mail with both one-tap links, and "Ik kom" through the link answers once', async () => {
		const sent = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ovd_bz'], message: 'Kom naar het CoPI aan de Spaarne.' }), ctx);
		expect(sent.recipients).toEqual([expect.objectContaining({ userId: anna.id, status: 'verzonden' })]);

		const mail = smtpSender({ url: smtp.url, from: 'Paraat <paraat@vrk.test>', requireTls: false, allowInvalidCertificate: false });
		// The alert's mail (and its push row, which Anna, without a device, skips).
		await deliverDueNotifications(t.db, { mail, push: null, origin: ORIGIN });
		expect(smtp.received).toHaveLength(1);
		const [received] = smtp.received;
		expect(received!.to).toMatchObject({ value: [{ address: 'anna.devries@paraat.test' }] });
		expect(received!.subject).toBe('Alarmering OvD Bevolkingszorg: Brand Spaarne');
		expect(received!.text).toContain('Kom naar het CoPI aan de Spaarne.');
		expect(received!.text).toContain('Anna de Vries, je wordt gealarmeerd als OvD Bevolkingszorg.');

		const linkOf = (title: string) => {
			const match = new RegExp(`^${title}: (\\S+)$`, 'm').exec(received!.text ?? '');
			expect(match, `de link "${title}" in de mail`).not.toBeNull();
			return new URL(match![1]!);
		};
		const coming = linkOf('Ik kom');
		const notComing = linkOf('Ik kan niet');
		for (const [link, answer] of [[coming, 'komt'], [notComing, 'komt_niet']] as const) {
			expect(`${link.origin}${link.pathname}`).toBe(`${ORIGIN}/alarm`);
			expect(link.searchParams.get('antwoord')).toBe(answer);
			expect(link.searchParams.get('code')).toMatch(/^[a-z2-7]{52}$/i);
			// The HTML part has the same links as buttons.
			expect(received!.html).toContain(link.toString().replaceAll('&', '&amp;'));
		}
		expect(coming.searchParams.get('code')).toBe(notComing.searchParams.get('code'));
		// Once each: the layout adds the answers; the alert's own part does not repeat them.
		expect(received!.text!.split('Ik kom: ').length - 1).toBe(1);
		expect(received!.html || '').not.toMatch(/<body[\s\S]*<body/);

		const recipient = () => t.db.selectFrom('alertRecipient').selectAll().where('alertId', '=', sent.id).where('userId', '=', anna.id).executeTakeFirstOrThrow();
		expect(await postComing(coming)).toMatchObject({ outcome: { state: 'answered', status: 'komt' } });
		expect(await recipient()).toMatchObject({ status: 'komt', linkUsedAt: expect.any(Date), answeredAt: expect.any(Date) });

		// The same link a second time: refused, the answer stays.
		const again = await postComing(coming);
		expect(again.status).toBe(409);
		expect(await recipient()).toMatchObject({ status: 'komt' });
	});
});
