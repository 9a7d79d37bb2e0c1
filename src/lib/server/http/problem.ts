// The one error format of /api/v1: RFC 9457 problem details (application/problem+json) as the
// Logius API Design Rules use them — `type`, `title`, `status`, `detail` in Dutch, a stable
// machine `code`, and for validation `invalidParams: [{ name, reason, code? }]`. Beside them the
// body keeps the earlier `error: { code, message, fields? }` for clients written against it
// (until API v2). Framework-free: the HTTP wrapper answers malformed requests with it too.

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const API_VERSION = '1.2.0';

export interface InvalidParam {
	name: string;
	reason: string;
	code?: string;
}

export interface ProblemInput {
	status: number;
	code: string;
	/** Dutch, for the user: what went wrong and, where possible, what to do. */
	detail: string;
	invalidParams?: InvalidParam[];
	/** Extra top-level members, e.g. `current` beside a 409 or `retryAfter` beside a 429. */
	extra?: Record<string, unknown>;
	instance?: string;
}

const TITLES: Record<number, string> = {
	400: 'Ongeldig verzoek',
	401: 'Niet ingelogd',
	403: 'Geen toegang',
	404: 'Niet gevonden',
	405: 'Methode niet toegestaan',
	406: 'Antwoordvorm niet beschikbaar',
	409: 'Conflict',
	410: 'Niet meer beschikbaar',
	411: 'Lengte ontbreekt',
	413: 'Te groot',
	415: 'Soort gegevens niet ondersteund',
	422: 'Niet te verwerken',
	429: 'Te veel verzoeken',
	500: 'Serverfout',
	502: 'Ongeldig antwoord van een achterliggende dienst',
	503: 'Dienst tijdelijk niet beschikbaar',
	504: 'Achterliggende dienst antwoordt niet'
};

export function problemTitle(status: number): string {
	return TITLES[status] ?? (status >= 500 ? 'Serverfout' : 'Verzoek niet uitgevoerd');
}

/** A Dutch detail for a status when nothing more specific is known (e.g. a framework answer). */
export function defaultDetail(status: number): string {
	switch (status) {
		case 400:
			return 'Het verzoek kon niet worden gelezen. Controleer het adres en de meegestuurde gegevens.';
		case 401:
			return 'Je bent niet ingelogd.';
		case 403:
			return 'Je hebt geen toegang tot deze handeling.';
		case 404:
			return 'Dit adres of dit record bestaat niet.';
		case 405:
			return 'Deze methode is hier niet toegestaan.';
		case 413:
			return 'De meegestuurde gegevens zijn te groot.';
		case 415:
			return 'Dit soort gegevens wordt hier niet aangenomen.';
		case 503:
			return 'Paraat is tijdelijk niet beschikbaar. Probeer het over een minuut opnieuw.';
		default:
			return status >= 500 ? 'Er ging iets mis op de server. Probeer het opnieuw.' : 'Het verzoek is niet uitgevoerd.';
	}
}

export function codeForStatus(status: number): string {
	const codes: Record<number, string> = {
		400: 'bad_request',
		401: 'unauthenticated',
		403: 'forbidden',
		404: 'not_found',
		405: 'method_not_allowed',
		413: 'payload_too_large',
		415: 'unsupported_media_type',
		429: 'rate_limited',
		503: 'service_unavailable'
	};
	return codes[status] ?? (status >= 500 ? 'server_error' : 'request_refused');
}

/** The body of a problem answer, with the compatibility member. */
export function problemBody(input: ProblemInput): Record<string, unknown> {
	const fields = input.invalidParams?.map((p) => ({ field: p.name, message: p.reason }));
	// The earlier shape carried retryAfter inside `error`; `current` was top-level only.
	const retryAfter = input.extra?.retryAfter;
	return {
		...input.extra,
		// A URN: absolute and stable as RFC 9457 asks, without pretending to be a web page.
		type: `urn:paraat:probleem:${input.code}`,
		title: problemTitle(input.status),
		status: input.status,
		detail: input.detail,
		code: input.code,
		...(input.instance ? { instance: input.instance } : {}),
		...(input.invalidParams ? { invalidParams: input.invalidParams } : {}),
		error: { code: input.code, message: input.detail, ...(fields ? { fields } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) }
	};
}

/** Headers of every problem answer: the media type, the API version and Retry-After on a 429/503. */
export function problemHeaders(input: ProblemInput): Record<string, string> {
	const headers: Record<string, string> = {
		'content-type': PROBLEM_CONTENT_TYPE,
		'content-language': 'nl',
		'api-version': API_VERSION,
		'cache-control': 'no-store'
	};
	const retryAfter = input.extra?.retryAfter;
	if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
	return headers;
}

export function problemResponse(input: ProblemInput): Response {
	return new Response(JSON.stringify(problemBody(input)), { status: input.status, headers: problemHeaders(input) });
}
