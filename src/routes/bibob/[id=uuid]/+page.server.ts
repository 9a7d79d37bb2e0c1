import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requirePermission, requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { runFormAction } from '$lib/server/http/form-action';
import { ServiceError } from '$lib/server/errors';
import { readFile } from '$lib/server/bibob/bibob-read-service';
import { BIBOB_STEPS, type BibobStep } from '$lib/server/bibob/bibob-steps';
import { extraAnswerInput } from '$lib/server/bibob/bibob-input';
import { answerExtraQuestion } from '$lib/server/bibob/bibob-service';
import { currentSeq } from '$lib/server/realtime/event-log';
import { localDateOf } from '$lib/domain/bibob/terms';

export const load: PageServerLoad = async ({ locals, url, params, getClientAddress }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	try {
		// A page view is a read: logged in the file's access log.
		const file = await readFile(db, user, params.id, { ip: clientAddress(getClientAddress), channel: 'pagina' });
		return { file, userId: user.id, today: localDateOf(new Date()), seq: await currentSeq(db, `bibob:${file.municipality}`) };
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
	return async ({ locals, url, params, request, getClientAddress }: RequestEvent) => {
		const user = requirePermission(locals, url, 'bibob.write');
		const { schema, run } = BIBOB_STEPS[step];
		const input = await values(request);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table pairs each schema with its service
		return runFormAction(step, input, schema, (parsed) => (run as any)(getDb(), user, params.id, parsed, { ip: clientAddress(getClientAddress), channel: 'pagina' }));
	};
}

export const actions: Actions = {
	...(Object.fromEntries((Object.keys(BIBOB_STEPS) as BibobStep[]).map((step) => [step, stepAction(step)])) as Record<BibobStep, ReturnType<typeof stepAction>>),
	'extra-answer': async ({ locals, url, params, request, getClientAddress }) => {
		const user = requirePermission(locals, url, 'bibob.write');
		const input = await values(request);
		return runFormAction(`extra-answer-${input.questionId}`, input, extraAnswerInput, (parsed) =>
			answerExtraQuestion(getDb(), user, params.id, input.questionId ?? '', parsed, { ip: clientAddress(getClientAddress), channel: 'pagina' })
		);
	}
};
