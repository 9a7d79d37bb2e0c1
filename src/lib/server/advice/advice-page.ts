// What the advice pages and the officer's AdvicePanel need in one load, with the topic positions
// they reflect (so the live subscriptions start exactly there), and their form actions.
import { listDocuments } from '../events/document-service';
import type { DocumentDto } from '../events/document-queries';
import type { RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { currentSeq } from '../realtime/event-log';
import { requireUser } from '../http/guards';
import { formValues, runFormAction } from '../http/form-action';
import { KENNEMERLAND } from '../../domain/region';
import {
	ADVICE_DISCIPLINES,
	localDateOf,
	planAdviceRequests,
	type AdvicePanelData
} from '../../domain/advice';
import { findApplicationForAdvice } from '../advice-access/advice-queries';
import { adviceSettingsOf } from '../advice-access/advice-settings-queries';
import { currentModel } from '../events/settings-queries';
import { adviceTopic, adviserReadRule, inboxTopicsOf } from '../advice-access/advice-access';
import {
	ADVICE_FROM_STATUSES,
	adviceDueSoon,
	adviceInbox,
	adviceOfApplication,
	adviceRequestDetail,
	routingOf,
	type AdviceRequestDetail
} from './advice-service';
import { answerAdviceForm, requestAdviceForm, withdrawAdviceForm } from './advice-forms';

const MAY_ASK: readonly string[] = [...ADVICE_FROM_STATUSES, 'advies_gevraagd'];

/** For the application detail page (officer): throws 404 (ServiceError) when the user may not read it. */
export async function loadAdvicePanel(db: Kysely<DB>, user: SessionUser, applicationId: string): Promise<AdvicePanelData> {
	// Position first: an event after it is replayed by the subscription, one before it is loaded.
	const seq = await currentSeq(db, adviceTopic(applicationId));
	const requests = await adviceOfApplication(db, user, applicationId);
	const row = (await findApplicationForAdvice(db, applicationId))!;
	const routing = routingOf(row, (await currentModel(db, row.municipalityCode)).model);
	const live = requests.filter((r) => r.status !== 'ingetrokken').map((r) => r.discipline);
	const planned = routing ? planAdviceRequests(routing, { existing: live }).map((p) => p.kind) : [];
	const voluntaryOptions =
		routing && routing.category !== 'C'
			? ADVICE_DISCIPLINES.filter((d) => !routing.disciplines[d].required && !live.includes(d))
			: [];
	const mayWrite = can(user, 'event.write', { municipality: row.municipalityCode });
	let blocker: string | null = null;
	if (!MAY_ASK.includes(row.status)) blocker = 'Advies vragen kan bij een ingediende aanvraag of een aanvraag in behandeling.';
	else if (!row.category) blocker = 'Deze aanvraag heeft nog geen klasse; doe eerst de risicoscan.';
	else if (!routing) blocker = 'De risicoscan is onvolledig; vul die eerst aan.';
	const terms = await adviceSettingsOf(db, row.municipalityCode);
	return {
		applicationId,
		reference: row.reference,
		name: row.name,
		municipality: row.municipalityCode,
		category: row.category as AdvicePanelData['category'],
		status: row.status,
		requests,
		routing,
		planned,
		voluntaryOptions,
		canRequest: mayWrite && blocker === null,
		canWithdraw: mayWrite,
		blocker: mayWrite ? blocker : null,
		terms: { termDaysB: terms.termDaysB, termDaysC: terms.termDaysC },
		today: localDateOf(new Date()),
		seq
	};
}

/** The adviser's inbox with the position of every inbox topic they follow. */
export async function loadAdviceInbox(db: Kysely<DB>, user: SessionUser) {
	const topics = inboxTopicsOf(user, KENNEMERLAND.map((m) => m.code));
	const seqs: Record<string, number> = {};
	for (const topic of topics) seqs[topic] = await currentSeq(db, topic);
	return { requests: await adviceInbox(db, user), topics: seqs, today: localDateOf(new Date()) };
}

/** One request for the adviser's page, with the position of its application's advice topic. */
export async function loadAdviceRequest(
	db: Kysely<DB>,
	user: SessionUser,
	requestId: string
): Promise<AdviceRequestDetail & { seq: number; topic: string; today: string; documents: DocumentDto[] }> {
	const first = await adviceRequestDetail(db, user, requestId);
	const topic = adviceTopic(first.request.applicationId);
	const seq = await currentSeq(db, topic);
	// Read again after the position, so nothing between the two reads is lost.
	const detail = await adviceRequestDetail(db, user, requestId);
	// The situatietekening, plan and calculations the advice is about (never the Bibob part).
	const documents = await listDocuments(db, user, detail.request.applicationId, { mayRead: adviserReadRule });
	return { ...detail, seq, topic, today: localDateOf(new Date()), documents };
}

/** "Adviezen die bijna verlopen" for a permit officer's overview (AdviceDueList). */
export async function loadAdviceDue(db: Kysely<DB>, user: SessionUser) {
	if (!can(user, 'event.read')) return null;
	return { requests: await adviceDueSoon(db, user), today: localDateOf(new Date()) };
}

// ---------------------------------------------------------------------------------------------
// Form actions. Spread into a page's actions: `export const actions = { ...adviceFormActions }`.
// Every form carries its own ids (applicationId / requestId), so any page can host them.

type Event = RequestEvent;

export async function requestAdviceAction({ locals, url, request }: Event) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const values = { ...formValues(form, ['applicationId']), disciplines: form.getAll('disciplines').map(String).join(',') };
	return runFormAction('advies-vragen', values, requestAdviceForm, ({ applicationId, ...input }) =>
		locals.services.advice.requestAdvice(user, applicationId, input, locals.ctx)
	);
}

export async function withdrawAdviceAction({ locals, url, request }: Event) {
	const user = requireUser(locals, url);
	const values = formValues(await request.formData(), ['requestId', 'version', 'reason']);
	return runFormAction(`advies-intrekken-${values.requestId}`, values, withdrawAdviceForm, ({ requestId, ...input }) =>
		locals.services.advice.withdrawAdvice(user, requestId, input, locals.ctx)
	);
}

export async function answerAdviceAction({ locals, url, request }: Event) {
	const user = requireUser(locals, url);
	const values = formValues(await request.formData(), ['requestId', 'version', 'advice', 'conditions', 'conclusion']);
	return runFormAction('advies-uitbrengen', values, answerAdviceForm, ({ requestId, ...input }) =>
		locals.services.advice.answerAdvice(user, requestId, input, locals.ctx)
	);
}

/** The officer's actions for AdvicePanel: `?/adviesVragen` and `?/adviesIntrekken`. */
export const adviceFormActions = {
	adviesVragen: requestAdviceAction,
	adviesIntrekken: withdrawAdviceAction
};
