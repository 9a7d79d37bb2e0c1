// Form posts carry text; these schemas turn it into the API's shapes and then validate with the
// very same rules as the API.
import { z } from 'zod';
import { answerAdviceInput, requestAdviceInput, withdrawAdviceInput } from './advice-input';

type Values = Record<string, string>;

/** '' is "not given"; a number stays a number; anything else stays text so the schema names it. */
function formNumber(value: string | undefined): number | string | undefined {
	const text = (value ?? '').trim();
	if (text === '') return undefined;
	const n = Number(text);
	return Number.isFinite(n) ? n : text;
}

const id = (message: string) => z.uuid({ error: message });

/** `disciplines` arrives as the checked boxes joined with commas. */
export const requestAdviceForm = z.preprocess(
	(v: Values) => ({
		applicationId: v.applicationId,
		disciplines: v.disciplines ? v.disciplines.split(',').filter(Boolean) : undefined
	}),
	requestAdviceInput.extend({ applicationId: id('Onbekende aanvraag.') })
);

export const answerAdviceForm = z.preprocess(
	(v: Values) => ({
		requestId: v.requestId,
		version: formNumber(v.version),
		advice: v.advice,
		conditions: v.conditions ?? '',
		conclusion: v.conclusion || undefined
	}),
	z.intersection(answerAdviceInput, z.object({ requestId: id('Onbekende adviesaanvraag.') }))
);

export const withdrawAdviceForm = z.preprocess(
	(v: Values) => ({ requestId: v.requestId, version: formNumber(v.version), reason: v.reason }),
	withdrawAdviceInput.extend({ requestId: id('Onbekende adviesaanvraag.') })
);
