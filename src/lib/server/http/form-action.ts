// Form actions fail early and in Dutch: fail(status, { message, fields, values }).
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { ServiceError } from '../errors';
import { zodFieldErrors } from './api';
import { isInputDataError } from './unexpected';

export type FormFailure = { message: string; fields: Record<string, string>; values: Record<string, string>; form?: string };

export function formValues(form: FormData, names: string[]): Record<string, string> {
	return Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? '')]));
}

/** Parses form values, runs the service, and turns refusals into fail() with field messages. */
export async function runFormAction<S extends z.ZodType, R>(
	formName: string,
	values: Record<string, string>,
	schema: S,
	run: (input: z.output<S>) => Promise<R>,
	safeValues: (v: Record<string, string>) => Record<string, string> = (v) => v
) {
	const parsed = schema.safeParse(values);
	if (!parsed.success) {
		const fields = Object.fromEntries(zodFieldErrors(parsed.error).map((f) => [f.field, f.message]));
		return fail(400, { form: formName, message: 'Controleer de gemarkeerde velden.', fields, values: safeValues(values) });
	}
	try {
		await run(parsed.data);
		return { form: formName, done: true as const };
	} catch (err) {
		if (err instanceof ServiceError) {
			const fields = Object.fromEntries((err.fields ?? []).map((f) => [f.field, f.message]));
			return fail(err.status, { form: formName, message: err.message, fields, values: safeValues(values) });
		}
		// A value the database refused slipped past the schema: still the user's input, not a 500.
		if (isInputDataError(err)) {
			return fail(400, { form: formName, message: 'Een van de ingevulde waarden kan niet worden opgeslagen. Controleer de invoer.', fields: {} as Record<string, string>, values: safeValues(values) });
		}
		throw err;
	}
}
