// One error type for services: the status, a stable code and a Dutch message for the user.

export interface FieldError {
	field: string;
	message: string;
	/** Machine code of the refusal (zod's issue code for schema refusals), when known. */
	code?: string;
}

export class ServiceError extends Error {
	readonly status: number;
	readonly code: string;
	readonly fields: FieldError[] | undefined;
	/** Extra top-level members of an API error body (e.g. `current` beside a 409). */
	readonly extra: Record<string, unknown>;
	constructor(status: number, code: string, message: string, fields?: FieldError[], extra: Record<string, unknown> = {}) {
		super(message);
		this.status = status;
		this.code = code;
		this.fields = fields;
		this.extra = extra;
	}
}

/**
 * A write refused because someone else saved first: 409 `version_conflict` with the record as it
 * is now in `current` (the API body's `current` member), so the client can show what changed and
 * let the person apply their change again. The message (who, when) is the capability's wording.
 */
export class VersionConflictError<T = unknown> extends ServiceError {
	readonly current: T;
	constructor(current: T, message: string) {
		super(409, 'version_conflict', message, undefined, { current });
		this.current = current;
	}
}

export const forbidden = (message = 'Je hebt geen toegang tot deze handeling.') => new ServiceError(403, 'forbidden', message);
export const notFound = (message = 'Niet gevonden.') => new ServiceError(404, 'not_found', message);
export const invalid = (fields: FieldError[], message = 'De invoer is niet geldig.') =>
	new ServiceError(400, 'validation_failed', message, fields);
export const conflict = (message: string) => new ServiceError(409, 'conflict', message);

/** A validation refusal whose message names every wrong field. */
export function validationFailed(fields: FieldError[]): ServiceError {
	return new ServiceError(400, 'validation_failed', `De invoer is niet geldig: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields);
}
