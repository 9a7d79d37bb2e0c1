// JSON API plumbing: every refusal as a Dutch problem answer (see problem.ts), strict body parsing.
import type { z } from 'zod';
import '../../validation/zod-dutch.ts';
import { unstorablePath, UNSTORABLE_TEXT_MESSAGE } from '../../validation/storable.ts';
import { ServiceError, validationFailed, type FieldError } from '../errors';
import { RateLimitedError } from '../auth/login';
import { logger } from '../log';
import { problemResponse, type InvalidParam } from './problem';
import { isInputDataError, unexpectedProblem } from './unexpected';

export const MAX_JSON_BYTES = 64 * 1024;

/** The one builder of API error answers: application/problem+json with the compat `error` member. */
export function apiError(
	status: number,
	code: string,
	message: string,
	extra: Record<string, unknown> = {},
	fields?: FieldError[]
): Response {
	const invalidParams: InvalidParam[] | undefined = fields?.map((f) => ({ name: f.field, reason: f.message, ...(f.code ? { code: f.code } : {}) }));
	return problemResponse({ status, code, detail: message, invalidParams, extra });
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
	return error.issues.map((issue) => ({
		field: issue.path.map(String).join('.') || '(body)',
		message: issue.message,
		code: issue.code
	}));
}

/** Refuses text PostgreSQL cannot store anywhere in a parsed body, whatever its schema says. */
export function assertStorable(value: unknown): void {
	const path = unstorablePath(value);
	if (path) throw validationFailed([{ field: path, message: UNSTORABLE_TEXT_MESSAGE, code: 'unstorable_text' }]);
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
	assertStorable(body);
	const parsed = schema.safeParse(body);
	if (!parsed.success) throw validationFailed(zodFieldErrors(parsed.error));
	return parsed.data;
}

function tooLarge() {
	return new ServiceError(413, 'payload_too_large', `De gegevens zijn te groot (maximaal ${MAX_JSON_BYTES / 1024} kB).`);
}

/** Runs an API handler and turns every failure into a problem answer; never an unexplained 500. */
export async function apiCall(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (err) {
		return apiErrorFor(err);
	}
}

/** The problem answer for anything thrown while answering an API request. */
export function apiErrorFor(err: unknown): Response {
	if (err instanceof RateLimitedError) return apiError(429, err.code, err.message, { retryAfter: err.retryAfter });
	if (err instanceof ServiceError) return apiError(err.status, err.code, err.message, err.extra, err.fields);
	const problem = unexpectedProblem(err);
	const log = isInputDataError(err) ? logger.warn.bind(logger) : logger.error.bind(logger);
	log({ err: err instanceof Error ? err.message : String(err), status: problem.status }, 'API-fout');
	return problemResponse(problem);
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
