// Errors nobody threw on purpose, sorted by what the client can do about them. A PostgreSQL
// data exception (class 22: a value the column cannot hold) is the client's input that slipped
// past a schema: a 400, and a warning in the log so the schema gets fixed. A lost database
// connection is a 503 (try again shortly). Anything else stays a 500.
import type { ProblemInput } from './problem.ts';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);

function pgCode(err: unknown): string | undefined {
	const code = (err as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

export function isInputDataError(err: unknown): boolean {
	const code = pgCode(err);
	return code !== undefined && /^22[0-9A-Z]{3}$/.test(code);
}

export function isDatabaseUnavailable(err: unknown): boolean {
	const code = pgCode(err);
	return code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('08'));
}

export function unexpectedProblem(err: unknown): ProblemInput {
	if (isInputDataError(err)) {
		return { status: 400, code: 'invalid_value', detail: 'Een van de meegestuurde waarden kan niet worden opgeslagen. Controleer de invoer.' };
	}
	if (isDatabaseUnavailable(err)) {
		return { status: 503, code: 'service_unavailable', detail: 'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.', extra: { retryAfter: 30 } };
	}
	return { status: 500, code: 'server_error', detail: 'Er ging iets mis op de server. Probeer het opnieuw.' };
}
