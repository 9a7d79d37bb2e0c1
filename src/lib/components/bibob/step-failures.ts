// A refused step of a Bibob file comes back as the page's `form`: which form it was, the message,
// the wrong fields and what was typed. Each step's section reads its own part of it.

interface StepFailure {
	form: string;
	message: string;
	fields?: Record<string, string>;
	values?: Record<string, string>;
}

export interface StepFailures {
	/** The failure of form `name`, or null when another form (or none) failed. */
	of(name: string): StepFailure | null;
	/** The message for one field of form `name`. */
	field(name: string, field: string): string | undefined;
	/** What was typed into a field of form `name`, else the fallback. */
	value(name: string, field: string, fallback?: string): string;
}

function isStepFailure(form: unknown): form is StepFailure {
	return typeof form === 'object' && form !== null && 'form' in form && 'message' in form && typeof form.form === 'string' && typeof form.message === 'string';
}

export function stepFailures(form: unknown): StepFailures {
	const failure = isStepFailure(form) ? form : null;
	const of = (name: string) => (failure?.form === name ? failure : null);
	return {
		of,
		field: (name, field) => of(name)?.fields?.[field],
		value: (name, field, fallback = '') => of(name)?.values?.[field] ?? fallback
	};
}
