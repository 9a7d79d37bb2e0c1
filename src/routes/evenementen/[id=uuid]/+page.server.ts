import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { formValues, runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { decisionInput, overrideInput, transitionInput } from '$lib/server/events/application-input';
import { uploadFromForm } from '$lib/server/events/upload';
import { pageError } from '$lib/server/events/application-page';
import { adviceFormActions } from '$lib/server/advice/advice-page';
import { formFailure } from '$lib/server/events/application-forms';
import { z } from 'zod';

// The application with its advice (AdvicePanel, live on advice:<id>) and its calendar warnings
// (druk days, samenlopende events); the application load checks access before the others run.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const page = await locals.services.events.loadApplicationPage(user, params.id);
	const app = page.application;
	const [advicePanel, calendarWarnings] = await Promise.all([
		pageError(() => locals.services.advice.loadAdvicePanel(user, params.id)),
		locals.services.calendar.warningsForApplication({ id: app.id, municipality: app.municipality, category: app.category, startsAt: app.startsAt, endsAt: app.endsAt })
	]);
	return { ...page, advicePanel, calendarWarnings, saved: url.searchParams.has('opgeslagen') };
};

const number = (v: string) => (v.trim() === '' ? undefined : Number(v));

const statusForm = z.preprocess((v: Record<string, string>) => ({ version: number(v.version ?? ''), status: v.status, note: v.note }), transitionInput);
const overrideForm = z.preprocess(
	(v: Record<string, string>) => ({ version: number(v.version ?? ''), category: v.category === '' ? null : v.category, reason: v.reason }),
	overrideInput
);
const decisionForm = z.preprocess(
	(v: Record<string, string>) => ({ version: number(v.version ?? ''), decision: v.decision, conditions: v.conditions, reason: v.reason, despiteMissing: v.despiteMissing }),
	decisionInput
);

export const actions: Actions = {
	...adviceFormActions,
	status: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const values = formValues(await request.formData(), ['version', 'status', 'note']);
		return runFormAction('status', values, statusForm, (input) => locals.services.events.transitionApplication(user, params.id, input, locals.ctx));
	},
	klasse: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const values = formValues(await request.formData(), ['version', 'category', 'reason']);
		return runFormAction('klasse', values, overrideForm, (input) => locals.services.events.overrideCategory(user, params.id, input, locals.ctx));
	},
	besluit: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const values = formValues(await request.formData(), ['version', 'decision', 'conditions', 'reason', 'despiteMissing']);
		return runFormAction('besluit', values, decisionForm, (input) => locals.services.events.decideApplication(user, params.id, input, locals.ctx));
	},
	document: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const values = { kind: String(form.get('kind') ?? '') };
		try {
			await locals.services.events.uploadDocument(user, params.id, await uploadFromForm(form), locals.ctx);
			return { form: 'document', done: true as const };
		} catch (err) {
			if (!(err instanceof ServiceError)) throw err;
			const fields = Object.fromEntries((err.fields ?? []).map((f) => [f.field, f.message]));
			return formFailure('document', err.status, err.message, fields, values);
		}
	},
	kopieren: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		let id: string;
		try {
			id = (await locals.services.events.copyApplication(user, params.id, locals.ctx)).id;
		} catch (err) {
			if (!(err instanceof ServiceError)) throw err;
			return formFailure('kopieren', err.status, err.message, {}, {});
		}
		redirect(303, `/evenementen/${id}/bewerken`);
	}
};
