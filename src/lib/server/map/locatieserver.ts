// A client of the PDOK Locatieserver v3_1 (https://github.com/PDOK/locatieserver/wiki/API-Locatieserver):
// `suggest` finds addresses and places as one types, `lookup` gives one object's position. The
// server asks it, so the browser depends neither on PDOK's CORS rules nor on reaching PDOK itself.
// Answers are read with a schema: anything else counts as "not reachable", never as a crash.
import { z } from 'zod';
import type { AddressHit, AddressPlace } from '../../contracts/place.ts';

/** The kinds of object worth going to on an incident map (not parcels or water boards). */
const SUGGEST_FILTER = 'type:(gemeente OR woonplaats OR weg OR postcode OR adres)';
const TIMEOUT_MS = 4000;

export class LocatieserverUnavailable extends Error {}

const suggestAnswer = z.object({
	response: z.object({
		numFound: z.number(),
		docs: z.array(z.object({ id: z.string(), type: z.string(), weergavenaam: z.string() }))
	})
});

const lookupAnswer = z.object({
	response: z.object({
		numFound: z.number(),
		docs: z.array(z.object({ id: z.string(), type: z.string(), weergavenaam: z.string(), centroide_ll: z.string() }))
	})
});

async function ask(url: URL, timeoutMs: number): Promise<unknown> {
	let response: Response;
	try {
		response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
	} catch (err) {
		throw new LocatieserverUnavailable(`Locatieserver niet bereikbaar: ${(err as Error).message}`);
	}
	if (!response.ok) throw new LocatieserverUnavailable(`Locatieserver antwoordde ${response.status}`);
	try {
		return await response.json();
	} catch {
		throw new LocatieserverUnavailable('Locatieserver gaf geen JSON');
	}
}

function endpoint(base: string, service: 'suggest' | 'lookup', params: Record<string, string>): URL {
	const url = new URL(`${base.replace(/\/+$/, '')}/${service}`);
	for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
	return url;
}

/** `POINT(4.6357 52.3874)` → position; null when it is not a point. */
export function pointFromWkt(wkt: string): { lat: number; lon: number } | null {
	const m = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i.exec(wkt.trim());
	return m ? { lon: Number(m[1]), lat: Number(m[2]) } : null;
}

export async function suggest(base: string, q: string, options: { rows?: number; timeoutMs?: number } = {}): Promise<AddressHit[]> {
	const raw = await ask(endpoint(base, 'suggest', { q, rows: String(options.rows ?? 8), fq: SUGGEST_FILTER }), options.timeoutMs ?? TIMEOUT_MS);
	const parsed = suggestAnswer.safeParse(raw);
	if (!parsed.success) throw new LocatieserverUnavailable('Locatieserver gaf een onverwacht antwoord');
	return parsed.data.response.docs.map((d) => ({ id: d.id, type: d.type, label: d.weergavenaam }));
}

/** One object with its position; undefined when the id is unknown. */
export async function lookup(base: string, id: string, options: { timeoutMs?: number } = {}): Promise<AddressPlace | undefined> {
	const raw = await ask(endpoint(base, 'lookup', { id, fl: 'id,type,weergavenaam,centroide_ll' }), options.timeoutMs ?? TIMEOUT_MS);
	const parsed = lookupAnswer.safeParse(raw);
	if (!parsed.success) throw new LocatieserverUnavailable('Locatieserver gaf een onverwacht antwoord');
	const doc = parsed.data.response.docs[0];
	const position = doc ? pointFromWkt(doc.centroide_ll) : null;
	return doc && position ? { id: doc.id, type: doc.type, label: doc.weergavenaam, position } : undefined;
}
