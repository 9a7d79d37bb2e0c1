// Requests whose address cannot be read at all (an invalid percent-encoding such as
// /api/v1/incidents/%C0%AE, a NUL in the path, an unusable Host header) are answered here,
// before SvelteKit sees them: the framework would answer with its own English text or HTML.
// /api/ paths get the API's problem format, other paths a small Dutch page. Framework-free:
// the production HTTP wrapper (start.ts) calls it, and in dev a Vite plugin placed before
// SvelteKit's (vite.config.ts) installs it as the first middleware.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { problemBody, problemHeaders, type ProblemInput } from './problem.ts';
import { plainErrorPage } from './plain-error-page.ts';

const MESSAGE = 'Het adres van dit verzoek is ongeldig (bijvoorbeeld een onjuiste %-codering of een NUL-teken). Controleer het adres.';

/** Why this request line cannot be served, or null when it can. */
export function malformedReason(rawUrl: string | undefined, host: string | undefined): string | null {
	const target = rawUrl ?? '/';
	let pathname: string;
	try {
		pathname = new URL(target, `http://${host || 'localhost'}`).pathname;
	} catch {
		return MESSAGE;
	}
	let decoded: string;
	try {
		// As SvelteKit decodes it: %25 stays a literal percent sign.
		decoded = pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return MESSAGE;
	}
	// decodeURI leaves reserved escapes such as %2F alone; a NUL is refused in either form.
	if (decoded.includes('\u0000') || /%00/i.test(pathname)) return MESSAGE;
	return null;
}

/** Answers a malformed request and returns true; returns false (and does nothing) otherwise. */
export function answerMalformedRequest(req: IncomingMessage, res: ServerResponse): boolean {
	const reason = malformedReason(req.url, req.headers.host);
	if (!reason) return false;
	const isApi = (req.url ?? '').startsWith('/api/');
	if (isApi) {
		const problem: ProblemInput = { status: 400, code: 'malformed_url', detail: reason };
		res.writeHead(400, problemHeaders(problem));
		res.end(JSON.stringify(problemBody(problem)));
	} else {
		res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'content-language': 'nl', 'cache-control': 'no-store' });
		res.end(plainErrorPage(400, reason));
	}
	return true;
}

/** The same as connect middleware, for Vite's dev server. */
export function malformedRequestMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
	if (!answerMalformedRequest(req, res)) next();
}

/** Vite plugin: the middleware above, ahead of SvelteKit's own dev middleware (which decodes the path). */
export function malformedRequestPlugin(): Plugin {
	return {
		name: 'paraat-malformed-request',
		enforce: 'pre',
		apply: 'serve',
		configureServer(server) {
			server.middlewares.use(malformedRequestMiddleware);
		}
	};
}
