// A local stand-in for the PDOK Locatieserver v3_1, answering `/suggest` and `/lookup` in the
// documented format (https://github.com/PDOK/locatieserver/wiki/API-Locatieserver): a Solr
// envelope `{ response: { numFound, start, maxScore, numFoundExact, docs } }`, suggest with
// `highlighting` beside it, lookup docs with `centroide_ll` as WKT. Used by the integration tests and
// started by playwright.config.ts for the end-to-end run, so no test needs the internet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Doc {
	id: string;
	type: string;
	weergavenaam: string;
	centroide_ll: string;
	centroide_rd: string;
	gemeentenaam: string;
}

/** A few real places of Kennemerland (positions rounded). */
export const FAKE_PLACES: readonly Doc[] = [
	{ id: 'adr-0392200000012345', type: 'adres', weergavenaam: 'Grote Markt 2, 2011RD Haarlem', centroide_ll: 'POINT(4.6365 52.3812)', centroide_rd: 'POINT(103850 488370)', gemeentenaam: 'Haarlem' },
	{ id: 'adr-0473200000054321', type: 'adres', weergavenaam: 'Burgemeester Engelbertsstraat 2, 2042AZ Zandvoort', centroide_ll: 'POINT(4.5322 52.3713)', centroide_rd: 'POINT(96700 487300)', gemeentenaam: 'Zandvoort' },
	{ id: 'wpl-2975', type: 'woonplaats', weergavenaam: 'Zandvoort, Zandvoort, Noord-Holland', centroide_ll: 'POINT(4.5336 52.3733)', centroide_rd: 'POINT(96800 487500)', gemeentenaam: 'Zandvoort' },
	{ id: 'weg-1234567', type: 'weg', weergavenaam: 'Zeeweg, Bloemendaal', centroide_ll: 'POINT(4.5790 52.4102)', centroide_rd: 'POINT(99900 491600)', gemeentenaam: 'Bloemendaal' }
];

export interface FakeLocatieserver {
	url: string;
	/** Every request path with its query, in order (to check what Paraat asked). */
	requests: string[];
	close(): Promise<void>;
}

function envelope(docs: object[]) {
	return { numFound: docs.length, start: 0, maxScore: docs.length ? 10 : 0, numFoundExact: true, docs };
}

/** Starts the fake on `port` (0: any free port) under `/bzk/locatieserver/search/v3_1`. */
export async function startFakeLocatieserver(port = 0): Promise<FakeLocatieserver> {
	const requests: string[] = [];
	const base = '/bzk/locatieserver/search/v3_1';
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		requests.push(`${url.pathname}${url.search}`);
		const send = (status: number, body: object) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(body));
		};
		const q = url.searchParams.get('q');
		if (url.pathname === `${base}/suggest`) {
			// v3_1: q is required.
			if (!q) return send(400, { detail: "query parameter 'q' is required" });
			const words = q.toLowerCase().split(/\s+/).filter(Boolean);
			const docs = FAKE_PLACES.filter((d) => words.every((w) => d.weergavenaam.toLowerCase().includes(w)));
			const rows = Number(url.searchParams.get('rows') ?? 10);
			const picked = docs.slice(0, rows).map((d, i) => ({ type: d.type, weergavenaam: d.weergavenaam, id: d.id, score: 10 - i }));
			return send(200, {
				response: envelope(picked),
				highlighting: Object.fromEntries(picked.map((d) => [d.id, { suggest: [d.weergavenaam.replace(new RegExp(words[0] ?? '', 'i'), (m) => `<b>${m}</b>`)] }])),
				spellcheck: { suggestions: [], collations: [] }
			});
		}
		if (url.pathname === `${base}/lookup`) {
			const id = url.searchParams.get('id');
			if (!id) return send(400, { detail: "query parameter 'id' is required" });
			const doc = FAKE_PLACES.find((d) => d.id === id);
			return send(200, { response: envelope(doc ? [doc] : []) });
		}
		send(404, { detail: 'not found' });
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	server.unref();
	const address = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${address.port}${base}`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
