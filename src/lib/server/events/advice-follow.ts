// Advice follows its application. These steps run inside the application's own transaction
// (application-service.ts holds the application's row lock): a decision closes every open request,
// a class change re-routes the requests (domain/advice/reroute.ts). Each withdrawal locks its
// request, is audited and announced on the advice and inbox topics, so the advisers' inboxes
// update live; answered advice is never touched.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { currentModel } from './settings-queries';
import {
	ADVICE_KIND_LABELS,
	planAdviceRequests,
	planReroute,
	risicoscanInputOf,
	routeAdvice,
	type AdviceKind,
	type AdviceRequestRecord,
	type AdviceRouting
} from '../../domain/advice';
import type { Category } from '../../domain/risicoscan';
import { findAdviceRequest, findApplicationForAdvice, listAdviceOfApplication, lockAdviceRequest, saveWithdrawal } from '../advice-access/advice-queries';
import { announce, announceRequested, insertRequests } from '../advice-access/advice-writes';

type Db = Kysely<DB> | Transaction<DB>;

interface FollowCtx {
	ip?: string | null;
}

/** The routing of the application by the class that counts now, or null without class or complete scan. */
async function currentRouting(trx: Db, applicationId: string): Promise<AdviceRouting | null> {
	const row = await findApplicationForAdvice(trx, applicationId);
	const input = row ? risicoscanInputOf(row) : null;
	if (!row || !row.category || !input) return null;
	return routeAdvice(row.category as Category, input, (await currentModel(trx, row.municipalityCode)).model);
}

/** The advice the class requires (not the voluntary ones): what a decision waits for. */
export async function requiredAdviceKinds(trx: Db, applicationId: string, procedure: string | null): Promise<AdviceKind[]> {
	if (procedure === 'melding') return [];
	const routing = await currentRouting(trx, applicationId);
	return routing ? planAdviceRequests(routing).map((p) => p.kind) : [];
}

export const requestsOf = (trx: Db, applicationId: string) => listAdviceOfApplication(trx, applicationId);

/** Withdraws one open request (skipped when it was answered meanwhile); the withdrawn record or null. */
async function withdrawOpen(trx: Transaction<DB>, user: SessionUser, id: string, reason: string, cause: string, ctx: FollowCtx): Promise<AdviceRequestRecord | null> {
	const locked = await lockAdviceRequest(trx, id);
	if (!locked || locked.status !== 'gevraagd') return null;
	await saveWithdrawal(trx, id, { withdrawnBy: user.id, reason });
	const withdrawn = (await findAdviceRequest(trx, id))!;
	await writeAudit(trx, {
		actorId: user.id,
		action: 'advice.withdrawn',
		entityType: 'adviesaanvraag',
		entityId: id,
		municipality: withdrawn.application.municipality,
		ip: ctx.ip ?? null,
		details: { applicationId: withdrawn.applicationId, discipline: withdrawn.discipline, reason, cause }
	});
	await announce(trx, user, withdrawn, 'advice.withdrawn');
	return withdrawn;
}

/** On a decision: every open request is closed, with the reason the advisers read in their inbox. */
export async function closeOpenAdvice(trx: Transaction<DB>, user: SessionUser, applicationId: string, decisionLabel: string, ctx: FollowCtx): Promise<AdviceRequestRecord[]> {
	const reason = `De gemeente heeft op de aanvraag besloten (${decisionLabel.toLowerCase()}); dit advies is niet meer nodig.`;
	const closed: AdviceRequestRecord[] = [];
	for (const r of await listAdviceOfApplication(trx, applicationId)) {
		if (r.status !== 'gevraagd') continue;
		const done = await withdrawOpen(trx, user, r.id, reason, 'besluit', ctx);
		if (done) closed.push(done);
	}
	return closed;
}

/**
 * After the class that counts changed from `from`: withdraws and asks per the re-route rule. The
 * line for the application's history, or null when nothing changed.
 */
export async function rerouteAdvice(trx: Transaction<DB>, user: SessionUser, applicationId: string, from: Category | null, ctx: FollowCtx): Promise<string | null> {
	const routing = await currentRouting(trx, applicationId);
	if (!routing) return null;
	const requests = await listAdviceOfApplication(trx, applicationId);
	const plan = planReroute(
		from,
		routing,
		requests.map((r) => ({ id: r.id, kind: r.discipline, status: r.status, voluntary: r.voluntary }))
	);
	if (plan.withdraw.length === 0 && plan.create.length === 0) return null;
	const withdrawn: AdviceKind[] = [];
	for (const w of plan.withdraw) if (await withdrawOpen(trx, user, w.id, plan.reason, 'klasse_gewijzigd', ctx)) withdrawn.push(w.kind);
	const application = (await findApplicationForAdvice(trx, applicationId))!;
	const ids = plan.create.length > 0 ? await insertRequests(trx, user, application, routing.category, plan.create, ctx) : [];
	await announceRequested(trx, user, ids);
	const parts = [`Advies opnieuw verdeeld na klassewijziging ${from} → ${routing.category}`];
	if (withdrawn.length > 0) parts.push(`ingetrokken: ${withdrawn.map((k) => ADVICE_KIND_LABELS[k]).join(', ')}`);
	if (plan.create.length > 0) parts.push(`gevraagd: ${plan.create.map((p) => ADVICE_KIND_LABELS[p.kind]).join(', ')}`);
	return parts.join('; ');
}
