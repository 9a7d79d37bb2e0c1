// "The database is not reachable" as opposed to "this query was wrong": the first means 503 and
// try again later, the second is a bug (500) or bad input (4xx). One place decides, for the request
// hook, the JSON API and the probes.

// SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect
// now: a restart or failover), 53300 (too many connections).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Socket errors from connecting to or talking with the server.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
// pg's own words when a connection ends or cannot be had in time (it sets no code for these).
const PG_MESSAGES = [
	'Connection terminated',
	'timeout exceeded when trying to connect',
	'Client has encountered a connection error and is not queryable',
	'Client was closed and is not queryable',
	'the database system is starting up',
	'the database system is shutting down'
];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
	if (!err || typeof err !== 'object' || depth > 4) return false;
	const { code, message, cause, errors } = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
	if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || NETWORK_CODES.has(code))) return true;
	if (typeof message === 'string' && PG_MESSAGES.some((m) => message.includes(m))) return true;
	// Node reports a refused connection to every address of a host as an AggregateError.
	if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
	return cause !== undefined && isDatabaseUnavailable(cause, depth + 1);
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'De database is niet bereikbaar. Paraat probeert het vanzelf opnieuw; probeer het over een minuut nog eens.';
