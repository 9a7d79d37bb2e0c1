// JSON API plumbing: errors as { error: { code, message } } in Dutch, strict body parsing.
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { ServiceError, type FieldError } from '../errors';
import { RateLimitedError } from '../auth/login';
import { logger } from '../log';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/unavailable';

export const MAX_JSON_BYTES = 64 * 1024;

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
	const headers: Record<string, string> = {};
	if (typeof extra.retryAfter === 'number') headers['Retry-After'] = String(extra.retryAfter);
	return json({ error: { code, message, ...extra } }, { status, headers });
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
	return error.issues.map((issue) => ({
		field: issue.path.map(String).join('.') || '(body)',
		message: issue.message
	}));
}

/** Reads and validates a JSON body; throws a ServiceError with every wrong field. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().includes('application/json')) {
		throw new ServiceError(415, 'unsupported_media_type', 'Stuur de gegevens als JSON (Content-Type: application/json).');
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_JSON_BYTES) throw tooLarge();
	let text: string;
	try {
		text = await request.text();
	} catch {
		throw new ServiceError(400, 'invalid_body', 'De gegevens konden niet worden gelezen.');
	}
	if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw tooLarge();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ServiceError(400, 'invalid_json', 'De gegevens zijn geen geldige JSON.');
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const fields = zodFieldErrors(parsed.error);
		throw new ServiceError(
			400,
			'validation_failed',
			`De invoer is niet geldig: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
			fields
		);
	}
	return parsed.data;
}

function tooLarge() {
	return new ServiceError(413, 'payload_too_large', `De gegevens zijn te groot (maximaal ${MAX_JSON_BYTES / 1024} kB).`);
}

/** Runs an API handler and turns every failure into a JSON error; never an unexplained 500. */
export async function apiCall(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (err) {
		if (err instanceof RateLimitedError) return apiError(429, err.code, err.message, { retryAfter: err.retryAfter });
		if (err instanceof ServiceError) {
			const error = { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
			return json({ error, ...err.extra }, { status: err.status });
		}
		if (isDatabaseUnavailable(err)) return apiError(503, 'database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
		logger.error({ err: err instanceof Error ? err.message : String(err) }, 'API-fout');
		return apiError(500, 'server_error', 'Er ging iets mis op de server. Probeer het opnieuw.');
	}
}

export const unauthenticated = () => apiError(401, 'unauthenticated', 'Je bent niet ingelogd.');

export const methodNotAllowed = () => apiError(405, 'method_not_allowed', 'Deze methode is hier niet toegestaan.');

export function clientAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}
