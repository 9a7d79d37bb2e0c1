// One search box for places: addresses and places of the PDOK Locatieserver, and what Paraat
// itself knows by that name — incidents, event applications and refill points, each only when the
// policy lets this user read them. The Locatieserver being away costs the addresses, never the rest.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can, scopesFor } from '../auth/permissions';
import { ServiceError, notFound } from '../errors';
import { config } from '../config';
import { logger } from '../log';
import type { AddressPlace, OwnHit, PlaceSearchResult } from '../../contracts/place';
import { LocatieserverUnavailable, lookup, suggest } from './locatieserver';
import { applicationsNamed, incidentsNamed, refillPointsNamed } from './place-queries';

interface Options {
	/** The Locatieserver's address; the configured one (PARAAT_LOCATIESERVER_URL) when absent. */
	endpoint?: string;
}

export const ADDRESS_SEARCH_UNAVAILABLE = 'De adreszoeker (PDOK Locatieserver) is nu niet bereikbaar; je ziet alleen wat Paraat zelf kent.';

const position = (lat: number | null, lon: number | null) => (lat !== null && lon !== null ? { lat, lon } : null);

async function ownHits(db: Kysely<DB>, user: SessionUser, text: string): Promise<OwnHit[]> {
	const hits: OwnHit[] = [];
	if (can(user, 'incident.read')) {
		for (const i of await incidentsNamed(db, text)) {
			hits.push({
				kind: 'incident',
				id: i.id,
				label: i.title,
				detail: `${i.kind === 'oefening' ? 'OEFENING' : 'Incident'}${i.location ? ` — ${i.location}` : ''}`,
				position: position(i.lat, i.lon),
				href: `/crisis/${i.id}`
			});
		}
	}
	for (const a of await applicationsNamed(db, text, scopesFor(user, 'event.read'))) {
		hits.push({ kind: 'evenement', id: a.id, label: a.name, detail: `Evenement in ${a.municipalityName}${a.address ? ` — ${a.address}` : ''}`, position: position(a.lat, a.lon), href: `/evenementen/${a.id}` });
	}
	if (can(user, 'bluswater.read')) {
		for (const r of await refillPointsNamed(db, text)) hits.push({ kind: 'vulpunt', id: r.id, label: r.name, detail: 'Vulpunt bluswater', position: { lat: r.lat, lon: r.lon }, href: null });
	}
	return hits;
}

export async function searchPlaces(db: Kysely<DB>, user: SessionUser, query: string, options: Options = {}): Promise<PlaceSearchResult> {
	const endpoint = options.endpoint ?? config().PARAAT_LOCATIESERVER_URL;
	const [addresses, own] = await Promise.all([
		suggest(endpoint, query).catch((err: unknown) => {
			if (!(err instanceof LocatieserverUnavailable)) throw err;
			logger.warn({ err: err.message }, 'locatieserver unavailable');
			return null;
		}),
		ownHits(db, user, query)
	]);
	return { query, addresses: addresses ?? [], addressesAvailable: addresses !== null, message: addresses === null ? ADDRESS_SEARCH_UNAVAILABLE : null, own };
}

/** The position of one Locatieserver object; 503 in one sentence when it cannot be reached. */
export async function lookupPlace(_db: Kysely<DB>, _user: SessionUser, id: string, options: Options = {}): Promise<AddressPlace> {
	const endpoint = options.endpoint ?? config().PARAAT_LOCATIESERVER_URL;
	let place: AddressPlace | undefined;
	try {
		place = await lookup(endpoint, id);
	} catch (err) {
		if (err instanceof LocatieserverUnavailable) throw new ServiceError(503, 'locatieserver_unavailable', ADDRESS_SEARCH_UNAVAILABLE);
		throw err;
	}
	if (!place) throw notFound('Dit adres is niet (meer) te vinden.');
	return place;
}
