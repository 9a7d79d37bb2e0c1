// Errors nobody threw on purpose, sorted by what the client can do about them. A PostgreSQL
// data exception (class 22: a value the column cannot hold) is the client's input that slipped
// past a schema: a 400, and a warning in the log so the schema gets fixed. A lost database
// connection is a 503 (try again shortly). Anything else stays a 500.
import type { ProblemInput } from './problem.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/unavailable.ts';

function pgCode(err: unknown): string | undefined {
	const code = (err as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

export function isInputDataError(err: unknown): boolean {
	const code = pgCode(err);
	return code !== undefined && /^22[0-9A-Z]{3}$/.test(code);
}

export function unexpectedProblem(err: unknown): ProblemInput {
	if (isInputDataError(err)) {
		return { status: 400, code: 'invalid_value', detail: 'Een van de meegestuurde waarden kan niet worden opgeslagen. Controleer de invoer.' };
	}
	if (isDatabaseUnavailable(err)) {
		return { status: 503, code: 'database_unavailable', detail: DATABASE_UNAVAILABLE_MESSAGE, extra: { retryAfter: 30 } };
	}
	return { status: 500, code: 'server_error', detail: 'Er ging iets mis op de server. Probeer het opnieuw.' };
}
