import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission, requireUser } from '$lib/server/http/guards';
import { runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { BIBOB_STEPS, type BibobStep } from '$lib/server/bibob/bibob-steps';
import { extraAnswerInput } from '$lib/server/bibob/bibob-input';
import { localDateOf } from '$lib/domain/bibob/terms';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	try {
		// A page view is a read: logged in the file's access log.
		const file = await locals.services.bibob.readFile(user, params.id, { ...locals.ctx, channel: 'pagina' });
		return { file, userId: user.id, today: localDateOf(new Date()), seq: await locals.services.realtime.currentSeq(`bibob:${file.municipality}`) };
	} catch (err) {
		// The same 404 whether the file does not exist or the user may not see it.
		if (err instanceof ServiceError) error(err.status, err.message);
		throw err;
	}
};

/** Form values without empty fields: an empty optional field means "not given". */
async function values(request: Request): Promise<Record<string, string>> {
	const form = await request.formData();
	const entries: [string, string][] = [...form.entries()].map(([k, v]) => [k, String(v)]);
	return Object.fromEntries(entries.filter(([, v]) => v.trim() !== ''));
}

function stepAction(step: BibobStep) {
	return async ({ locals, url, params, request }: RequestEvent) => {
		const user = requirePermission(locals, url, 'bibob.write');
		const { schema } = BIBOB_STEPS[step];
		const input = await values(request);
		return runFormAction(step, input, schema, (parsed) => locals.services.bibob.runBibobStep(user, params.id, step, parsed, { ...locals.ctx, channel: 'pagina' }));
	};
}

export const actions: Actions = {
	...(Object.fromEntries((Object.keys(BIBOB_STEPS) as BibobStep[]).map((step) => [step, stepAction(step)])) as Record<BibobStep, ReturnType<typeof stepAction>>),
	'extra-answer': async ({ locals, url, params, request }) => {
		const user = requirePermission(locals, url, 'bibob.write');
		const input = await values(request);
		return runFormAction(`extra-answer-${input.questionId}`, input, extraAnswerInput, (parsed) =>
			locals.services.bibob.answerExtraQuestion(user, params.id, input.questionId ?? '', parsed, { ...locals.ctx, channel: 'pagina' })
		);
	}
};
