// The one-tap answer to an alert (docs/alerting.md). Works without a session and makes none: the
// `code` (in the query, which the request log never records, and in the form body) opens this
// one recipient's answer and nothing else. The page (GET) only shows; answering is a POST, because
// mail scanners fetch the links in a message.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { MAX_ETA_MINUTES } from '$lib/server/alerting/alert-link-service';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const code = url.searchParams.get('code') ?? '';
	const wanted = url.searchParams.get('antwoord');
	return {
		code,
		view: await locals.services.alerting.alertLinkView(code),
		preferred: wanted === 'komt' || wanted === 'komt_niet' ? wanted : null
	};
};

function etaMinutes(value: FormDataEntryValue | null): number | null | 'wrong' {
	const text = String(value ?? '').trim();
	if (text === '') return null;
	if (!/^\d{1,4}$/.test(text)) return 'wrong';
	const n = Number(text);
	return n <= MAX_ETA_MINUTES ? n : 'wrong';
}

async function answer(locals: App.Locals, request: Request, kind: 'komt' | 'komt_niet') {
	const form = await request.formData();
	const code = String(form.get('code') ?? '');
	const minutes = kind === 'komt' ? etaMinutes(form.get('minuten')) : null;
	if (minutes === 'wrong') return fail(400, { message: `Vul het aantal minuten tot je aankomst in als een getal van 0 tot ${MAX_ETA_MINUTES}, of laat het leeg.` });
	const outcome = await locals.services.alerting.answerAlert(code, kind, minutes, locals.ctx);
	if (outcome.state === 'answered') return { outcome };
	const status = outcome.state === 'unknown' ? 404 : outcome.state === 'used' ? 409 : 410;
	return fail(status, { outcome });
}

export const actions: Actions = {
	komt: ({ locals, request }) => answer(locals, request, 'komt'),
	komt_niet: ({ locals, request }) => answer(locals, request, 'komt_niet'),
	/** The page's script reports that a person (not a scanner) opened it. Answers nothing. */
	gezien: async ({ locals, request }) => {
		const form = await request.formData();
		return { seen: await locals.services.alerting.markAlertSeen(String(form.get('code') ?? '')) };
	}
};
