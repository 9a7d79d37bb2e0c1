// Which column of an uploaded events list holds what. A municipality's list has its own headers in
// its own order; the usual Dutch headers ("Naam evenement", "Datum", "Locatie", "Bezoekers") are
// recognised, the rest the officer maps by hand, and the mapping is remembered per municipality.
// Pure: the headers come from the spreadsheet reader, the remembered mapping from the database.

/** The application fields a list can fill, in the order the mapping form shows them. */
export const IMPORT_FIELDS = [
	'name',
	'startDate',
	'startTime',
	'endDate',
	'endTime',
	'address',
	'peakVisitors',
	'totalVisitors',
	'eventType',
	'description',
	'organiserOrganisation',
	'organiserName',
	'organiserEmail',
	'organiserPhone',
	'organiserKvk',
	'areaM2'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these no application can be made (the form's own minimum: a name and a start). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'startDate'];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
	name: 'Naam evenement',
	startDate: 'Datum (begin)',
	startTime: 'Begintijd',
	endDate: 'Einddatum',
	endTime: 'Eindtijd',
	address: 'Locatie',
	peakVisitors: 'Bezoekers (piek)',
	totalVisitors: 'Bezoekers (totaal)',
	eventType: 'Soort evenement',
	description: 'Omschrijving',
	organiserOrganisation: 'Organisatie',
	organiserName: 'Contactpersoon',
	organiserEmail: 'E-mailadres',
	organiserPhone: 'Telefoonnummer',
	organiserKvk: 'KvK-nummer',
	areaM2: 'Oppervlakte (m²)'
};

/** Headers as municipalities write them, normalised (see normaliseHeader). First match wins. */
const KNOWN_HEADERS: Record<ImportField, readonly string[]> = {
	name: ['naam evenement', 'evenement', 'naam van het evenement', 'evenementnaam', 'naam', 'titel', 'activiteit'],
	startDate: ['datum', 'begindatum', 'startdatum', 'datum van', 'datum begin', 'datum evenement', 'begin', 'start', 'van'],
	startTime: ['begintijd', 'starttijd', 'aanvang', 'aanvangstijd', 'tijd van', 'vanaf'],
	endDate: ['einddatum', 'datum tot', 'datum einde', 'tot en met', 't m', 'einde', 'eind'],
	endTime: ['eindtijd', 'tijd tot', 'sluitingstijd', 'tot'],
	address: ['locatie', 'adres', 'plaats', 'locatie adres', 'adres locatie', 'waar', 'terrein'],
	peakVisitors: ['bezoekers', 'aantal bezoekers', 'piekbezetting', 'max bezoekers', 'maximaal aantal bezoekers', 'bezoekersaantal', 'verwachte bezoekers', 'verwacht aantal bezoekers', 'gelijktijdig aanwezig', 'piek'],
	totalVisitors: ['totaal bezoekers', 'totaal aantal bezoekers', 'bezoekers totaal', 'totaal'],
	eventType: ['soort', 'soort evenement', 'type', 'type evenement', 'categorie'],
	description: ['omschrijving', 'beschrijving', 'toelichting', 'opmerkingen', 'opmerking'],
	organiserOrganisation: ['organisatie', 'organisator', 'organiserende partij', 'aanvrager'],
	organiserName: ['contactpersoon', 'naam contactpersoon', 'contact'],
	organiserEmail: ['e mail', 'email', 'e mailadres', 'emailadres', 'e mail contactpersoon'],
	organiserPhone: ['telefoon', 'telefoonnummer', 'tel', 'mobiel'],
	organiserKvk: ['kvk', 'kvk nummer', 'kvk nr'],
	areaM2: ['oppervlakte', 'oppervlakte m2', 'oppervlakte m²', 'm2', 'vloeroppervlak']
};

/** A header as compared: lower case, without accents, punctuation as single spaces. */
export function normaliseHeader(header: string): string {
	return header
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLocaleLowerCase('nl-NL')
		.replace(/²/g, '2')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Field → header text as written in the file. An absent field is not imported. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** The columns recognised by their header; each column serves at most one field. */
export function detectMapping(headers: readonly string[]): ColumnMapping {
	const normal = headers.map(normaliseHeader);
	const used = new Set<number>();
	const mapping: ColumnMapping = {};
	for (const field of IMPORT_FIELDS) {
		for (const known of KNOWN_HEADERS[field]) {
			const at = normal.findIndex((h, i) => h === normaliseHeader(known) && !used.has(i));
			if (at >= 0) {
				mapping[field] = headers[at]!;
				used.add(at);
				break;
			}
		}
	}
	return mapping;
}

/** The column index of a header text in this file (compared normalised), or -1. */
export function columnIndex(headers: readonly string[], header: string): number {
	const wanted = normaliseHeader(header);
	return wanted === '' ? -1 : headers.findIndex((h) => normaliseHeader(h) === wanted);
}

export interface ResolvedMapping {
	/** Field → header, only for headers this file has. */
	mapping: ColumnMapping;
	/** Field → column index in the file. */
	columns: Partial<Record<ImportField, number>>;
	/** Required fields that no column serves. */
	missing: ImportField[];
}

/**
 * The mapping for this file: what the officer chose now (an empty choice means "not this field"),
 * else what the municipality remembered, else the recognised one — each only when this file has
 * that header.
 */
export function resolveMapping(headers: readonly string[], remembered: ColumnMapping, chosen: ColumnMapping = {}): ResolvedMapping {
	const detected = detectMapping(headers);
	const mapping: ColumnMapping = {};
	const columns: Partial<Record<ImportField, number>> = {};
	for (const field of IMPORT_FIELDS) {
		// A choice naming a header this file lacks (a form left from the previous file) falls back.
		const fallback = [remembered[field], detected[field]];
		const candidates = field in chosen ? (chosen[field] === '' ? [] : [chosen[field], ...fallback]) : fallback;
		for (const header of candidates) {
			if (header === undefined) continue;
			const at = columnIndex(headers, header);
			if (at < 0) continue;
			mapping[field] = headers[at]!;
			columns[field] = at;
			break;
		}
	}
	return { mapping, columns, missing: REQUIRED_IMPORT_FIELDS.filter((f) => columns[f] === undefined) };
}
