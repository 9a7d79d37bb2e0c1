// The address search as /api/v1/places answers it: addresses and places of the PDOK
// Locatieserver, and what Paraat itself knows by that name (incidents, events, refill points the
// user may see). When the Locatieserver cannot be reached the answer says so in one sentence and
// still carries Paraat's own hits.
import { z } from 'zod';
import { safeText } from '../validation/fields.ts';

export const placeQueryInput = z.object({
	q: safeText({ error: 'Typ wat je zoekt: een adres, een plaats of een naam.' })
		.trim()
		.min(2, { error: 'Typ minstens 2 tekens om te zoeken.' })
		.max(100, { error: 'Een zoekvraag mag hoogstens 100 tekens hebben.' })
});

export const placeLookupInput = z.object({
	id: z
		.string({ error: 'Geef het id van een gevonden adres.' })
		.trim()
		.regex(/^[A-Za-z0-9._-]{1,80}$/, { error: 'Dit is geen id van een adres uit de zoeklijst.' })
});

export interface Position {
	lat: number;
	lon: number;
}

/** An address or place of the Locatieserver (its position comes with the lookup). */
export interface AddressHit {
	/** The Locatieserver's id, for the lookup. */
	id: string;
	/** Its kind: adres, weg, woonplaats, gemeente, postcode, … */
	type: string;
	label: string;
}

export interface AddressPlace extends AddressHit {
	position: Position;
}

/** A record of Paraat's own that matches the search. */
export interface OwnHit {
	kind: 'incident' | 'evenement' | 'vulpunt';
	id: string;
	label: string;
	/** What it is, in words: "Incident (oefening)", "Evenement in Haarlem", "Vulpunt". */
	detail: string;
	position: Position | null;
	/** Where to read it, when the user may. */
	href: string | null;
}

export interface PlaceSearchResult {
	query: string;
	addresses: AddressHit[];
	/** false when the Locatieserver could not be asked or gave no answer; `message` then says so. */
	addressesAvailable: boolean;
	message: string | null;
	own: OwnHit[];
}
